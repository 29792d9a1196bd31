"""The magazine's dates and times: British dates, 24-hour clock (Django's en-GB says "10:13 p.m.")."""

from django.conf.locale.en_GB.formats import *  # noqa: F403

DATETIME_FORMAT = "j M Y, H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
TIME_FORMAT = "H:i"

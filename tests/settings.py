"""The magazine's settings, with a fourth content type that exists only in the tests (tests/featureapp)."""

import os

from magazine.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.featureapp"]  # noqa: F405
ROOT_URLCONF = "tests.featureapp.site_urls"
# Tests deliver the outbox themselves (editorial.outbox.deliver_due); a Site's gunicorn runs a sender when asked.
OUTBOX_POLL_SECONDS = float(os.environ.get("SITE_OUTBOX_POLL_SECONDS", "0"))

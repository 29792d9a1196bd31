"""Every date the desk shows, in one format: 24-hour, in the magazine's time zone, relative when recent.

“today 14:05”, “yesterday 09:10”, “tomorrow 09:00”, else “28 Nov 2026”; the full time is in the
``<time>`` element's title, for a pointer to find.
"""

from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.html import format_html

RELATIVE = {0: "today", -1: "yesterday", 1: "tomorrow"}


def when(value: datetime | None, now: datetime | None = None) -> str:
    if value is None:
        return ""
    local = timezone.localtime(value)
    days = (local.date() - timezone.localtime(now or timezone.now()).date()).days
    if days in RELATIVE:
        return f"{RELATIVE[days]} {local:%H:%M}"
    return date_format(local, "j M Y")


def full(value: datetime | None) -> str:
    """28 Nov 2026, 14:05 GMT"""
    if value is None:
        return ""
    return date_format(timezone.localtime(value), "j M Y, H:i T")


def time_tag(value: datetime | None, now: datetime | None = None) -> str:
    if value is None:
        return "—"
    return format_html('<time datetime="{}" title="{}">{}</time>', value.isoformat(), full(value),
                       when(value, now))


def within(days: int, now: datetime | None = None) -> tuple[datetime, datetime]:
    start = now or timezone.now()
    return start, start + timedelta(days=days)

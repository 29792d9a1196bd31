"""A change to a live item scheduled for a minute goes live on that minute, with no cron job and no worker.

The first request after the minute publishes it (through ``workflow.publish_due_change``) before
its view runs. Cached pages never outlive the next due change, so a reader served from the cache
meets it on time too. The next due time is kept in the shared cache; without the cache it is
asked of the database.

A change that cannot be applied (its slug is taken since, its show was unpublished) fails alone: it is set
aside with the reason (``editorial.set_aside``), its working copy stays for an editor, and the request that
found it is served as usual. A database that does not answer is no reason to set a change aside: it is tried
again on the next request.
"""

import logging
import time

from django.db import InterfaceError, OperationalError
from django.db.models import Min
from django.utils import timezone

from editorial import workflow
from editorial.models import Revision
from editorial.publication import public_change
from editorial.shared_cache import attempt

NEXT_DUE = "editorial:next-change-due"
logger = logging.getLogger(__name__)
WARN_EVERY_SECONDS = 60  # while the database is away, one line a minute, not one a request
_last_warned = [-WARN_EVERY_SECONDS * 2.0]
REMEMBERED_SECONDS = 60  # a bound on how late a change can be if the cache missed a forget()


def next_due() -> float | None:
    """When the next scheduled change goes live (a timestamp), or None."""
    found = attempt("get", NEXT_DUE)
    if found is None:
        upcoming = Revision.objects.filter(go_live_at__isnull=False).aggregate(next=Min("go_live_at"))["next"]
        found = upcoming.timestamp() if upcoming else 0
        attempt("set", NEXT_DUE, found, REMEMBERED_SECONDS)
    return found or None


def forget(**kwargs) -> None:
    attempt("delete", NEXT_DUE)


def publish_due() -> int:
    """Publish every scheduled change whose minute has come; how many went live."""
    due = next_due()
    if due is None or due > timezone.now().timestamp():
        return 0
    published = 0
    for revision in Revision.objects.filter(go_live_at__lte=timezone.now()).order_by("go_live_at"):
        try:
            published += workflow.publish_due_change(revision)
        except (OperationalError, InterfaceError):
            raise
        except Exception as error:  # noqa: BLE001  (however it fails, it fails alone)
            workflow.set_aside_due_change(revision, error)
    forget()
    return published


class ScheduledChangesMiddleware:
    """Due changes go live before the view runs; whatever goes wrong there, the reader's page is served."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            publish_due()
        except Exception as error:  # noqa: BLE001  (a database gone away: the view says so if it needs the database)
            if time.monotonic() - _last_warned[0] > WARN_EVERY_SECONDS:
                _last_warned[0] = time.monotonic()
                logger.warning("Due changes were not published (tried again on the next request): %r", error)
        return self.get_response(request)


def connect() -> None:
    public_change.connect(forget, dispatch_uid="editorial.scheduled_changes.forget")

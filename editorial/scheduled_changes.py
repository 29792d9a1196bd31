"""A change to a live item scheduled for a minute goes live on that minute, with no cron job and no worker.

The first request after the minute publishes it (through ``workflow.publish_due_change``) before
its view runs. Cached pages never outlive the next due change, so a reader served from the cache
meets it on time too. The next due time is kept in the shared cache; without the cache it is
asked of the database.
"""

from django.db.models import Min
from django.utils import timezone

from editorial import workflow
from editorial.models import Revision
from editorial.publication import public_change
from editorial.shared_cache import attempt

NEXT_DUE = "editorial:next-change-due"
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
    published = sum(workflow.publish_due_change(revision) for revision in
                    Revision.objects.filter(go_live_at__lte=timezone.now()).order_by("go_live_at"))
    forget()
    return published


class ScheduledChangesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        publish_due()
        return self.get_response(request)


def connect() -> None:
    public_change.connect(forget, dispatch_uid="editorial.scheduled_changes.forget")

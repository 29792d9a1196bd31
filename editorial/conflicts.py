"""No silent overwrites: a save made from a form older than the item is refused, with what changed meanwhile."""

from dataclasses import dataclass

from django.utils import timezone

from editorial.models import Revision
from editorial.revisions import diff


@dataclass(frozen=True)
class Conflict:
    message: str
    changes: list[tuple[str, str]]


def check(item, loaded_version: int) -> Conflict | None:
    """None when ``loaded_version`` is still the item's version; the row is locked until the save ends."""
    model = type(item)
    current = model._default_manager.select_for_update().filter(pk=item.pk).values_list("version", flat=True).first()
    if current is None or current == loaded_version:
        return None
    revisions = {r.version: r for r in Revision.of(item).filter(version__in=[loaded_version, current])
                 .select_related("created_by")}
    latest = revisions.get(current)
    who = (latest.created_by.get_full_name() or latest.created_by.get_username()) if latest and latest.created_by \
        else "Someone"
    when = f" at {timezone.localtime(latest.created_at):%H:%M on %d %b}" if latest else ""
    changes = diff(model, revisions[loaded_version].data, latest.data) if latest and loaded_version in revisions \
        else []
    message = (f"{who} saved this {model._meta.verbose_name}{when}, after you opened it, so your changes were not "
               "saved. Copy what you wrote, reload the page, and apply it again to the latest version.")
    return Conflict(message, changes)

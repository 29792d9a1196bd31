"""What restored items derive from their content (renditions, mentions), made once the import has committed.

The import makes it itself, item by item, through the publication pipeline's own refresh rather than its
after-commit hook, so that it can say which items failed and why (editors also find them set aside). Nothing
made here is in the export: a failure is that item's alone, and running the same import again makes whatever
is missing.
"""

from dataclasses import dataclass

from backups.records import Entry
from editorial import publication, set_aside

STEP = "renditions and mentions"


@dataclass
class Unfinished:
    """Derived work that could not be made: where the export holds the item, what failed, and why."""

    where: str
    what: str
    reason: str

    def __str__(self):
        return f"{self.where}: {self.what}: {self.reason}"


def make_derived(entries: list[Entry], *, bar) -> list[Unfinished]:
    """Every item's derived work, then readers' pages told the magazine changed; returns what failed."""
    unfinished = []
    with bar("deriving", len(entries)) as progress:
        for entry in entries:
            item = entry.model._default_manager.filter(pk=entry.item.pk).first()
            if item is not None:
                problem = derive(item)
                if problem:
                    unfinished.append(Unfinished(f"{entry.path}:{entry.line} ({describe(item)})", STEP, problem))
            progress.update(1)
    try:
        publication.changed_in_bulk(public=True)  # every page may show what was restored
    except Exception as error:  # noqa: BLE001  (the rows are in; what failed is said, not raised)
        unfinished.append(Unfinished("the whole magazine", "refreshing readers' pages", set_aside.reason(error)))
    return unfinished


def derive(item) -> str | None:
    """What the publication pipeline runs for a changed item (a failure is set aside there too); why it failed,
    or None."""
    error = publication.refresh(item)
    return set_aside.reason(error) if error else None


def describe(item) -> str:
    return f"{item._meta.verbose_name} {item.pk} “{item}”"

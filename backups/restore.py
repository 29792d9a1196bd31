"""Rebuild an empty magazine from an export, in one transaction, once all of the export has been checked.

Items are written with their ids, slugs, states and publication times as they were; each keeps a first
revision, and a published item's working copy comes back as its working copy. Either all of it is written or
none of it, in the database and in the media store. What items derive from their content (renditions, mentions)
is made after the commit (``derived``); what fails there is reported, and the same import run again on the
magazine it wrote makes what is missing and writes nothing twice.
"""

import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import DatabaseError, connection, transaction
from taggit.models import Tag

from backups import kinds
from backups.derived import Unfinished, make_derived
from backups.files import Export, open_export
from backups.layout import TAGS, BackupError, items_file
from backups.plan import Plan, read_plan
from backups.records import Entry, describe
from editorial import drafts, registry
from editorial.progress import progress_bar
from editorial.slugs import OldSlug
from shows.models import Credit, Episode, Season


class NotEmpty(Exception):
    pass


@dataclass
class Restored:
    counts: dict[str, int]  # what the magazine now holds
    notices: list[str]
    unfinished: list[Unfinished]  # derived work that failed after the commit
    finishing: bool = False  # the database already held this export: only its derived work was made


def quiet_bar(label: str, total: int):
    return progress_bar(sys.stderr, label, total, shown=False)


def holdings() -> dict[str, int]:
    """What the database holds that an import would write, by name (only what it holds any of)."""
    held = {str(model._meta.verbose_name_plural): model._default_manager.count() for model in registry.models()}
    held |= {"tags": Tag.objects.count(), "old addresses": OldSlug.objects.count()}
    return {name: count for name, count in held.items() if count}


def not_empty(held: dict[str, int]) -> NotEmpty:
    found = ", ".join(f"{count} {name}" for name, count in held.items())
    return NotEmpty(f"The database already holds {found}. import_magazine restores into an empty magazine only: "
                    "make a new database, run “manage.py migrate”, then import. (Run again on the magazine an "
                    "import of this same export wrote, and left as it was, it makes what that import could not: "
                    "renditions and mentions.)")


def same_counts(held: dict[str, int], export: Export) -> bool:
    """Whether the database holds as many items of each type as the export: a first look, before reading it."""
    listed = {entry.get("type"): entry.get("count") for entry in export.manifest["content"]}
    return all(held.get(str(model._meta.verbose_name_plural), 0) == listed.get(model._meta.label_lower, 0)
               for model in registry.models())


def holds_exactly(plan: Plan) -> bool:
    """The database holds the export's items as an import of it wrote them (same ids, slugs and last edits),
    its tags, and nothing else."""
    for model in registry.models():
        wanted = {(e.item.pk, e.item.slug, e.stamps.get("updated_at")) for e in plan.entries if e.model is model}
        if set(model._default_manager.values_list("pk", "slug", "updated_at")) != wanted:
            return False
    return set(Tag.objects.values_list("slug", flat=True)) == {tag.slug for tag in plan.tags}


def import_magazine(root: Path, *, bar=quiet_bar) -> Restored:
    """Check all of the export at ``root``, then write it, then make what its items derive."""
    root = Path(root)
    export = open_export(root, bar=bar)
    held = holdings()
    if held and not same_counts(held, export):
        raise not_empty(held)
    plan = read_plan(export, bar=bar)
    finishing = bool(held)
    if finishing and not holds_exactly(plan):
        raise not_empty(held)
    if finishing:
        missing = {name: path for name, path in plan.pictures.items() if not default_storage.exists(name)}
        store_pictures(root, missing, [])
    else:
        for name, path in plan.pictures.items():
            if default_storage.exists(name):
                raise BackupError(path, f"the media store already holds {name}; restore into an empty media store.")
        write_all(root, plan, bar=bar)
    unfinished = make_derived(plan.entries, bar=bar)
    counts = {str(model._meta.verbose_name_plural): model._default_manager.count() for model in registry.models()}
    counts |= {"credits": Credit.objects.count(), "seasons": Season.objects.count(),
               "episodes": Episode.objects.count(), "tags": Tag.objects.count(), "pictures": len(plan.pictures),
               "working copies": sum(entry.working_copy is not None for entry in plan.entries)}
    domain = export.manifest.get("domain")
    notices = [] if domain in (None, settings.MAGAZINE_DOMAIN) else [
        f"The export was made with MAGAZINE_DOMAIN={domain}; here it is {settings.MAGAZINE_DOMAIN}, so every feed "
        "entry id differs from before. Set MAGAZINE_DOMAIN back to keep them."]
    return Restored(counts, notices, unfinished, finishing)


def write_all(root: Path, plan: Plan, *, bar) -> None:
    """The whole export into the database and the media store, or (whatever stops it) nothing into either."""
    stored, committed = [], []
    try:
        with transaction.atomic():
            transaction.on_commit(lambda: committed.append(True))
            held = holdings()  # again: another process may have written since the first look
            if held:
                raise not_empty(held)
            store_pictures(root, plan.pictures, stored)
            write(plan, bar=bar)
    except BaseException as error:
        if not committed:
            left = remove(stored)
            if left and isinstance(error, BackupError):
                error.message += (f" The media store still holds {', '.join(left)}, which could not be removed: "
                                  "remove it before importing again.")
        raise


def store_pictures(root: Path, pictures: dict[str, str], stored: list[str]) -> None:
    for name, path in pictures.items():
        try:
            with (root / path).open("rb") as file:
                saved = default_storage.save(name, File(file))
        except OSError as error:
            raise BackupError(path, f"the media store could not take it: {error}") from error
        stored.append(saved)
        if saved != name:
            raise BackupError(path, f"the media store kept it as {saved}, not {name}: it is not empty.")


def remove(names: list[str]) -> list[str]:
    """Take back the pictures an import stored; returns those that could not be removed."""
    left = []
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:
            left.append(name)
    return left


@contextmanager
def at(path: str, line: int | None = None):
    """A problem met while writing names the record (or file) it came from."""
    try:
        yield
    except BackupError:
        raise
    except ValidationError as error:
        raise BackupError(path, describe(error), line=line) from error
    except DatabaseError as error:
        raise BackupError(path, f"the database refused it: {error}", line=line) from error
    except Exception as error:  # noqa: BLE001  (whatever it was, it is said with where, and nothing stays written)
        raise BackupError(path, f"could not be written: {type(error).__name__}: {error}", line=line) from error


def write(plan: Plan, *, bar) -> None:
    with at(TAGS):
        Tag.objects.bulk_create(plan.tags)
    with bar("items", len(plan.entries)) as progress:
        for entry in plan.entries:
            with at(entry.path, entry.line):
                entry.item.save(force_insert=True)
                content_type = ContentType.objects.get_for_model(entry.model)
                OldSlug.objects.bulk_create(OldSlug(content_type=content_type, object_id=entry.item.pk, slug=slug)
                                            for slug in entry.record.get("old_slugs", []))
            progress.update(1)
    for model in {entry.model for entry in plan.entries}:
        with at(items_file(model)):
            reset_id_sequence(model)
    users = users_named({entry.stamps.get(name) for entry in plan.entries for name in ("created_by", "updated_by")})
    with bar("details", len(plan.entries)) as progress:
        for entry in plan.entries:
            with at(entry.path, entry.line):
                complete(entry, users)
            progress.update(1)


def complete(entry: Entry, users: dict) -> None:
    """Tags, extras (a show's credits), a first revision, the working copy, and who made it when."""
    item, extras = entry.item, entry.extras()
    if "tags" in extras:
        item.tags.set(extras["tags"])
    kinds.before_extras(item, extras)
    item.restore_extras(extras)
    drafts.record(item, by=None)
    copy = entry.working_copy
    if copy is not None:
        revision = drafts.keep_apart(item, copy["data"], by=None, changes=copy["changes"])
        revision.go_live_at, revision.correction = copy["go_live_at"], copy.get("correction", "")
        revision.save(update_fields=["go_live_at", "correction"])
    stamps = {name: value for name, value in entry.stamps.items() if name.endswith("_at")}
    stamps |= {f"{name}_id": users.get(entry.stamps.get(name)) for name in ("created_by", "updated_by")}
    entry.model._default_manager.filter(pk=item.pk).update(**stamps)  # update(): auto_now would move them


def users_named(names: set) -> dict[str, int]:
    """Accounts are not part of an export: an item's maker is linked again when the account exists here."""
    return dict(get_user_model().objects.filter(username__in=names - {None}).values_list("username", "pk"))


def reset_id_sequence(model) -> None:
    """Items were written with their own ids: the next new one must come after them (PostgreSQL's sequences)."""
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [model]):
            cursor.execute(statement)

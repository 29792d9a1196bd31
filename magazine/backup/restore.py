"""Rebuild an empty magazine from an export, in one transaction, once all of the export has been checked.

Items are written with their ids, slugs, states and publication times as they were; each keeps a first
revision, a published item's working copy comes back as its working copy, and the publication pipeline
makes what items derive from their content (renditions, mentions) after the commit, as after any change.
"""

import sys
from contextlib import contextmanager
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

from editorial import publication, registry, working_copy
from editorial.models import Status
from editorial.progress import progress_bar
from editorial.slugs import OldSlug
from editorial.workflow import record
from magazine.backup import kinds
from magazine.backup.files import open_export
from magazine.backup.layout import BackupError
from magazine.backup.plan import Plan, read_plan
from magazine.backup.records import Entry, describe
from shows.models import Credit


class NotEmpty(Exception):
    pass


def quiet_bar(label: str, total: int):
    return progress_bar(sys.stderr, label, total, shown=False)


def refuse_unless_empty() -> None:
    held = [(model._default_manager.count(), model._meta.verbose_name_plural) for model in registry.models()]
    held += [(Tag.objects.count(), "tags"), (OldSlug.objects.count(), "old addresses")]
    found = [f"{count} {name}" for count, name in held if count]
    if found:
        raise NotEmpty(f"The database already holds {', '.join(found)}. import_magazine restores into an empty "
                       "magazine only: make a new database, run “manage.py migrate”, then import.")


def import_magazine(root: Path, *, bar=quiet_bar) -> tuple[dict[str, int], list[str]]:
    """Check all of the export at ``root``, then write it. Returns what the magazine now holds, and notices."""
    refuse_unless_empty()
    export = open_export(root, bar=bar)
    plan = read_plan(export)
    for name, path in plan.pictures.items():
        if default_storage.exists(name):
            raise BackupError(path, f"the media store already holds {name}; restore into an empty media store.")
    stored, committed = [], []
    try:
        with transaction.atomic():
            transaction.on_commit(lambda: committed.append(True))  # runs first: the pipeline's work comes after
            refuse_unless_empty()
            store_pictures(Path(root), plan, stored)
            write(plan, bar=bar)
    except BaseException:
        if not committed:
            for name in stored:
                default_storage.delete(name)
        raise
    counts = {str(model._meta.verbose_name_plural): model._default_manager.count() for model in registry.models()}
    counts |= {"credits": Credit.objects.count(), "tags": Tag.objects.count(), "pictures": len(plan.pictures),
               "working copies": sum(entry.working_copy is not None for entry in plan.entries)}
    domain = export.manifest.get("domain")
    notices = [] if domain in (None, settings.MAGAZINE_DOMAIN) else [
        f"The export was made with MAGAZINE_DOMAIN={domain}; here it is {settings.MAGAZINE_DOMAIN}, so every feed "
        "entry id differs from before. Set MAGAZINE_DOMAIN back to keep them."]
    return counts, notices


def store_pictures(root: Path, plan: Plan, stored: list[str]) -> None:
    for name, path in plan.pictures.items():
        with (root / path).open("rb") as file:
            saved = default_storage.save(name, File(file))
        stored.append(saved)
        if saved != name:
            raise BackupError(path, f"the media store kept it as {saved}, not {name}: it is not empty.")


@contextmanager
def at(entry: Entry):
    """A problem met while writing an item names the record it came from."""
    try:
        yield
    except ValidationError as error:
        raise BackupError(entry.path, describe(error), line=entry.line) from error
    except DatabaseError as error:
        raise BackupError(entry.path, f"the database refused it: {error}", line=entry.line) from error


def write(plan: Plan, *, bar) -> None:
    Tag.objects.bulk_create(plan.tags)
    with bar("items", len(plan.entries)) as progress:
        for entry in plan.entries:
            with at(entry):
                entry.item.save(force_insert=True)
                content_type = ContentType.objects.get_for_model(entry.model)
                OldSlug.objects.bulk_create(OldSlug(content_type=content_type, object_id=entry.item.pk, slug=slug)
                                            for slug in entry.record.get("old_slugs", []))
            progress.update(1)
    reset_id_sequences({entry.model for entry in plan.entries})
    users = users_named({entry.stamps.get(name) for entry in plan.entries for name in ("created_by", "updated_by")})
    with bar("details", len(plan.entries)) as progress:
        for entry in plan.entries:
            with at(entry):
                complete(entry, users)
            progress.update(1)


def complete(entry: Entry, users: dict) -> None:
    """Tags, extras (a show's credits), a first revision, the working copy, and who made it when."""
    item, extras = entry.item, entry.extras()
    if "tags" in extras:
        item.tags.set(extras["tags"])
    kinds.before_extras(item, extras)
    item.restore_extras(extras)
    record(item, by=None)
    copy = entry.working_copy
    if copy is not None:
        revision = working_copy.keep(item, copy["data"], by=None, changes=copy["changes"])
        revision.go_live_at, revision.correction = copy["go_live_at"], copy.get("correction", "")
        revision.save(update_fields=["go_live_at", "correction"])
    stamps = {name: value for name, value in entry.stamps.items() if name.endswith("_at")}
    stamps |= {f"{name}_id": users.get(entry.stamps.get(name)) for name in ("created_by", "updated_by")}
    entry.model._default_manager.filter(pk=item.pk).update(**stamps)  # update(): auto_now would move them
    publication.changed(item, public=item.status == Status.PUBLISHED)


def users_named(names: set) -> dict[str, int]:
    """Accounts are not part of an export: an item's maker is linked again when the account exists here."""
    return dict(get_user_model().objects.filter(username__in=names - {None}).values_list("username", "pk"))


def reset_id_sequences(models: set) -> None:
    """Items were written with their own ids: the next new one must come after them (PostgreSQL's sequences)."""
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), list(models)):
            cursor.execute(statement)

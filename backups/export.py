"""Write the whole magazine to a folder of plain files, read in one consistent snapshot of the database."""

import json
import shutil
import sys
from collections import defaultdict
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.utils import timezone
from taggit.models import Tag

from backups import kinds
from backups.files import upload_problem
from backups.layout import (
    FORMAT,
    MANIFEST,
    MEDIA,
    TAGS,
    VERSION,
    BackupError,
    items_file,
    json_line,
    media_file,
    sha256,
    text_file,
)
from editorial import drafts, registry
from editorial.progress import progress_bar
from editorial.revisions import snapshot
from editorial.slugs import OldSlug
from shows.models import Credit, Episode, Season


def quiet_bar(label: str, total: int):
    return progress_bar(sys.stderr, label, total, shown=False)


class Folder:
    """The export being written: every file it holds, with its checksum."""

    def __init__(self, root: Path):
        self.root, self.files = root, {}
        self.refused: list[str] = []  # pictures the import would refuse, with why

    def write(self, path: str, text: str) -> None:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        self.files[path] = sha256(target)

    def copy_stored(self, name: str, owner) -> str:
        """The media store's file ``name`` into the export (once, however many items or working copies name it)."""
        path = media_file(name)
        if path not in self.files:
            if not default_storage.exists(name):
                raise BackupError(path, f"{owner._meta.verbose_name} {owner.pk} (“{owner}”) names the picture "
                                        f"{name}, which is not in the media store.")
            target = self.root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            with default_storage.open(name, "rb") as source, target.open("wb") as copy:
                shutil.copyfileobj(source, copy)
            self.files[path] = sha256(target)
            problem = upload_problem(target, name)  # stored before today's upload checks, say
            if problem:
                self.refused.append(f"{path} ({owner._meta.verbose_name} {owner.pk} “{owner}”): {problem}")
        return path


def record_of(item, folder: Folder, *, old_slugs: list[str], users: dict) -> dict:
    data = kinds.in_creation_order(item, snapshot(item))
    record = {"id": item.pk, "old_slugs": old_slugs, "corrections": item.corrections,
              "created_at": item.created_at.isoformat(), "updated_at": item.updated_at.isoformat(),
              "created_by": users.get(item.created_by_id), "updated_by": users.get(item.updated_by_id),
              "working_copy": None}
    text_format = kinds.TEXT.get(type(item))
    if text_format:
        text, data = text_format.split(item, data)
        if text is not None:
            record["text"] = text_file(type(item), item.slug)
            folder.write(record["text"], text)
    if getattr(item, "image", None):
        folder.copy_stored(item.image.name, item)
    for name in kinds.pictures_in_extras(type(item), data):
        folder.copy_stored(name, item)
    revision = drafts.pending_revision(item)
    if revision is not None:
        record["working_copy"] = {"changes": item.pending_changes, "data": revision.data,
                                  "go_live_at": revision.go_live_at.isoformat() if revision.go_live_at else None,
                                  "correction": revision.correction}
        for name in [revision.data.get("image"), *kinds.pictures_in_extras(type(item), revision.data)]:
            if name:
                folder.copy_stored(name, item)
    record["fields"] = data
    return record


def snapshot_isolation() -> None:
    """On PostgreSQL, every query of the export sees the database as it stood at the first one."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")


def export_magazine(root: Path, *, bar=quiet_bar) -> tuple[dict[str, int], list[str]]:
    """Write the magazine into ``root`` (new or empty); ``manifest.json`` comes last. Returns what it counted, and
    the pictures the import would refuse (each checked as the admin checks an upload)."""
    root = Path(root)
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise BackupError(str(root), "is not an empty folder; export into a new one.")
    root.mkdir(parents=True, exist_ok=True)
    folder, counts, content = Folder(root), {}, []
    outermost = not connection.in_atomic_block  # inside a caller's transaction, the caller chose its isolation
    with transaction.atomic():
        if outermost:
            snapshot_isolation()
        users = dict(get_user_model().objects.values_list("pk", "username"))
        tags = [{"name": tag.name, "slug": tag.slug} for tag in Tag.objects.order_by("pk")]
        folder.write(TAGS, "".join(json_line(tag) for tag in tags))
        counts["tags"] = len(tags)
        for model in registry.models():
            old = defaultdict(list)
            for object_id, slug in OldSlug.objects.filter(content_type=ContentType.objects.get_for_model(model))\
                    .order_by("pk").values_list("object_id", "slug"):
                old[object_id].append(slug)
            items = model._default_manager.order_by("pk")
            lines = []
            with bar(str(model._meta.verbose_name_plural), items.count()) as progress:
                for item in items.iterator(chunk_size=500):
                    lines.append(json_line(record_of(item, folder, old_slugs=old[item.pk], users=users)))
                    progress.update(1)
            folder.write(items_file(model), "".join(lines))
            counts[str(model._meta.verbose_name_plural)] = len(lines)
            content.append({"type": model._meta.label_lower, "file": items_file(model), "count": len(lines)})
        counts |= {"credits": Credit.objects.count(), "seasons": Season.objects.count(),
                   "episodes": Episode.objects.count()}
    counts["pictures"] = sum(path.startswith(f"{MEDIA}/") for path in folder.files)
    manifest = {"format": FORMAT, "version": VERSION, "exported_at": timezone.now().isoformat(),
                "magazine": settings.MAGAZINE_NAME, "domain": settings.MAGAZINE_DOMAIN, "content": content,
                "files": [{"path": path, "sha256": digest} for path, digest in sorted(folder.files.items())]}
    (root / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return counts, folder.refused

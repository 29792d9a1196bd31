"""Where things are in an export, and the error that names where something is wrong."""

import hashlib
import json
from datetime import datetime
from pathlib import Path, PurePosixPath

from django.utils.dateparse import parse_datetime
from django.utils.text import slugify

FORMAT, VERSION = "frame-rate-magazine", 1
MANIFEST = "manifest.json"
TAGS = "tags.jsonl"
MEDIA = "media"


class BackupError(Exception):
    """What is wrong, and where: ``path`` inside the export, and ``line`` when there is one."""

    def __init__(self, path: str, message: str, *, line: int | None = None):
        super().__init__(message)
        self.path, self.message, self.line = path, message, line

    def __str__(self):
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


def items_file(model) -> str:
    return f"{slugify(str(model._meta.verbose_name_plural))}.jsonl"


def text_file(model, slug: str) -> str:
    return f"{slugify(str(model._meta.verbose_name_plural))}/{slug}.txt"


def media_file(name: str) -> str:
    """Where the export keeps the stored file ``name`` (a name in the media store, such as ``pictures/x.jpg``)."""
    return f"{MEDIA}/{name}"


def is_safe(path: str) -> bool:
    """A plain relative path that stays inside the export (no ``..``, no absolute path, no ``a//b``)."""
    parts = PurePosixPath(path).parts
    return bool(parts) and str(PurePosixPath(path)) == path and not path.startswith("/") and "\\" not in path \
        and not {"..", "."} & set(parts)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def json_line(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True) + "\n"


def moment(value, *, path: str, line: int | None, what: str) -> datetime | None:
    """An ISO 8601 time with its offset (None stays None)."""
    if value is None:
        return None
    try:
        found = parse_datetime(value) if isinstance(value, str) else None
    except ValueError:  # well formed, but no such day or hour
        found = None
    if found is None or found.tzinfo is None:
        raise BackupError(path, f"{what} must be a time with its offset, such as 2026-03-01T09:00:00+00:00, "
                                f"not {json.dumps(value, ensure_ascii=False)}.", line=line)
    return found

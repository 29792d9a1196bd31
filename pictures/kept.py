"""A picture kept across a validation error elsewhere in the form: stored aside under a signed name, offered
again on the form, and used by the next save without choosing it again. Kept pictures not used within a day are
removed the next time one is kept."""

import time
from dataclasses import dataclass
from pathlib import PurePath

from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

FOLDER = "pictures/kept/"
SALT = "pictures.kept"
KEPT_SECONDS = 24 * 3600


@dataclass(frozen=True)
class KeptPicture:
    name: str  # in the storage, under FOLDER

    @property
    def url(self) -> str:
        return default_storage.url(self.name)

    @property
    def token(self) -> str:
        return signing.dumps(self.name, salt=SALT)

    def reopen(self) -> ContentFile:
        """The picture as a fresh upload (already checked and cleaned when it was first chosen)."""
        with default_storage.open(self.name, "rb") as stored:
            return ContentFile(stored.read(), name=PurePath(self.name).name)


def keep(cleaned: ContentFile) -> KeptPicture:
    sweep()
    cleaned.seek(0)
    return KeptPicture(default_storage.save(f"{FOLDER}{cleaned.name}", cleaned))


def from_token(token: str) -> KeptPicture | None:
    """The kept picture a form names, if the name is one we signed, recently, and it is still there."""
    if not token:
        return None
    try:
        name = signing.loads(token, salt=SALT, max_age=KEPT_SECONDS)
    except signing.BadSignature:
        return None
    if not isinstance(name, str) or not name.startswith(FOLDER) or ".." in name or not default_storage.exists(name):
        return None
    return KeptPicture(name)


def sweep() -> None:
    try:
        _, files = default_storage.listdir(FOLDER)
    except (FileNotFoundError, NotImplementedError):
        return
    cutoff = time.time() - KEPT_SECONDS
    for name in files:
        path = f"{FOLDER}{name}"
        try:
            if default_storage.get_modified_time(path).timestamp() < cutoff:
                default_storage.delete(path)
        except (FileNotFoundError, NotImplementedError):
            continue

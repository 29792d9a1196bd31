"""Media no row names: renditions a preview drew, files a failed save or a replaced picture left behind.

Only the folders pictures write are looked in: the pictures' own (``upload_to``) and ``renditions/``.
A kept upload (``pictures.kept``) is named by a signed token on a form for a day, so it is spared until then
whatever the age asked for. Link-preview cards (``cards/``, ``pictures.social_card``) are not looked at: no row
names them, but a page asks for one by its title, a process remembers that it has drawn it, and a shared link
shows it for as long as it is cached.
"""

import time
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage

from editorial import registry
from editorial.models import Revision
from pictures import kept
from pictures.models import Pictured
from pictures.renditions import FOLDER, rendition_paths


@dataclass(frozen=True)
class Orphan:
    path: str
    bytes: int


def pictured_models() -> list[type]:
    return [model for model in registry.models() if issubclass(model, Pictured)]


def folders() -> list[str]:
    upload_to = {model._meta.get_field("image").upload_to for model in pictured_models()}
    return sorted({folder.strip("/") for folder in upload_to if isinstance(folder, str) and folder} | {FOLDER})


def walk(folder: str):
    try:
        subfolders, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    yield from (f"{folder}/{name}" for name in files)
    for subfolder in subfolders:
        yield from walk(f"{folder}/{subfolder}")


def named_files() -> set[str]:
    """Every file a row names: each item's picture and renditions, and the picture of each of its revisions."""
    models = pictured_models()
    named = set()
    for model in models:
        for image, renditions in model._default_manager.values_list("image", "image_renditions").iterator(2000):
            named |= {image, *rendition_paths(renditions)}
    types = ContentType.objects.get_for_models(*models).values()
    named |= set(Revision.objects.filter(content_type__in=types).values_list("data__image", flat=True).iterator(2000))
    return named - {"", None}


def orphans(*, older_than: float, bar) -> list[Orphan]:
    """The files under the pictures' folders that no row names, unchanged for ``older_than`` seconds.
    ``bar(total)`` is a progress bar over the files no row names, each of which is asked its age."""
    found = [path for folder in folders() for path in walk(folder)]  # listed first: a file saved later is spared
    unnamed = sorted(set(found) - named_files())
    now, old = time.time(), []
    with bar(len(unnamed)) as progress:
        for path in unnamed:
            age = max(older_than, kept.KEPT_SECONDS) if path.startswith(kept.FOLDER) else older_than
            try:
                if default_storage.get_modified_time(path).timestamp() <= now - age:
                    old.append(Orphan(path, default_storage.size(path)))
            except FileNotFoundError:
                pass  # removed meanwhile
            progress.update(1)
    return old

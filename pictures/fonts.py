"""The magazine's two typefaces, self-hosted from npm's @fontsource packages (``make node`` installs them).

Playfair Display sets the headlines, Source Serif 4 the text. The stylesheet ``static/css/fonts.css`` names
one woff2 file per face and subset; ``FontFinder`` hands exactly those files to collectstatic (as
``fonts/<file>``), and ``font_file`` gives Pillow the same files for the pictures it letters.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.checks import Warning as CheckWarning
from django.core.files.storage import FileSystemStorage

PACKAGES = Path(settings.BASE_DIR) / "node_modules" / "@fontsource"
STATIC_PREFIX = "fonts"
# The faces the stylesheet uses, as (weight, style): nothing else is served.
FACES = {
    "playfair-display": (("700", "normal"),),
    "source-serif-4": (("400", "normal"), ("400", "italic"), ("700", "normal")),
}
SUBSETS = ("latin", "latin-ext")


def file_name(family: str, weight: str, style: str, subset: str) -> str:
    return f"{family}-{subset}-{weight}-{style}.woff2"


def served_files() -> dict[str, Path]:
    """Each served file's name under ``fonts/`` and where its package keeps it."""
    return {
        file_name(family, weight, style, subset): PACKAGES / family / "files" / file_name(family, weight, style, subset)
        for family, faces in FACES.items() for weight, style in faces for subset in SUBSETS
    }


class FontFinder(finders.BaseFinder):
    """A staticfiles finder for the woff2 files the stylesheet names, and no other file of the packages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.files = served_files()
        self.storages = {}
        for path in {p.parent for p in self.files.values()}:
            storage = FileSystemStorage(location=path)
            storage.prefix = STATIC_PREFIX
            self.storages[path] = storage

    def check(self, **kwargs):
        missing = sorted(name for name, path in self.files.items() if not path.exists())
        if not missing:
            return []
        return [CheckWarning(
            f"The web fonts are not installed ({len(missing)} files missing, e.g. {missing[0]}); "
            "pages fall back to the system's serif and collectstatic will fail.",
            hint="Run `make node` (npm ci) to install them from package-lock.json.", id="pictures.W001",
        )]

    def find(self, path, find_all=False, **kwargs):
        find_all = find_all or kwargs.get("all", False)
        prefix, _, name = path.partition("/")
        found = self.files.get(name) if prefix == STATIC_PREFIX else None
        if found is None or not found.exists():
            return []  # as Django's own finders answer: an empty list, whether or not find_all
        return [str(found)] if find_all else str(found)

    def list(self, ignore_patterns):
        for name, path in self.files.items():
            if path.exists():
                yield name, self.storages[path.parent]


def font_file(family: str, weight: str, style: str = "normal", subset: str = "latin") -> Path | None:
    """The woff2 file for Pillow: from the package, or where collectstatic put it on a machine without npm."""
    name = file_name(family, weight, style, subset)
    for candidate in (served_files().get(name), Path(settings.STATIC_ROOT) / STATIC_PREFIX / name):
        if candidate and candidate.exists():
            return candidate
    return None

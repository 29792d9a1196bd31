"""Reading an export's files: the manifest and its checksums, JSON Lines, house-style text and pictures.
Each problem is a BackupError naming the file, and the line where there is one."""

import json
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from magazine.backup.layout import FORMAT, MANIFEST, VERSION, BackupError, is_safe, media_file, sha256
from pictures.renditions import ACCEPTED, NAME_SUFFIXES


@dataclass
class Export:
    root: Path
    manifest: dict
    listed: set[str] = field(default_factory=set)  # the files the manifest lists, checked

    def path(self, name: str) -> Path:
        """A file the manifest lists (and so whose checksum has been checked)."""
        if not isinstance(name, str) or name not in self.listed:
            raise BackupError(name, "is not listed in manifest.json, so it cannot be trusted.")
        return self.root / name

    def text(self, name: str) -> str:
        data = self.path(name).read_bytes()
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise BackupError(name, "is not UTF-8 text.", line=data[: error.start].count(b"\n") + 1) from None

    def json_lines(self, name: str) -> list[tuple[int, dict]]:
        """(line number, object) for each line that is not blank."""
        found = []
        for number, line in enumerate(self.text(name).split("\n"), start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line, parse_constant=not_a_number)
            except json.JSONDecodeError as error:
                raise BackupError(name, f"not valid JSON ({error.msg}, column {error.colno}).", line=number) from None
            except ValueError as error:
                raise BackupError(name, str(error), line=number) from None
            if not isinstance(value, dict):
                raise BackupError(name, "each line must be a JSON object ({...}).", line=number)
            if holds_nul(value):
                raise BackupError(name, "holds a NUL character (\\u0000), which no text of the magazine holds.",
                                  line=number)
            found.append((number, value))
        return found

    def picture_size(self, stored_name: str) -> tuple[int, int]:
        """The width and height of a picture the export carries, after checking it is a whole JPEG, PNG or WebP."""
        path = media_file(stored_name)
        if not is_safe(stored_name):
            raise BackupError(path, "is not a name the media store can hold.")
        try:
            with Image.open(self.path(path), formats=list(ACCEPTED)) as image:
                image.load()
                found, size = image.format, image.size
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, UnidentifiedImageError):
            raise BackupError(path, "is not a whole JPEG, PNG or WebP picture.") from None
        if NAME_SUFFIXES.get(Path(stored_name).suffix.lower()) != found:
            raise BackupError(path, f"is a {found} picture under a name that says otherwise.")
        return size


def holds_nul(value) -> bool:
    if isinstance(value, dict):
        return any(holds_nul(key) or holds_nul(item) for key, item in value.items())
    if isinstance(value, list):
        return any(holds_nul(item) for item in value)
    return isinstance(value, str) and "\x00" in value


def not_a_number(constant: str):
    raise ValueError(f"{constant} is not a number JSON allows.")


def read_manifest(root: Path) -> dict:
    if not root.is_dir():
        raise BackupError(str(root), "is not a folder.")
    if not (root / MANIFEST).is_file():
        raise BackupError(MANIFEST, "is missing: this is not a whole export (the export writes it last).")
    try:
        manifest = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise BackupError(MANIFEST, f"not valid JSON ({error.msg}).", line=error.lineno) from None
    except UnicodeDecodeError:
        raise BackupError(MANIFEST, "is not UTF-8 text.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(MANIFEST, f"is not the manifest of a {FORMAT} export.")
    if manifest.get("version") != VERSION:
        raise BackupError(MANIFEST, f"is version {manifest.get('version')!r} of the format; this import reads "
                                    f"version {VERSION}.")
    files = manifest.get("files")
    if not isinstance(files, list) or not all(isinstance(entry, dict) for entry in files):
        raise BackupError(MANIFEST, "“files” must be a list of {\"path\": …, \"sha256\": …}.")
    if not isinstance(manifest.get("content"), list) or not all(isinstance(c, dict) for c in manifest["content"]):
        raise BackupError(MANIFEST, "“content” must be a list of {\"type\": …, \"file\": …, \"count\": …}.")
    return manifest


def open_export(root: Path, *, bar) -> Export:
    """The export at ``root``, each file its manifest lists present and matching its checksum."""
    root = Path(root)
    export = Export(root, read_manifest(root))
    files = export.manifest["files"]
    with bar("checking", len(files)) as progress:
        for entry in files:
            name, expected = entry.get("path"), entry.get("sha256")
            if not isinstance(name, str) or not is_safe(name) or name == MANIFEST:
                raise BackupError(MANIFEST, f"lists {name!r}, which is not a file inside the export.")
            if not (root / name).is_file():
                raise BackupError(name, "is listed in manifest.json but missing from the export.")
            if sha256(root / name) != expected:
                raise BackupError(name, "does not match its SHA-256 checksum in manifest.json: the file changed "
                                        "or was damaged after the export.")
            export.listed.add(name)
            progress.update(1)
    return export

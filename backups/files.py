"""Reading an export's files: the manifest and its checksums, JSON Lines, house-style text and pictures.
Each problem is a BackupError naming the file, and the line where there is one.

An export is read as hostile input: it holds plain files and folders only (no link, which could lead anywhere, no
FIFO, which would hang the reader), only the files its manifest lists, and nothing larger or deeper than the export
itself ever writes."""

import json
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from PIL import Image

from backups.layout import FORMAT, MANIFEST, VERSION, BackupError, is_safe, media_file, sha256
from pictures.renditions import clean_upload

MAX_LINE_BYTES = 16 * 1024 * 1024  # far past the longest line the export writes (a show with all its credits)
MAX_TEXT_BYTES = 16 * 1024 * 1024  # a house-style review
MAX_MANIFEST_BYTES = 256 * 1024 * 1024  # a million files
MAX_DEPTH = 20  # the export's deepest line (a working copy's credits) is five deep
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")  # NUL, and lone surrogates, which UTF-8 cannot encode
MEGABYTE = 1024 * 1024


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
        path = self.path(name)
        if path.stat().st_size > MAX_TEXT_BYTES:
            raise BackupError(name, f"is larger than {MAX_TEXT_BYTES // MEGABYTE} MB, far more than a review.")
        data = path.read_bytes()
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise BackupError(name, "is not UTF-8 text.", line=data[: error.start].count(b"\n") + 1) from None

    def json_lines(self, name: str) -> list[tuple[int, dict]]:
        """(line number, object) for each line that is not blank."""
        found = []
        with self.path(name).open("rb") as file:
            for number, raw in enumerate(iter(lambda: file.readline(MAX_LINE_BYTES + 1), b""), start=1):
                if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                    raise BackupError(name, f"the line is longer than {MAX_LINE_BYTES // MEGABYTE} MB, far more "
                                            "than any item the export writes.", line=number)
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError:
                    raise BackupError(name, "is not UTF-8 text.", line=number) from None
                if not line.strip():
                    continue
                value = parse_json(line, path=name, line=number)
                if not isinstance(value, dict):
                    raise BackupError(name, "each line must be a JSON object ({...}).", line=number)
                found.append((number, value))
        return found

    def picture_size(self, stored_name: str, *, named_by: str) -> tuple[int, int]:
        """The width and height of a picture the export carries, once it passes the admin's checks of an upload.
        ``named_by`` is where the export names it (``reviews.jsonl:3``)."""
        path = media_file(stored_name)
        if not isinstance(stored_name, str) or not is_safe(stored_name):
            raise BackupError(path, f"is not a name the media store can hold (named by {named_by}).")
        problem = upload_problem(self.path(path), stored_name)
        if problem:
            raise BackupError(path, f"{problem} (The picture of {named_by}.)")
        with Image.open(self.path(path)) as image:
            return image.size


def upload_problem(path: Path, stored_name: str) -> str | None:
    """Why the admin would refuse the picture at ``path`` as an upload named ``stored_name``; None if it would not."""
    with path.open("rb") as file:
        try:
            clean_upload(File(file, name=stored_name))
        except ValidationError as error:
            return " ".join(error.messages)
        except Exception:  # noqa: BLE001  (a damaged file can break a decoder in more ways than Pillow names)
            return "The file is not a whole JPEG, PNG or WebP picture."
    return None


def parse_json(text: str, *, path: str, line: int | None):
    try:
        value = json.loads(text, parse_constant=not_a_number)
    except json.JSONDecodeError as error:
        where = line if line is not None else error.lineno
        raise BackupError(path, f"not valid JSON ({error.msg}, column {error.colno}).", line=where) from None
    except RecursionError:
        raise BackupError(path, f"the JSON is nested too deeply (more than {MAX_DEPTH} levels).", line=line) from None
    except ValueError as error:
        raise BackupError(path, str(error), line=line) from None
    check_json(value, path=path, line=line)
    return value


def check_json(value, *, path: str, line: int | None) -> None:
    """No deeper than the export ever writes, and no text that no column of the database can hold."""
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, str):
            found = UNSTORABLE.search(item)
            if found and found.group() == "\x00":
                raise BackupError(path, "holds a NUL character (\\u0000), which no text of the magazine holds.",
                                  line=line)
            if found:
                raise BackupError(path, f"holds a lone surrogate (\\u{ord(found.group()):04x}), which is not a "
                                        "character: no text of the magazine holds one.", line=line)
        elif isinstance(item, dict | list):
            if depth > MAX_DEPTH:
                raise BackupError(path, f"the JSON is nested too deeply (more than {MAX_DEPTH} levels).", line=line)
            children = [*item, *item.values()] if isinstance(item, dict) else item
            pending += [(child, depth + 1) for child in children]


def not_a_number(constant: str):
    raise ValueError(f"{constant} is not a number JSON allows.")


def kind_of(mode: int) -> str | None:
    """What a file that is not a plain file or folder is, in words; None for those two."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    kinds = [(stat.S_ISLNK, "a symbolic link"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
             (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device")]
    return next((name for test, name in kinds if test(mode)), "not a plain file")


def refuse_odd(name: str, mode: int) -> None:
    kind = kind_of(mode)
    if kind:
        raise BackupError(name, f"is {kind}; an export holds plain files and folders only.")


def read_manifest(root: Path) -> dict:
    if not root.is_dir():
        raise BackupError(str(root), "is not a folder.")
    try:
        found = os.lstat(root / MANIFEST)
    except FileNotFoundError:
        raise BackupError(MANIFEST, "is missing: this is not a whole export (the export writes it last).") from None
    refuse_odd(MANIFEST, found.st_mode)
    if stat.S_ISDIR(found.st_mode):
        raise BackupError(MANIFEST, "is a folder, not the export's manifest.")
    if found.st_size > MAX_MANIFEST_BYTES:
        raise BackupError(MANIFEST, f"is larger than {MAX_MANIFEST_BYTES // MEGABYTE} MB.")
    try:
        manifest = parse_json((root / MANIFEST).read_text(encoding="utf-8"), path=MANIFEST, line=None)
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


def check_tree(root: Path, listed: set[str]) -> None:
    """Everything in the export is a folder or a plain file its manifest lists."""
    pending = [root]
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                name = Path(entry.path).relative_to(root).as_posix()
                mode = entry.stat(follow_symlinks=False).st_mode
                refuse_odd(name, mode)
                if stat.S_ISDIR(mode):
                    pending.append(Path(entry.path))
                elif name != MANIFEST and name not in listed:
                    raise BackupError(name, "is not listed in manifest.json: an export holds only the files its "
                                            "manifest lists, with their checksums. Remove it, or export again.")


def open_export(root: Path, *, bar) -> Export:
    """The export at ``root``, each file its manifest lists present and matching its checksum."""
    root = Path(root)
    export = Export(root, read_manifest(root))
    files = export.manifest["files"]
    for entry in files:
        name = entry.get("path")
        if not isinstance(name, str) or not is_safe(name) or name == MANIFEST:
            raise BackupError(MANIFEST, f"lists {name!r}, which is not a file inside the export.")
    check_tree(root, {entry["path"] for entry in files})
    with bar("checking", len(files)) as progress:
        for entry in files:
            name, expected = entry["path"], entry.get("sha256")
            try:
                mode = os.lstat(root / name).st_mode
            except OSError:  # missing, or a file stands where a folder on its path should be
                raise BackupError(name, "is listed in manifest.json but missing from the export.") from None
            if stat.S_ISDIR(mode):
                raise BackupError(name, "is a folder where manifest.json lists a file.")
            if sha256(root / name) != expected:
                raise BackupError(name, "does not match its SHA-256 checksum in manifest.json: the file changed "
                                        "or was damaged after the export.")
            export.listed.add(name)
            progress.update(1)
    return export

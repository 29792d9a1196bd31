"""``python manage.py import_review FILE|FOLDER ... [--title T] [--publish]``"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from editorial.progress import progress_bar
from reviews.house_style import HouseStyleError, every_error, parse_review
from reviews.services import import_review

MANY_FILES = 10  # past this, a progress bar instead of a line a file


def read_house_style(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise HouseStyleError(f"The text is not UTF-8 (byte 0x{data[error.start]:02X}); save it as UTF-8.",
                              line=line) from None


def review_files(paths: list[str]) -> list[Path]:
    files = []
    for name in paths:
        path = Path(name)
        files.extend(sorted(path.glob("*.txt")) if path.is_dir() else [path])
    return files


class Command(BaseCommand):
    help = "Import reviews written in the magazine's house style (front matter, paragraphs, credits line)."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="FILE", help="house-style files, or folders of *.txt")
        parser.add_argument("--title", help="the show's title, for files without a front matter “show:”")
        parser.add_argument("--publish", action="store_true",
                            help="publish the review, its show and new people at the front matter's date (or now)")

    def handle(self, *args, paths, title, publish, verbosity, **options):
        files = review_files(paths)
        tally = {"created": 0, "updated": 0, "unchanged": 0, "failed": 0}
        show_bar = len(files) > MANY_FILES and verbosity > 0
        with progress_bar(self.stderr, "files", len(files), shown=show_bar) as progress:
            for path in files:
                outcome = self.import_one(path, title=title, publish=publish, verbose=verbosity > 1 or (
                    verbosity > 0 and not show_bar))
                tally[outcome] += 1
                progress.update(1)
        summary = ", ".join(f"{count} {outcome}" for outcome, count in tally.items())
        self.stdout.write(f"{len(files)} file{'s' if len(files) != 1 else ''}: {summary}.")
        if tally["failed"]:
            raise CommandError(f"{tally['failed']} of {len(files)} files could not be imported; nothing was written "
                               "for them.")

    def import_one(self, path: Path, *, title, publish, verbose: bool) -> str:
        try:
            report = import_review(parse_review(read_house_style(path)), title=title, publish=publish)
        except HouseStyleError as error:
            for one in every_error(error):
                self.stderr.write(f"\r{path}:{one.line}: {one.message}")
            return "failed"
        except OSError as error:
            self.stderr.write(f"\r{path}: cannot be read: {error.strerror or error}")
            return "failed"
        if verbose:
            detail = f" ({report.summary()})" if report.changes else ""
            self.stdout.write(f"{path}: {report.outcome} “{report.review.headline}”{detail}")
        for notice in report.notices:
            self.stderr.write(f"\r{path}: {notice}")
        return report.outcome

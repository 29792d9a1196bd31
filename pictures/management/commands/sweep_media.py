"""``python manage.py sweep_media [--older-than 1d] [--delete]``"""

import re

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError

from editorial.progress import progress_bar
from pictures.sweep import orphans

MANY_FILES = 100  # past this, a progress bar while each file is asked its age
UNITS = {"m": 60, "h": 3600, "d": 86400}


def duration(text: str) -> float:
    found = re.fullmatch(r"(\d+(?:\.\d+)?)([mhd])", text.strip())
    if not found:
        raise ValueError(text)
    return float(found[1]) * UNITS[found[2]]


def megabytes(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB"


class Command(BaseCommand):
    help = ("List the pictures and renditions in the media storage that no item or revision names (drawn for a "
            "preview, left by a replaced picture or a failed save); with --delete, remove them. Link-preview cards "
            "and the other apps' files are not looked at.")

    def add_arguments(self, parser):
        parser.add_argument("--older-than", default="1d", metavar="AGE",
                            help="spare files changed more recently than this: 90m, 12h, 1d (the default), 7d. "
                                 "Kept uploads are spared for a day whatever the age.")
        parser.add_argument("--delete", action="store_true", help="remove the files listed")

    def handle(self, *args, older_than, delete, verbosity, **options):
        try:
            seconds = duration(older_than)
        except ValueError:
            raise CommandError(f"--older-than {older_than}: give a number and m, h or d, as in 12h or 1d.") from None

        def bar(total):
            return progress_bar(self.stderr, "files", total, shown=total > MANY_FILES and verbosity > 0)

        found = orphans(older_than=seconds, bar=bar)
        for orphan in found:
            if verbosity > 0:
                self.stdout.write(f"{orphan.path}  {megabytes(orphan.bytes)}")
            if delete:
                default_storage.delete(orphan.path)
        total = f"{len(found)} file{'' if len(found) == 1 else 's'} ({megabytes(sum(o.bytes for o in found))})"
        if not found:
            self.stdout.write(f"No file older than {older_than} is left that no row names.")
        elif delete:
            self.stdout.write(self.style.SUCCESS(f"Removed {total} that no row names, older than {older_than}."))
        else:
            self.stdout.write(f"{total} that no row names, older than {older_than}; --delete removes them.")

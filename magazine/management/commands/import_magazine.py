"""``python manage.py import_magazine DIR``: an export of export_magazine into an empty magazine."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from editorial.progress import progress_bar
from magazine.backup.layout import BackupError
from magazine.backup.restore import NotEmpty, import_magazine


class Command(BaseCommand):
    help = ("Rebuild the magazine from an export_magazine folder, into an empty database and media store. "
            "Everything is checked first; a damaged export writes nothing.")

    def add_arguments(self, parser):
        parser.add_argument("directory", metavar="DIR", help="a folder written by export_magazine")

    def handle(self, *args, directory, verbosity, **options):
        def bar(label, total):
            return progress_bar(self.stderr, label, total, shown=verbosity > 0)

        try:
            counts, notices = import_magazine(Path(directory), bar=bar)
        except BackupError as error:
            raise CommandError(f"{error}\nNothing was imported.") from None
        except NotEmpty as error:
            raise CommandError(str(error)) from None
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Imported {summary}."))
        for notice in notices:
            self.stderr.write(notice)

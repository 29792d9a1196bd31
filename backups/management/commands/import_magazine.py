"""``python manage.py import_magazine DIR``: an export of export_magazine into an empty magazine."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.layout import BackupError
from backups.restore import NotEmpty, import_magazine
from editorial.progress import progress_bar

AGAIN = ("Put right what stopped it, then run the same command again: it finds this export already in the "
         "database, writes nothing twice, and makes only what is missing.")


class Command(BaseCommand):
    help = ("Rebuild the magazine from an export_magazine folder, into an empty database and media store. "
            "Everything is checked first, and either all of it is written or nothing is. Run again on the "
            "magazine it wrote, it makes the renditions and mentions an earlier run could not.")

    def add_arguments(self, parser):
        parser.add_argument("directory", metavar="DIR", help="a folder written by export_magazine")

    def handle(self, *args, directory, verbosity, **options):
        def bar(label, total):
            return progress_bar(self.stderr, label, total, shown=verbosity > 0)

        try:
            restored = import_magazine(Path(directory), bar=bar)
        except BackupError as error:
            raise CommandError(f"{error}\nNothing was imported: the database and the media store are as they "
                               "were.") from None
        except NotEmpty as error:
            raise CommandError(str(error)) from None
        summary = ", ".join(f"{count} {name}" for name, count in restored.counts.items())
        if restored.finishing:
            self.stdout.write(self.style.SUCCESS(
                f"The database already holds this export ({summary}), from an earlier import: nothing was written "
                "again. Made what its items derive (renditions, mentions) where it was missing."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Imported {summary}."))
        for notice in restored.notices:
            self.stderr.write(notice)
        if restored.unfinished:
            failed = "\n".join(f"  {problem}" for problem in restored.unfinished)
            raise CommandError(f"Everything in the export is in the database, but what {len(restored.unfinished)} "
                               f"of its items derive could not be made:\n{failed}\n{AGAIN}")

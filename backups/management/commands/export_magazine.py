"""``python manage.py export_magazine DIR``: the whole magazine as plain files, with a manifest of checksums."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backups.export import export_magazine
from backups.layout import BackupError
from editorial.progress import progress_bar


class Command(BaseCommand):
    help = ("Write every show, person, credit, tag, review (in house style) and picture original, with each item's "
            "slugs, state and working copy, into a new folder; import_magazine reads it back.")

    def add_arguments(self, parser):
        parser.add_argument("directory", metavar="DIR", help="a new (or empty) folder")

    def handle(self, *args, directory, verbosity, **options):
        def bar(label, total):
            return progress_bar(self.stderr, label, total, shown=verbosity > 0)

        try:
            counts, refused = export_magazine(Path(directory), bar=bar)
        except BackupError as error:
            raise CommandError(str(error)) from None
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Exported {summary} to {directory}."))
        if refused:
            pictures = "\n".join(f"  {picture}" for picture in refused)
            raise CommandError(f"The export is written, but import_magazine would refuse {len(refused)} of its "
                               f"pictures, as the admin refuses such an upload:\n{pictures}\nReplace each in the "
                               "admin (or remove it), then export again: until then this export cannot be restored.")

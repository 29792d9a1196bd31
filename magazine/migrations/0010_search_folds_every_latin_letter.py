"""SQLite's search index gains its ``folded`` column (search.backends): made again and filled.

PostgreSQL's index needs nothing: ``unaccent`` already folds ø, ł, ß and æ.
"""

from django.db import migrations

from search.backends import backend_for


def reinstall(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        backend = backend_for(schema_editor.connection)
        backend.uninstall()
        backend.install()


class Migration(migrations.Migration):

    dependencies = [
        ("magazine", "0009_editors_lift_signin_pauses"),
        ("people", "0008_one_folding"),
        ("shows", "0008_one_folding"),
        ("reviews", "0012_one_folding"),
    ]

    operations = [migrations.RunPython(reinstall, reinstall, elidable=False)]

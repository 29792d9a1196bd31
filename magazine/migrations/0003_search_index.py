"""The site search index: an FTS5 table on SQLite, a GIN-indexed tsvector table on PostgreSQL (with unaccent).

Both are filled from the existing rows and kept current by triggers; see magazine/search_backends.py.
"""

from django.db import migrations

from search.backends import backend_for


def install(apps, schema_editor):
    backend_for(schema_editor.connection).install()


def uninstall(apps, schema_editor):
    backend_for(schema_editor.connection).uninstall()


class Migration(migrations.Migration):

    # The latest migration of each indexed table: on SQLite, rebuilding a table drops its triggers
    # (search_backends.repair_after_migrate puts them back after later migrations).
    dependencies = [
        ("magazine", "0002_editorial_groups"),
        ("people", "0004_mentions"),
        ("shows", "0004_mentions"),
        ("reviews", "0006_mentions"),
    ]

    operations = [migrations.RunPython(install, uninstall, elidable=False)]

"""SQLite's search index gains prefix indexes (search.backends.SqliteBackend.prefix_lengths): the FTS5 table is
made again with them, keeping every row. PostgreSQL's index needs nothing.

Going back leaves the prefix indexes in place: a search reads the table the same way with or without them.
"""

from django.db import migrations

from search.backends import backend_for


def add_prefix_indexes(apps, schema_editor):
    backend = backend_for(schema_editor.connection)
    if schema_editor.connection.vendor != "sqlite" or backend.table not in backend.connection.introspection.table_names():
        return
    if not backend.has_current_schema():
        backend.remake()


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0001_initial"),
        ("magazine", "0010_search_folds_every_latin_letter"),  # where the table gained its ``folded`` column, then
    ]

    operations = [migrations.RunPython(add_prefix_indexes, migrations.RunPython.noop, elidable=False)]

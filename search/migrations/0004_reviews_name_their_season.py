"""A review's row in the index carries, after its show's title, what part of the show it reviews (", season 2",
", 2×05 ‘The Understudy’"): the triggers are made again with that column, and every row is indexed anew."""

from django.db import migrations

from search.backends import backend_for


def reinstall(apps, schema_editor):
    connection = schema_editor.connection
    backend = backend_for(connection)
    if backend.table in connection.introspection.table_names():
        backend.reinstall_triggers()


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0003_postgresql_document_in_row"),
        ("reviews", "0015_reviews_of_seasons_and_episodes"),
    ]

    operations = [migrations.RunPython(reinstall, migrations.RunPython.noop, elidable=False)]

"""The site search index: an FTS5 table on SQLite, a GIN-indexed tsvector table on PostgreSQL (with unaccent), made
and filled from the existing rows and kept current by triggers (``search.backends``); and the table as the ORM
sees it on PostgreSQL (unmanaged).

Until the search app owned it, ``magazine`` 0003 and 0010 made the table: a database they made keeps it, rows and
all (this migration was applied there before it made anything).
"""

import django.contrib.postgres.search
from django.db import migrations, models

from search.backends import backend_for


def install(apps, schema_editor):
    backend_for(schema_editor.connection).install()


def uninstall(apps, schema_editor):
    backend_for(schema_editor.connection).uninstall()


class Migration(migrations.Migration):

    initial = True

    # The latest migration of each indexed table that the index's shape needs (on SQLite, a migration that rebuilds a
    # table drops its triggers: search.backends.repair_after_migrate puts them back).
    dependencies = [
        ("people", "0008_one_folding"),
        ("shows", "0008_one_folding"),
        ("reviews", "0012_one_folding"),
    ]

    operations = [
        migrations.CreateModel(
            name='IndexEntry',
            fields=[
                ('id', models.BigIntegerField(primary_key=True, serialize=False)),
                ('title', models.TextField()),
                ('show_title', models.TextField()),
                ('standfirst', models.TextField()),
                ('body', models.TextField()),
                ('show_id', models.BigIntegerField(null=True)),
                ('document', django.contrib.postgres.search.SearchVectorField()),
            ],
            options={
                'db_table': 'magazine_search',
                'managed': False,
            },
        ),
        migrations.RunPython(install, uninstall, elidable=False),
    ]

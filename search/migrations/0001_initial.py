"""The search index as the ORM sees it on PostgreSQL (unmanaged: search.backends makes and fills it)."""

import django.contrib.postgres.search
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
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
    ]

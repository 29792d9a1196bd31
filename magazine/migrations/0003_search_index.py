"""The site search index was made here; the search app makes it now (search/migrations/0001_initial.py)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("magazine", "0002_editorial_groups"),
        ("people", "0004_mentions"),
        ("shows", "0004_mentions"),
        ("reviews", "0006_mentions"),
    ]

    operations = []

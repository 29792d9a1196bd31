"""SQLite's search index gained its ``folded`` column here; the search app makes the index as it is now
(search/migrations/0001_initial.py)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("magazine", "0009_editors_lift_signin_pauses"),
        ("people", "0008_one_folding"),
        ("shows", "0008_one_folding"),
        ("reviews", "0012_one_folding"),
    ]

    operations = []

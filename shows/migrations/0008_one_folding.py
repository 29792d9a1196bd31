"""Names and text in one Unicode form, slugs in the one folding (old addresses redirect): editorial.refolding."""

from django.db import migrations

from editorial.refolding import refold


def forwards(apps, schema_editor):
    refold(apps, "shows", "Show", source="title", match_key=True)


class Migration(migrations.Migration):

    dependencies = [
        ("shows", "0007_working_copies"),
        ("editorial", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

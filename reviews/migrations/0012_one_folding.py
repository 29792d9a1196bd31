"""Names and text in one Unicode form, slugs in the one folding (old addresses redirect): editorial.refolding."""

from django.db import migrations

from editorial.refolding import refold


def forwards(apps, schema_editor):
    refold(apps, "reviews", "Review", source="headline", match_key=False)


class Migration(migrations.Migration):

    dependencies = [
        ("reviews", "0011_working_copies"),
        ("editorial", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

"""An index on taggit's table for related reviews: each tag's newest reviews, read from the top (reviews.related)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("reviews", "0013_archive_filter_indexes"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS reviews_related_tag_object ON taggit_taggeditem (tag_id, content_type_id, "
            "object_id)",
            "DROP INDEX IF EXISTS reviews_related_tag_object",
        ),
    ]

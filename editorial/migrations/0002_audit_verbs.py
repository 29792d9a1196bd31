"""The audit log says “published a change” and “restored revision 4 as the working copy”."""

import re

from django.db import migrations, models


def restores_name_their_revision(apps, schema_editor):
    """Restores used to say “version 4” in their note: the number moves to its own field."""
    AuditEntry = apps.get_model("editorial", "AuditEntry")
    for entry in AuditEntry.objects.filter(action="restore", note__regex=r"^version [0-9]+$"):
        entry.version, entry.note = int(re.search(r"[0-9]+", entry.note).group()), ""
        entry.save(update_fields=["version", "note"])


class Migration(migrations.Migration):

    dependencies = [
        ('editorial', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='auditentry',
            name='version',
            field=models.PositiveIntegerField(blank=True, help_text='The revision a restore brought back.', null=True),
        ),
        migrations.AlterField(
            model_name='auditentry',
            name='action',
            field=models.CharField(choices=[('submit', 'submitted for review'), ('send_back', 'sent back to the writer'), ('publish', 'published'), ('publish_changes', 'published a change'), ('schedule', 'scheduled'), ('schedule_change', 'scheduled a change'), ('unpublish', 'unpublished'), ('save_changes', 'saved unpublished changes'), ('unschedule', 'cancelled scheduled changes'), ('restore', 'restored a revision as the working copy'), ('preview_link', 'made a preview link'), ('revoke_link', 'revoked a preview link')], db_index=True, max_length=16),
        ),
        migrations.RunPython(restores_name_their_revision, migrations.RunPython.noop),
    ]


from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('magazine', '0007_working_copies'),
        ('editorial', '0001_initial'),
    ]

    operations = [  # the tables stay, now the editorial app's (see editorial/migrations/0001_initial.py)
        migrations.SeparateDatabaseAndState(state_operations=[
                migrations.RemoveField(
                    model_name='oldslug',
                    name='content_type',
                ),
                migrations.RemoveField(
                    model_name='previewlink',
                    name='content_type',
                ),
                migrations.RemoveField(
                    model_name='previewlink',
                    name='created_by',
                ),
                migrations.RemoveField(
                    model_name='revision',
                    name='content_type',
                ),
                migrations.RemoveField(
                    model_name='revision',
                    name='created_by',
                ),
                migrations.DeleteModel(
                    name='AuditEntry',
                ),
                migrations.DeleteModel(
                    name='OldSlug',
                ),
                migrations.DeleteModel(
                    name='PreviewLink',
                ),
                migrations.DeleteModel(
                    name='Revision',
                ),
        ], database_operations=[]),
    ]

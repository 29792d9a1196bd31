"""The engine's models, moved from the magazine app with their tables, rows and content types."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


MOVED = ["auditentry", "oldslug", "previewlink", "revision"]


def adopt_content_types(apps, schema_editor):
    """The moved models keep their rows, their permissions (editors read the audit log) and their content types."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if not ContentType.objects.filter(app_label="editorial", model=model).exists():
            ContentType.objects.filter(app_label="magazine", model=model).update(app_label="editorial")


def give_back_content_types(apps, schema_editor):
    apps.get_model("contenttypes", "ContentType").objects.filter(app_label="editorial", model__in=MOVED).update(
        app_label="magazine")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('magazine', '0007_working_copies'),  # the tables are made there, when the engine lived in the magazine app
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
                migrations.CreateModel(
                    name='AuditEntry',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('object_id', models.PositiveBigIntegerField()),
                        ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                        ('action', models.CharField(choices=[('submit', 'submitted for review'), ('send_back', 'sent back to the writer'), ('publish', 'published'), ('schedule', 'scheduled'), ('unpublish', 'unpublished'), ('save_changes', 'saved unpublished changes'), ('unschedule', 'cancelled scheduled changes'), ('restore', 'restored a revision'), ('preview_link', 'made a preview link'), ('revoke_link', 'revoked a preview link')], db_index=True, max_length=16)),
                        ('item_repr', models.CharField(max_length=300, verbose_name='item')),
                        ('note', models.TextField(blank=True)),
                        ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype')),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'audit entry',
                        'verbose_name_plural': 'audit log',
                        'db_table': 'magazine_auditentry',
                        'ordering': ['-created_at', '-pk'],
                        'abstract': False,
                        'indexes': [models.Index(fields=['content_type', 'object_id'], name='magazine_au_content_b09140_idx')],
                    },
                ),
                migrations.CreateModel(
                    name='OldSlug',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('object_id', models.PositiveBigIntegerField()),
                        ('slug', models.SlugField(allow_unicode=True, max_length=120)),
                        ('retired_at', models.DateTimeField(auto_now=True)),
                        ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype')),
                    ],
                    options={
                        'db_table': 'magazine_oldslug',
                        'constraints': [models.UniqueConstraint(fields=('content_type', 'slug'), name='unique_old_slug')],
                    },
                ),
                migrations.CreateModel(
                    name='PreviewLink',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('object_id', models.PositiveBigIntegerField()),
                        ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                        ('expires_at', models.DateTimeField()),
                        ('revoked_at', models.DateTimeField(blank=True, null=True)),
                        ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype')),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'magazine_previewlink',
                        'ordering': ['-created_at', '-pk'],
                        'abstract': False,
                        'indexes': [models.Index(fields=['content_type', 'object_id'], name='magazine_pr_content_9b11dd_idx')],
                    },
                ),
                migrations.CreateModel(
                    name='Revision',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('object_id', models.PositiveBigIntegerField()),
                        ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                        ('version', models.PositiveIntegerField()),
                        ('status', models.CharField(max_length=16)),
                        ('data', models.JSONField()),
                        ('go_live_at', models.DateTimeField(blank=True, db_index=True, help_text='A scheduled change to a live item: when it goes live. Cleared once published or replaced.', null=True)),
                        ('correction', models.TextField(blank=True, help_text='The public correction note published with it.')),
                        ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='contenttypes.contenttype')),
                        ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'magazine_revision',
                        'ordering': ['-created_at', '-pk'],
                        'abstract': False,
                        'indexes': [models.Index(fields=['content_type', 'object_id', 'version'], name='magazine_re_content_0d417f_idx')],
                    },
                ),
        ], database_operations=[]),
        migrations.RunPython(adopt_content_types, give_back_content_types),
    ]

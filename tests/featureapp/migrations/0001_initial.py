"""A content type of the tests only, joined to the engine by registration alone."""


import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Feature',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('slug', models.SlugField(allow_unicode=True, blank=True, help_text='The last part of the page’s address. Left empty, it is made from the title; earlier addresses keep redirecting here.', max_length=120, unique=True)),
                ('status', models.CharField(choices=[('draft', 'Draft'), ('in_review', 'In review'), ('published', 'Published')], db_index=True, default='draft', help_text='Writers save drafts and submit them for review; only editors publish.', max_length=16)),
                ('published_at', models.DateTimeField(blank=True, db_index=True, help_text='When a published item goes live. A time ahead schedules it; left empty, publishing sets it to now.', null=True, verbose_name='publication time')),
                ('pending_changes', models.CharField(blank=True, choices=[('', 'None'), ('draft', 'Draft'), ('in_review', 'In review'), ('scheduled', 'Scheduled')], db_index=True, default='', editable=False, help_text="A published item's working copy: saved, submitted or scheduled, not yet what readers see.", max_length=16, verbose_name='unpublished changes')),
                ('corrections', models.JSONField(blank=True, default=list, editable=False, help_text='Public notes of what a published change corrected, with when: shown under the text.')),
                ('version', models.PositiveIntegerField(default=1, editable=False, help_text='Goes up with every save, so that a save made from an out-of-date form is refused.')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('headline', models.CharField(max_length=200)),
                ('body', models.TextField()),
                ('created_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('updated_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'permissions': [('publish_feature', 'Can publish, schedule and unpublish features')],
                'abstract': False,
                'indexes': [models.Index(fields=['status', 'published_at'], name='featureapp_feature_live')],
                'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('status', 'published'), _negated=True), ('published_at__isnull', False), _connector='OR'), name='featureapp_feature_published_has_a_time')],
            },
        ),
    ]

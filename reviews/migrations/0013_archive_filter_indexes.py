from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('reviews', '0012_one_folding'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='review',
            index=models.Index(fields=['status', 'published_at', 'id'], name='reviews_archive_key'),
        ),
        migrations.AddIndex(
            model_name='review',
            index=models.Index(fields=['critic', 'status', 'published_at'], name='reviews_critic_live'),
        ),
        migrations.AddIndex(
            model_name='review',
            index=models.Index(fields=['show', 'status', 'published_at'], name='reviews_show_live'),
        ),
        migrations.AddIndex(
            model_name='review',
            index=models.Index(fields=['status', 'rating', 'published_at'], name='reviews_rating_live'),
        ),
    ]

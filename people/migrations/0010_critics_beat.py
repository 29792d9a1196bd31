from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('people', '0009_a_to_z_index'),
    ]

    operations = [
        migrations.AddField(
            model_name='person',
            name='beat',
            field=models.CharField(blank=True, help_text='For a critic: what they cover, in a few words (“Television, crime and thrillers”). The masthead shows it beside their name.', max_length=120),
        ),
    ]

"""Writers and editors see the mentions found in a body and may mark a wrong one."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["view_mention", "change_mention"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("reviews")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="reviews", codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=["Writers", "Editors"]):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("reviews", "0006_mentions"), ("magazine", "0002_editorial_groups")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

"""Writers and editors edit a series' seasons and episodes as they edit its credits."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WRITERS = [f"{action}_{model}" for model in ("season", "episode") for action in ("add", "change", "view", "delete")]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("shows")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="shows", codename__in=WRITERS)
    for group in Group.objects.filter(name__in=["Writers", "Editors"]):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("shows", "0010_seasons_episodes_trailers"), ("magazine", "0002_editorial_groups")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

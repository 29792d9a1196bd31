"""Writers draft the magazine's own pages and submit them, as they do reviews; editors also publish and delete."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WRITERS = ["add_page", "change_page", "view_page"]
EDITORS = [*WRITERS, "delete_page", "publish_page"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("pages")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in (("Writers", WRITERS), ("Editors", EDITORS)):
        permissions = Permission.objects.filter(content_type__app_label="pages", codename__in=codenames)
        for group in Group.objects.filter(name=name):
            group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("pages", "0001_initial"), ("magazine", "0002_editorial_groups")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

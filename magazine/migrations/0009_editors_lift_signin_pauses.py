"""Editors see the paused sign-ins (django-axes's access attempts) and lift one by deleting it."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTED = ["view_accessattempt", "delete_accessattempt", "view_accesslog", "view_accessfailurelog"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("axes")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module
    permissions = apps.get_model("auth", "Permission").objects.filter(content_type__app_label="axes",
                                                                      codename__in=GRANTED)
    for group in apps.get_model("auth", "Group").objects.filter(name="Editors"):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("magazine", "0008_engine_models_move_to_editorial"), ("axes", "0010_accessattemptexpiration")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

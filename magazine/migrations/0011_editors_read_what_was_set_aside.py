from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    app_config = apps.get_app_config("editorial")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module
    permission = apps.get_model("auth", "Permission").objects.get(content_type__app_label="editorial",
                                                                   codename="view_setaside")
    for group in apps.get_model("auth", "Group").objects.filter(name="Editors"):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("magazine", "0010_search_folds_every_latin_letter"), ("editorial", "0003_set_aside")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

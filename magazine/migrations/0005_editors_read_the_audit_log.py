from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    # The audit log's app: magazine when this ran first; editorial for tests that make the groups again later.
    label = next(m for m in apps.get_models() if m._meta.object_name == "AuditEntry")._meta.app_label
    app_config = apps.get_app_config(label)
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module
    permission = apps.get_model("auth", "Permission").objects.get(content_type__app_label=label,
                                                                   codename="view_auditentry")
    for group in apps.get_model("auth", "Group").objects.filter(name="Editors"):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("magazine", "0004_editorial_safety")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

"""The Writers and Editors groups and what each may do."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT = [("people", "person"), ("shows", "show"), ("shows", "credit"), ("reviews", "review"), ("taggit", "tag")]
WRITER_ACTIONS = ["add", "change", "view"]
WRITER_MAY_NOT = ["change_tag"]  # renaming a tag changes live pages; writers add tags, editors rename them
EDITOR_ACTIONS = ["add", "change", "view", "delete"]
PUBLISHABLE = [("people", "person"), ("shows", "show"), ("reviews", "review")]


def make_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; these groups need them now.
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def perms(actions, extra=()):
        codenames = [f"{action}_{model}" for _, model in CONTENT for action in actions] + list(extra)
        apps_labels = {app for app, _ in CONTENT}
        return Permission.objects.filter(codename__in=codenames, content_type__app_label__in=apps_labels)

    writers, _ = Group.objects.get_or_create(name="Writers")
    writers.permissions.set(perms(WRITER_ACTIONS, ["delete_credit"]).exclude(codename__in=WRITER_MAY_NOT))
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.set(perms(EDITOR_ACTIONS, [f"publish_{model}" for _, model in PUBLISHABLE]))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Writers", "Editors"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("magazine", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("people", "0001_initial"),
        ("shows", "0001_initial"),
        ("reviews", "0002_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [migrations.RunPython(make_groups, remove_groups)]

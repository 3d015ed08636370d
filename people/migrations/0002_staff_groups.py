"""Two staff groups: Editors correct the archive, Readers only look.

Editors get every permission of the articles and people apps (add, change,
delete, view), which also lets them merge records (change + delete) and clear
review flags (change). Readers get the view permissions only. Models added by
later migrations need their permissions added to the groups there.
"""

from django.db import migrations

ARCHIVE_APPS = ("articles", "people")
EDITORS, READERS = "Editors", "Readers"


def create_groups(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; make them now.
    for app_label in ARCHIVE_APPS:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label__in=ARCHIVE_APPS)
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.set(permissions)
    readers, _ = Group.objects.get_or_create(name=READERS)
    readers.permissions.set(permissions.filter(codename__startswith="view_"))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, READERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0001_initial"),
        ("articles", "0002_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]

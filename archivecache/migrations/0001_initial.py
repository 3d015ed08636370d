import secrets

from django.db import migrations, models


def first_stamp(apps, schema_editor):
    apps.get_model("archivecache", "ArchiveVersion").objects.create(
        pk=1, stamp=secrets.token_hex(16)
    )


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="ArchiveVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("stamp", models.CharField(max_length=64)),
            ],
        ),
        migrations.RunPython(first_stamp, migrations.RunPython.noop),
    ]

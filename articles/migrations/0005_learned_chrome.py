"""The store of each outlet's learned chrome (articles/services/chrome_learning.py).

Staff of both groups may look at it; nobody edits it, since every load rewrites it.
"""

import django.db.models.deletion
from django.db import migrations, models

GROUPS = ("Editors", "Readers")


def allow_viewing(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("articles")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.get(
        content_type__app_label="articles", codename="view_learnedchromeline"
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(view)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_milestone_expected"),
        ("people", "0002_staff_groups"),
    ]

    operations = [
        migrations.CreateModel(
            name="LearnedChromeLine",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("fingerprint", models.CharField(max_length=16)),
                ("line", models.TextField(help_text="The line as one of the pages prints it.")),
                (
                    "articles",
                    models.PositiveIntegerField(help_text="On how many of the outlet's articles."),
                ),
                ("learned_at", models.DateTimeField(auto_now=True)),
                (
                    "outlet",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="chrome_lines",
                        to="articles.outlet",
                    ),
                ),
            ],
            options={
                "ordering": ["outlet", "-articles", "line"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("outlet", "fingerprint"), name="unique_learned_chrome_line"
                    )
                ],
            },
        ),
        migrations.RunPython(allow_viewing, migrations.RunPython.noop),
    ]

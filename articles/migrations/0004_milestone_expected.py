"""Milestone.expected: an event still to come when the coverage reported it.

Milestones the loader wrote before this field existed record ``expected: False``
among their loader values, so the next load may set the field (a field the loader
never wrote is only filled while empty, and False is not empty).
"""

from django.db import migrations, models

HELP_TEXT = (
    "Still to come when every article reporting it was written (a promise or a deadline"
    " ahead), not an event the coverage says has happened."
)


def mark_as_loader_written(apps, schema_editor):
    Milestone = apps.get_model("articles", "Milestone")
    loaded = [m for m in Milestone.objects.all() if m.loader_values and "title" in m.loader_values]
    for milestone in loaded:
        milestone.loader_values = {**milestone.loader_values, "expected": False}
    Milestone.objects.bulk_update(loaded, ["loader_values"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_search"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalmilestone",
            name="expected",
            field=models.BooleanField(default=False, help_text=HELP_TEXT),
        ),
        migrations.AddField(
            model_name="milestone",
            name="expected",
            field=models.BooleanField(default=False, help_text=HELP_TEXT),
        ),
        migrations.RunPython(mark_as_loader_written, migrations.RunPython.noop),
    ]

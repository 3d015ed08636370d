"""Rejections (what staff told the loader never to extract again) and merge records.

Editors may add, change and delete rejections (deleting one lets the loader
extract the thing again) and undo merges; Readers may look at both.
"""

import django.core.serializers.json
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


GRANTED = {
    "Editors": (
        "add_rejection",
        "change_rejection",
        "delete_rejection",
        "view_rejection",
        "change_mergerecord",
        "view_mergerecord",
    ),
    "Readers": ("view_rejection", "view_mergerecord"),
}


def grant_permissions(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("curation")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=GRANTED):
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="curation", codename__in=GRANTED[group.name]
            )
        )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('articles', '0007_curation'),
        ('people', '0002_staff_groups'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalRejection',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('kind', models.CharField(choices=[('person', 'Person'), ('organisation', 'Organisation'), ('quote', 'Quote'), ('milestone', 'Milestone')], help_text='Extracted as.', max_length=20)),
                ('text', models.TextField(help_text="The name, the quote's words or the milestone's key.")),
                ('match_key', models.CharField(db_index=True, editable=False, help_text='What a new extraction is matched by.', max_length=300)),
                ('becomes', models.CharField(blank=True, choices=[('', 'Nothing'), ('person', 'A person'), ('organisation', 'An organisation')], max_length=20)),
                ('created', models.DateTimeField(blank=True, editable=False)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('article', models.ForeignKey(blank=True, db_constraint=False, help_text='Only in this article; empty for every article.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='articles.article')),
                ('created_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical rejection',
                'verbose_name_plural': 'historical rejections',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='MergeRecord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('person', 'Person'), ('organisation', 'Organisation')], max_length=20)),
                ('survivor_name', models.CharField(max_length=300)),
                ('merged_names', models.TextField(help_text='The names merged into the survivor.')),
                ('summary', models.TextField(help_text='What moved, one line per row.')),
                ('before', models.JSONField(encoder=django.core.serializers.json.DjangoJSONEncoder)),
                ('after', models.JSONField(encoder=django.core.serializers.json.DjangoJSONEncoder)),
                ('merged_at', models.DateTimeField(auto_now_add=True)),
                ('undone_at', models.DateTimeField(blank=True, null=True)),
                ('merged_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='merges', to=settings.AUTH_USER_MODEL)),
                ('undone_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='merges_undone', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-merged_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='Rejection',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('person', 'Person'), ('organisation', 'Organisation'), ('quote', 'Quote'), ('milestone', 'Milestone')], help_text='Extracted as.', max_length=20)),
                ('text', models.TextField(help_text="The name, the quote's words or the milestone's key.")),
                ('match_key', models.CharField(db_index=True, editable=False, help_text='What a new extraction is matched by.', max_length=300)),
                ('becomes', models.CharField(blank=True, choices=[('', 'Nothing'), ('person', 'A person'), ('organisation', 'An organisation')], max_length=20)),
                ('created', models.DateTimeField(auto_now_add=True)),
                ('article', models.ForeignKey(blank=True, help_text='Only in this article; empty for every article.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='rejections', to='articles.article')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'ordering': ['-created', 'pk'],
                'constraints': [models.UniqueConstraint(fields=('kind', 'match_key', 'article'), name='unique_rejection_in_article'), models.UniqueConstraint(condition=models.Q(('article__isnull', True)), fields=('kind', 'match_key'), name='unique_rejection_everywhere')],
            },
        ),
        migrations.RunPython(grant_permissions, migrations.RunPython.noop),
    ]

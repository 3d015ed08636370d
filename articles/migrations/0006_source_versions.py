"""Source versions: the original bytes of every version of a source, and a source's identity.

Articles loaded before this migration keep their key (their file name) and have no
stored bytes: the archive only kept their decoded text. The next load of the same
bytes, from wherever, adopts the article (its key becomes the file's path) and
stores them as its first version.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import F


def keys_from_file_names(apps, schema_editor):
    apps.get_model("articles", "Article").objects.update(source_key=F("source_file"))
    apps.get_model("articles", "HistoricalArticle").objects.update(source_key=F("source_file"))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_learned_chrome"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="source_key",
            field=models.CharField(max_length=1000, null=True),
        ),
        migrations.AddField(
            model_name="historicalarticle",
            name="source_key",
            field=models.CharField(db_index=True, default="", max_length=1000),
            preserve_default=False,
        ),
        migrations.RunPython(keys_from_file_names, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="article",
            name="source_key",
            field=models.CharField(max_length=1000, unique=True),
        ),
        migrations.AlterField(
            model_name="article",
            name="source_file",
            field=models.CharField(help_text="The source's file name.", max_length=255),
        ),
        migrations.AlterField(
            model_name="historicalarticle",
            name="source_file",
            field=models.CharField(help_text="The source's file name.", max_length=255),
        ),
        migrations.CreateModel(
            name="SourceFile",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("content", models.BinaryField()),
                ("sha256", models.CharField(help_text="Of the bytes.", max_length=64, unique=True)),
                ("size", models.PositiveIntegerField(help_text="In bytes.")),
                ("media_type", models.CharField(default="text/plain", max_length=100)),
                ("encoding", models.CharField(blank=True, help_text="As found when decoding.", max_length=40)),
                ("original_path", models.CharField(help_text="Where it was loaded from.", max_length=1000)),
                ("url", models.URLField(blank=True, help_text="Where it was published.", max_length=2000)),
                ("captured", models.DateTimeField(blank=True, help_text="When it was saved.", null=True)),
                ("metadata", models.JSONField(blank=True, default=list, help_text="The metadata given with it, best first.")),
                ("first_seen", models.DateTimeField(auto_now_add=True)),
                ("last_seen", models.DateTimeField(auto_now=True)),
                ("article", models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="source_versions", to="articles.article")),
            ],
            options={
                "ordering": ["article", "first_seen", "pk"],
                "indexes": [models.Index(fields=["article", "first_seen"], name="articles_so_article_b5663d_idx")],
            },
        ),
        migrations.AddField(
            model_name="article",
            name="field_origins",
            field=models.JSONField(blank=True, default=dict, help_text="Where the loader took each reconciled field from (a sidecar, the page's metadata, the URL's host, the parser)."),
        ),
        migrations.AddField(
            model_name="historicalarticle",
            name="field_origins",
            field=models.JSONField(blank=True, default=dict, help_text="Where the loader took each reconciled field from (a sidecar, the page's metadata, the URL's host, the parser)."),
        ),
        migrations.AddField(
            model_name="article",
            name="source",
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="articles.sourcefile"),
        ),
        migrations.AddField(
            model_name="historicalarticle",
            name="source",
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="articles.sourcefile"),
        ),
    ]

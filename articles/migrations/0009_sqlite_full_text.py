"""Full-text search on SQLite: an external-content FTS5 index of the articles, kept in
step by triggers and filled from the existing rows (articles/fts.py). PostgreSQL has
its own stored vector (migration 0003): there this migration does nothing."""

from django.db import migrations

from articles import fts


def create(apps, schema_editor):
    fts.create_index(schema_editor.connection)


def drop(apps, schema_editor):
    fts.drop_index(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0008_quote_text_search"),
    ]

    operations = [
        migrations.RunPython(create, drop),
    ]

"""A GIN index on the quotes' English text vector, for /quotes/?q= on PostgreSQL.

The index is built from the very expression ``articles.quote_search`` queries
with, so the planner matches the two. SQLite has no GIN index: nothing to do
there (its fallback search reads the table).
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX = GinIndex(SearchVector("text", config="english"), name="quote_text_search")


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("articles", "Quote"), INDEX)


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("articles", "Quote"), INDEX)


class Migration(migrations.Migration):
    dependencies = [("articles", "0007_curation")]

    operations = [migrations.RunPython(add_index, remove_index)]

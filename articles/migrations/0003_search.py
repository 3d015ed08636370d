"""Full-text search: a stored, weighted search vector on PostgreSQL.

The vector (title A, standfirst B, body C, English configuration) is computed by a
trigger, so it stays current whatever writes the row: the loader, the admin, a
bulk update or plain SQL. A GIN index makes the match fast. SQLite has neither
tsvector nor triggers of this kind: there the column stays empty and the search
falls back to a plain case-insensitive match (articles/search.py).
"""

import django.contrib.postgres.search
from django.db import migrations

CREATE_SQL = [
    """
    CREATE FUNCTION articles_article_search_vector_update() RETURNS trigger AS $$
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector('pg_catalog.english', coalesce(NEW.title, '')), 'A') ||
            setweight(to_tsvector('pg_catalog.english', coalesce(NEW.standfirst, '')), 'B') ||
            setweight(to_tsvector('pg_catalog.english', coalesce(NEW.body, '')), 'C');
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql;
    """,
    """
    CREATE TRIGGER articles_article_search_vector_trigger
    BEFORE INSERT OR UPDATE ON articles_article
    FOR EACH ROW EXECUTE FUNCTION articles_article_search_vector_update();
    """,
    "CREATE INDEX articles_article_search_vector_gin ON articles_article USING gin (search_vector);",
    # Fill the vector of the rows that existed before the trigger.
    "UPDATE articles_article SET search_vector = NULL;",
]

DROP_SQL = [
    "DROP INDEX IF EXISTS articles_article_search_vector_gin;",
    "DROP TRIGGER IF EXISTS articles_article_search_vector_trigger ON articles_article;",
    "DROP FUNCTION IF EXISTS articles_article_search_vector_update();",
]


def run_on_postgresql(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(run_on_postgresql(CREATE_SQL), run_on_postgresql(DROP_SQL)),
    ]

"""Shared test helpers: database markers (read when the tests run) and page readers."""

import pytest
from django.db import connection

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="PostgreSQL full-text search: run the suite with DATABASE_URL=postgres://…",
)
sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite full-text search (FTS5)"
)


def titles(response) -> list[str]:
    """The titles of the articles a list page shows, in order."""
    return [article.title for article in response.context["articles"]]


def facet(response, name: str) -> dict[str, int]:
    """One facet of a list page as {label: count}."""
    found = [f for f in response.context["facets"] if f.name == name]
    assert found, f"no facet {name}"
    return {value.label: value.count for value in found[0].values}

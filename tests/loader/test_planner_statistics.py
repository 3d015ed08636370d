"""A load that stores something brings SQLite's planner statistics up to date, so the
planner reads a facet window's articles from the narrow covering index rather than from
their wide rows (tests/search/test_fts_plans.py); a load that changes nothing does not."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.services.loading import load_paths
from tests.loader.test_load_command import SEEDS, SHORT_ARTICLE

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL analyses by itself"),
]


def article_statistics() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone() is None:
            return []
        cursor.execute("SELECT idx FROM sqlite_stat1 WHERE tbl = 'articles_article'")
        return sorted(row[0] for row in cursor.fetchall())


def forget_article_statistics() -> None:
    """Earlier tests that commit (transactional ones) may have left statistics behind."""
    if article_statistics():
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM sqlite_stat1 WHERE tbl = 'articles_article'")


def analysed(paths) -> bool:
    with CaptureQueriesContext(connection) as queries:
        load_paths(paths)
    return any(query["sql"] == "ANALYZE" for query in queries.captured_queries)


def test_a_load_leaves_statistics_of_the_articles_indexes(tmp_path):
    forget_article_statistics()
    assert article_statistics() == []
    assert analysed(SEEDS)
    assert "articles_article_id_narrow" in article_statistics()


def test_an_unchanged_reload_does_not_analyse_again():
    assert analysed(SEEDS)
    assert not analysed(SEEDS)


def test_a_changed_file_does(tmp_path):
    page = tmp_path / "kinship.txt"
    page.write_text(SHORT_ARTICLE, encoding="utf-8")
    assert analysed([page])
    page.write_text(SHORT_ARTICLE.replace("next year", "in the spring"), encoding="utf-8")
    assert analysed([page])

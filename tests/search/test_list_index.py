"""The article list's page is read from the index of migration 0012 in order: the
list's ORDER BY is exactly the index's, so neither database sorts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

pytestmark = pytest.mark.django_db

INDEX = "articles_article_newest"


def page_query(client, url: str) -> str:
    """The SQL of the list's page: the query that reads the articles in the list's order."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    [sql] = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].startswith('SELECT "articles_article"."id"')
        and 'ORDER BY "articles_article"."published" DESC NULLS LAST' in query["sql"]
    ]
    return sql


@pytest.fixture
def articles(db):
    for n in range(30):
        published = datetime.date(2021, 1, 1) + datetime.timedelta(days=n) if n % 5 else None
        factories.make_article(f"Story {n:02d}", published=published)


def plan(sql: str) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A small table is cheaper to sort than to read by index: make both costly,
            # so the plan shows whether the index can give the order at all.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute(f"EXPLAIN {sql}")
        else:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
        return "\n".join(" ".join(str(part) for part in row) for row in cursor.fetchall())


@pytest.mark.parametrize("url", ["/articles/", "/articles/?page=2"])
def test_the_list_page_is_read_from_the_index_unsorted(client, articles, url):
    found = plan(page_query(client, url))
    assert INDEX in found
    assert "Sort" not in found and "TEMP B-TREE" not in found, found


def test_the_index_orders_undated_articles_last(client, articles):
    page = client.get("/articles/?page=2").context["articles"]
    assert [article.published for article in page][-6:] == [None] * 6

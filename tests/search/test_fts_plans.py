"""On SQLite a search's results are read from indexes, not looked up match by match.

Looked up by rowid, each match's row is read past its body to reach the columns the
list sorts and the date facet groups on (10,000 matches: 31 ms for the window, 38 ms
for the date facet). The search's condition keeps SQLite off the rowid, so the window
is read in order from the newest-first index and the date facet from its covering
index (docs/performance.md).
"""

import datetime

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.services.planner_statistics import refresh_statistics
from tests import factories
from tests.search.test_list_index import plan

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 search only"),
]


def is_window(sql: str) -> bool:
    """The query that reads the ids of the results' first rows, in the list's order."""
    return sql.startswith('SELECT "articles_article"."id" AS "pk" FROM "articles_article"') and (
        f"LIMIT {settings.ARCHIVE_FACET_WINDOW + 1}" in sql
    )


def is_date_facet(sql: str) -> bool:
    return '"articles_article"."published_precision" AS "published_precision", COUNT(' in sql


@pytest.fixture
def articles(db):
    for n in range(30):
        factories.make_article(
            f"Review story {n:02d}",
            body=f"The review heard from children, story {n}.",
            published=datetime.date(2021, 1, 1) + datetime.timedelta(days=n),
        )


def query_of(client, url: str, wanted) -> str:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    [sql] = [query["sql"] for query in queries.captured_queries if wanted(query["sql"])]
    return sql


@pytest.mark.parametrize("q", ["review", '"heard from"', "review -story"])
def test_the_window_of_a_search_is_read_in_order_from_the_newest_index(client, articles, q):
    found = plan(query_of(client, f"/articles/?q={q}", is_window))
    assert "COVERING INDEX articles_article_newest" in found, found
    assert "TEMP B-TREE FOR ORDER BY" not in found, found


def test_the_date_facet_of_a_search_reads_the_covering_index(client, articles):
    refresh_statistics()  # as a load does; else another test's statistics may be left
    found = plan(query_of(client, "/articles/?q=review", is_date_facet))
    assert "COVERING INDEX articles_ar_publish_ef1820_idx" in found, found


def test_a_search_still_finds_what_it_found(client, articles):
    response = client.get("/articles/?q=review+-story")
    assert response.context["page_obj"].paginator.count == 0
    response = client.get("/articles/?q=%22story+7%22")
    assert [a.title for a in response.context["articles"]] == ["Review story 07"]


def counts_over_the_window(sql: str) -> bool:
    """A facet counted over the window's ids (given as a JSON array), of a column of the
    article's own: its outlet or its kind."""
    return "json_each(" in sql and (
        '"articles_article"."outlet_id" AS "entity"' in sql
        or sql.startswith('SELECT "articles_article"."kind" AS "value"')
    )


def test_the_window_facets_read_the_articles_columns_from_an_index_not_their_rows(
    client, articles, settings
):
    settings.ARCHIVE_FACET_WINDOW = 5
    refresh_statistics()  # as a load does
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/articles/?q=review").status_code == 200
    facets = [q["sql"] for q in queries.captured_queries if counts_over_the_window(q["sql"])]
    assert len(facets) == 2, facets
    for sql in facets:
        found = plan(sql)
        assert "articles_article USING COVERING INDEX" in found, found
        assert "articles_article USING INTEGER PRIMARY KEY" not in found, found

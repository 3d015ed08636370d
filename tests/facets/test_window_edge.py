"""A list whose date rows count every result reads its facets' window only among the
dates that window can reach (``coverage.window_edge``), and a ranked search takes its
candidates from that window: the same rows as without either, fewer read."""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import browsing
from articles.coverage import DateRow, window_edge
from articles.facets import first_results
from articles.models import Article
from tests import factories
from tests.views.helpers import titles

WINDOW = 10
DAY = datetime.date(2022, 6, 1)


def _rows(*counts_by_day):
    return [
        DateRow(None if day is None else DAY + datetime.timedelta(days=day), None, "day", count)
        for day, count in counts_by_day
    ]


def test_the_edge_is_the_date_the_list_reaches_by_its_last_row():
    rows = _rows((0, 4), (1, 3), (2, 5), (None, 9))
    day = [DAY + datetime.timedelta(days=n) for n in range(3)]
    newest = {size: window_edge(rows, size) for size in (1, 5, 6, 8, 9, 12)}
    assert newest == {1: day[2], 5: day[2], 6: day[1], 8: day[1], 9: day[0], 12: day[0]}
    oldest = {size: window_edge(rows, size, oldest=True) for size in (4, 5, 7, 8, 12)}
    assert oldest == {4: day[0], 5: day[1], 7: day[1], 8: day[2], 12: day[2]}
    assert window_edge(rows, 13) is None  # the undated come into it: no date bounds them


def test_rows_of_one_start_with_other_ends_count_together():
    start = DAY
    rows = [DateRow(start, start, "day", 2), DateRow(start, DAY.replace(day=30), "month", 3)]
    rows.append(DateRow(DAY + datetime.timedelta(days=5), None, "day", 1))
    assert window_edge(rows, 4) == start
    assert window_edge(rows, 1) == DAY + datetime.timedelta(days=5)


def test_no_edge_for_an_empty_or_short_list():
    assert window_edge([], 1) is None
    assert window_edge(_rows((0, 2)), 3) is None


@pytest.fixture
def archive(db, settings):
    settings.ARCHIVE_FACET_WINDOW = WINDOW
    made = factories.build_archive(articles=40, people=12)
    # Ties on the dates a window of ten ends on, newest first and oldest first.
    newest = Article.objects.order_by("-published").values_list("published", flat=True)
    for date in (newest[WINDOW - 1], datetime.date(2021, 1, 1) + datetime.timedelta(days=9)):
        for n in range(3):
            factories.make_article(f"Review tie {date} {n}", published=date, body="The review.")
    return made


def _in_order(queryset, oldest: bool) -> list[int]:
    by_date = "published" if oldest else "-published"
    dated = queryset.filter(published__isnull=False).order_by(by_date, "title", "pk")
    undated = queryset.filter(published__isnull=True).order_by("title", "pk")
    return [*dated.values_list("pk", flat=True), *undated.values_list("pk", flat=True)]


def _window_query(queries) -> str:
    return next(q["sql"] for q in queries if f"LIMIT {WINDOW + 1}" in q["sql"])


@pytest.mark.parametrize(
    ("query", "oldest"),
    [("q=review", False), ("q=review&sort=oldest", True), ("kind=news", False)],
)
def test_the_window_is_the_same_rows_read_within_the_edge(client, archive, query, oldest):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/articles/?{query}")
    filterset = response.context["filterset"]
    expected = _in_order(filterset.matching(), oldest)
    assert len(expected) > WINDOW + 1
    assert first_results(filterset).ids == expected[:WINDOW]
    assert first_results(filterset).total == len(expected)
    bound = '"published" <=' if oldest else '"published" >='
    assert bound in _window_query(queries.captured_queries)


def test_a_date_filter_keeps_the_window_unbounded(client, archive):
    """The date rows then count the list without its date filter: no edge is read."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/articles/?q=review&date_from=2021")
    filterset = response.context["filterset"]
    assert first_results(filterset).ids == _in_order(filterset.matching(), False)[:WINDOW]
    assert '"published" >=' not in _window_query(queries.captured_queries)


def test_a_list_of_undated_articles_beyond_the_window_has_no_edge(client, db, settings):
    settings.ARCHIVE_FACET_WINDOW = 3
    for n in range(6):
        factories.make_article(f"Undated review {n}", published=None, body="The review.")
    factories.make_article("Dated review", published=DAY, body="The review.")
    response = client.get("/articles/?q=review")
    ids = first_results(response.context["filterset"]).ids
    assert ids == _in_order(Article.objects.all(), False)[:3]


def _exported(client, url: str) -> list[str]:
    export = client.get(f"{url}&format=json")
    return [row["title"] for row in json.loads(b"".join(export.streaming_content))["articles"]]


@pytest.mark.parametrize("ranked", [3, 10, 12])
def test_ranked_pages_take_their_candidates_from_the_window(
    client, archive, settings, monkeypatch, ranked
):
    """Within the window (3, 10) no query looks for the candidates again; a bound beyond
    the window (12) looks for them itself. The pages follow the export either way."""
    settings.ARCHIVE_SEARCH_RANKED = ranked
    monkeypatch.setattr(browsing, "PAGE_SIZE", 4)
    paged, searched = [], []
    for page in range(1, 14):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/articles/?q=review&page={page}")
        if response.status_code == 404:
            break
        paged += titles(response)
        searched += [q["sql"] for q in queries.captured_queries if f"LIMIT {ranked})" in q["sql"]]
    assert paged == _exported(client, "/articles/?q=review")
    assert bool(searched) == (ranked > WINDOW)

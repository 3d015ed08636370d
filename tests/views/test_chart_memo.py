"""The coverage chart of a list that every reader shares (the whole archive's, one
entity's, the timeline's) is worked out and rendered once per archive version in a
process (articles/chart_figures.py), its date rows read once too; a write shows on the
next request. A list of its own (a search) is kept by its filters
(articles/list_memo.py), apart from those. Writes are committed: the version changes at
commit."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.version_memo]

CHART_MILESTONES = '"articles_milestone"."date_precision" FROM "articles_milestone"'  # only these
SUMMARY = re.compile(r"<desc id=\"[^\"]*-desc\">([^<]*)</desc>")


@pytest.fixture
def ray():
    ray = factories.make_person("Ray Jones")
    factories.make_milestone(date=datetime.date(2021, 3, 1))
    for month in (3, 4, 5):
        factories.make_article(
            f"Review story {month}", published=datetime.date(2021, month, 2), people=[ray]
        )
    return ray


def chart(client, url: str) -> tuple[str, bool, bool]:
    """(the chart's summary, whether the chart was worked out now, whether any date rows
    were read now)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    sql = [query["sql"] for query in queries.captured_queries]
    worked_out = any(CHART_MILESTONES in query for query in sql)
    dates_read = any(
        ('"published_precision"' in q and "COUNT(" in q) or "datecount" in q for q in sql
    )
    [summary] = SUMMARY.findall(response.text)
    return summary, worked_out, dates_read


@pytest.mark.parametrize("url", ["/articles/", "/articles/?person=ray-jones", "/people/ray-jones/"])
def test_a_shared_lists_chart_is_worked_out_once_and_a_load_shows_at_once(client, ray, url):
    first, worked_out, dates_read = chart(client, url)
    assert worked_out and dates_read
    again = chart(client, url)
    assert again == (first, False, False)
    assert chart(client, f"{url}{'&' if '?' in url else '?'}page=1")[1:] == (False, False)
    factories.make_article("Review story 6", published=datetime.date(2021, 6, 2), people=[ray])
    after, worked_out, _ = chart(client, url)
    assert worked_out and after != first


def test_a_date_filter_is_charted_apart(client, ray):
    whole = chart(client, "/articles/?person=ray-jones")[0]
    within, worked_out, dates_read = chart(client, "/articles/?person=ray-jones&date_to=2021-04")
    assert worked_out and not dates_read  # the date rows are the list's, kept already
    assert within != whole


def test_a_search_is_charted_once_per_version_by_its_filters(client, ray):
    first = chart(client, "/articles/?q=review")
    assert first[1:] == (True, True)
    assert chart(client, "/articles/?q=review&page=1&sort=oldest") == (first[0], False, False)
    assert chart(client, "/articles/?q=story")[1:] == (True, True)
    factories.make_article("Review story 9", published=datetime.date(2021, 9, 2))
    after = chart(client, "/articles/?q=review")
    assert after[1:] == (True, True) and after[0] != first[0]


def test_the_timeline_chart_is_worked_out_once_per_version(client, ray):
    first, worked_out, _ = chart(client, "/timeline/")
    assert worked_out
    assert chart(client, "/timeline/")[:2] == (first, False)
    factories.make_article("Review story 7", published=datetime.date(2021, 7, 2))
    after, worked_out, _ = chart(client, "/timeline/")
    assert worked_out and after != first

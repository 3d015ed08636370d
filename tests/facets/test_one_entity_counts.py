"""A list that is exactly one entity's articles (``?person=`` alone, or the entity's own
page, with or without date filters) reads its number and its dates from the precomputed
counts, and shows what counting them directly shows.

These tests commit their writes (a transactional database), as the precomputed counts'
tests do: on PostgreSQL the archive's version changes when a writing transaction commits.
"""

import re

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from facetcounts import read

pytestmark = pytest.mark.django_db(transaction=True)

# Queries over every result (not over the window's ids): the date facet's, and the
# paginator's (not the tick box's tally, which counts the articles with quotes).
BY_DATE = re.compile(r'"published_precision", COUNT\("articles_article"\."id"\) AS "count" FROM')
TOTAL = re.compile(r'SELECT COUNT\(\*\) AS "__count" FROM "articles_article"(?!.*articles_quote)')
OVER_THE_WINDOW = re.compile(r"json_each|unnest")


@pytest.fixture
def loaded(settings):
    settings.ARCHIVE_FACET_WINDOW = 1  # the seeds' most covered entities cross it
    call_command("load_articles", str(django_settings.SEEDS_DIR), verbosity=0)


def _counted(facet: str):
    """The entities of a facet, at the current version (recounted first, if stale)."""
    assert read.top_values({}, 1) is not None
    return read.current_rows().filter(facet=facet, articles__gt=0)


def _pages(facet: str, slug: str) -> list[str]:
    own = {
        "person": "people",
        "organisation": "organisations",
        "review_body": "review-bodies",
        "outlet": "outlets",
    }[facet]
    return [
        f"/articles/?{facet}={slug}",
        f"/{own}/{slug}/",
        f"/articles/?{facet}={slug}&date_from=2022",
        f"/{own}/{slug}/?date_to=2021-12",
    ]


def _read(client, url: str) -> tuple[str, int, list[str], list[str]]:
    """The page, its number of results, and its queries that group every result by date
    or count them."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    over_all = [q["sql"] for q in queries.captured_queries]
    over_all = [sql for sql in over_all if not OVER_THE_WINDOW.search(sql)]
    by_date = [sql for sql in over_all if BY_DATE.search(sql)]
    totals = [sql for sql in over_all if TOTAL.search(sql)]
    return response.text, response.context["page_obj"].paginator.count, by_date, totals


@pytest.mark.parametrize("facet", ["person", "organisation", "review_body", "outlet"])
def test_the_stored_counts_show_what_a_direct_count_shows(loaded, client, facet, monkeypatch):
    entity = _counted(facet).order_by("-articles", "value").first()
    assert entity.articles > django_settings.ARCHIVE_FACET_WINDOW
    urls = _pages(facet, entity.value)
    stored = {url: _read(client, url) for url in urls}
    # Without the entity's stored number and dates, the same pages count them directly.
    monkeypatch.setattr(read, "articles_of", lambda facet, value: None)
    monkeypatch.setattr(read, "entity_date_rows", lambda facet, value: None)
    overflowing = 0
    for url in urls:
        page, results, by_date, totals = stored[url]
        direct_page, _, direct_by_date, direct_totals = _read(client, url)
        assert page == direct_page, url
        assert len(direct_by_date) == 1, url
        # The stored dates are read where the results overflow the window (a list that
        # does not is counted directly: it may be a small entity's, which has none).
        overflows = results > django_settings.ARCHIVE_FACET_WINDOW
        overflowing += overflows
        assert len(by_date) == (0 if overflows else 1), url
        if "date_" not in url:  # a date filter narrows the list: its number is counted
            assert totals == [] and len(direct_totals) == 1, url
    assert overflowing >= 2  # the unfiltered list and page at least


def test_an_entity_within_the_window_is_counted_directly(loaded, client):
    small = _counted("person").order_by("articles", "value").first()
    assert small.articles <= django_settings.ARCHIVE_FACET_WINDOW
    assert read.entity_date_rows("person", small.value) is None
    _, _, by_date, _ = _read(client, f"/articles/?person={small.value}")
    assert len(by_date) == 1


@pytest.mark.parametrize("facet", ["person", "organisation", "review_body", "outlet"])
def test_past_the_window_its_facets_are_what_a_window_of_every_result_counts(
    loaded, client, facet, settings
):
    """One entity's list that overflows the window counts its facets over every result:
    the page is the one a window large enough for all of them gives."""
    entity = _counted(facet).order_by("-articles", "value").first()
    urls = _pages(facet, entity.value)[:2]  # the list and the page, with no date filter
    past = {url: client.get(url) for url in urls}
    settings.ARCHIVE_FACET_WINDOW = entity.articles
    for url in urls:
        assert past[url].context["facets"], url
        assert past[url].text == client.get(url).text, url

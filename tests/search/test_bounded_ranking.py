"""Search ranking bounded to the newest matches (articles/search.py), on both databases:
every match ranked when there are no more than the bound, else the newest ranked and the
rest after them newest first, said on the page; pages, exports and queries agree."""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import browsing, search
from tests import factories
from tests.views.helpers import titles
from tests.views.test_sqlite_search import ODD_QUERIES

pytestmark = pytest.mark.django_db

NOTE = 'id="ranking-bound"'
TITLE_MATCH, BODY_MATCH = "Nothing else here.", "Councils discussed adoption today."


@pytest.fixture
def adoption(db):
    """Five matches of "adoption": two in the title (the oldest and the newest), three in
    the body (one undated); titles and bodies the same length, so ranks tie within each."""
    made = {}
    for key, title, year, body in [
        ("south", "Adoption plan south", 2020, TITLE_MATCH),
        ("west", "Council news west", 2021, BODY_MATCH),
        ("east", "Council news east", 2022, BODY_MATCH),
        ("north", "Adoption plan north", 2023, TITLE_MATCH),
        ("undated", "Council news central", None, BODY_MATCH),
    ]:
        published = datetime.date(year, 1, 1) if year else None
        made[key] = factories.make_article(title, published=published, body=body)
    factories.make_article("Unrelated", published=datetime.date(2024, 1, 1), body="Fostering.")
    return made


def test_every_match_is_ranked_when_there_are_no_more_than_the_bound(client, adoption, settings):
    settings.ARCHIVE_SEARCH_RANKED = 5
    response = client.get("/articles/?q=adoption")
    assert titles(response) == [
        "Adoption plan north",
        "Adoption plan south",  # a title match, however old
        "Council news east",
        "Council news west",
        "Council news central",
    ]
    assert NOTE not in response.text


def test_beyond_the_bound_the_newest_are_ranked_and_the_rest_follow_newest_first(
    client, adoption, settings
):
    settings.ARCHIVE_SEARCH_RANKED = 2
    response = client.get("/articles/?q=adoption")
    assert titles(response) == [
        "Adoption plan north",
        "Council news east",
        "Council news west",
        "Adoption plan south",  # older than the two ranked: not ranked
        "Council news central",
    ]
    assert "Ranked by relevance among the 2 newest of the 5 matches" in response.text
    assert response.context["ranked_among"] == 2


def test_a_bound_of_zero_ranks_every_match(client, adoption, settings):
    settings.ARCHIVE_SEARCH_RANKED = 0
    response = client.get("/articles/?q=adoption")
    assert titles(response)[:2] == ["Adoption plan north", "Adoption plan south"]
    assert NOTE not in response.text


def test_no_note_when_the_list_is_sorted_by_date(client, adoption, settings):
    settings.ARCHIVE_SEARCH_RANKED = 2
    response = client.get("/articles/?q=adoption&sort=oldest")
    assert titles(response)[0] == "Adoption plan south"
    assert NOTE not in response.text


@pytest.mark.parametrize("bound", [1, 2, 3, 4, 5, 0])
def test_pages_across_the_bound_follow_the_exports_order(
    client, adoption, settings, monkeypatch, bound
):
    """Two to a page: the bound falls within a page or between two."""
    settings.ARCHIVE_SEARCH_RANKED = bound
    monkeypatch.setattr(browsing, "PAGE_SIZE", 2)
    paged = [
        title
        for page in (1, 2, 3)
        for title in titles(client.get(f"/articles/?q=adoption&page={page}"))
    ]
    export = client.get("/articles/?q=adoption&format=json")
    exported = [row["title"] for row in json.loads(b"".join(export.streaming_content))["articles"]]
    assert paged == exported
    assert len(paged) == 5


def test_phrases_and_exclusions_within_the_bound(client, adoption, settings):
    settings.ARCHIVE_SEARCH_RANKED = 1
    assert titles(client.get('/articles/?q="adoption+plan"')) == [
        "Adoption plan north",
        "Adoption plan south",
    ]
    assert titles(client.get("/articles/?q=adoption+-council")) == [
        "Adoption plan north",
        "Adoption plan south",
    ]


@pytest.mark.parametrize("q", ODD_QUERIES)
def test_odd_queries_with_a_bound(client, adoption, settings, q):
    settings.ARCHIVE_SEARCH_RANKED = 1
    response = client.get("/articles/", {"q": q})
    assert response.status_code == 200


def page_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_a_ranked_page_costs_the_same_however_many_match(client, adoption, settings, monkeypatch):
    settings.ARCHIVE_SEARCH_RANKED = 3
    monkeypatch.setattr(browsing, "PAGE_SIZE", 2)
    urls = [f"/articles/?q=adoption&page={page}" for page in (1, 2, 3)]
    small = [page_queries(client, url) for url in urls]
    for n in range(20):
        factories.make_article(f"More adoption {n}", published=datetime.date(2019, 1, 1))
    assert [page_queries(client, url) for url in urls] == small
    # The page across the bound reads the ranked candidates and the newest-first rest.
    assert small[1] == small[0] + 1


def test_ranked_among_says_nothing_within_the_bound(settings):
    settings.ARCHIVE_SEARCH_RANKED = 1000
    assert (search.ranked_among(1000), search.ranked_among(1001)) == (None, 1000)
    settings.ARCHIVE_SEARCH_RANKED = 0
    assert search.ranked_among(10**6) is None

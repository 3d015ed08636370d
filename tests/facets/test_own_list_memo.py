"""A list of its own (a search, two filters, a filtered entity page) works out its date
rows, window, facets and chart once per archive version for all its pages and orders
that share them (articles/list_memo.py), by its filters as written, in a store of its
own; a write shows on the next request. Writes are committed: the version changes at
commit."""

import datetime
import json

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from articles import browsing
from articles.filters import ArticleFilter
from articles.models import Article
from people.models import Person
from tests import factories
from tests.views.helpers import titles

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.version_memo]

PEOPLE_FACET = 'AS "entity", COUNT("articles_article"."id") AS "count"'
WINDOW = 'SELECT "articles_article"."id" AS "pk" FROM'  # its 2 ids, and one more: LIMIT 3
DATE_ROWS = 'COUNT("articles_article"."id") AS "count" FROM "articles_article"'


@pytest.fixture
def ray(settings):
    settings.ARCHIVE_FACET_WINDOW = 2
    ray, sam = factories.make_person("Ray Jones"), factories.make_person("Sam Patel")
    for n in range(4):
        factories.make_article(
            f"Story {n}",
            body="A story of care.",
            published=datetime.date(2021, n + 1, 2),
            people=[ray, sam] if n else [ray],
        )
    return ray


def visit(client, url: str) -> tuple[int, dict[str, int], set[str]]:
    """(the results' number, the people facet's counts, what was worked out now: of
    "facets", "window" and "dates")."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    sql = [query["sql"] for query in queries.captured_queries]
    now = {
        name
        for name, found in (
            ("facets", any(PEOPLE_FACET in q for q in sql)),
            ("window", any(q.startswith(WINDOW) and "LIMIT 3" in q for q in sql)),
            ("dates", any('"published_precision"' in q and DATE_ROWS in q for q in sql)),
        )
        if found
    }
    [people] = [facet for facet in response.context["facets"] if facet.name == "person"]
    counts = {value.value: value.count for value in people.values}
    return response.context["page_obj"].paginator.count, counts, now


def test_two_filters_are_counted_once_for_every_page_and_a_load_shows_at_once(client, ray):
    url = "/articles/?person=ray-jones&person=sam-patel"
    counts = {"ray-jones": 2, "sam-patel": 2}  # among the window's two
    assert visit(client, url) == (3, counts, {"facets", "window", "dates"})
    assert visit(client, url + "&page=1") == (3, counts, set())
    assert visit(client, url + "&sort=newest") == (3, counts, set())
    # Oldest first, the window is another: its first results, and what they count.
    assert visit(client, url + "&sort=oldest")[2] == {"facets", "window"}
    sam = Person.objects.get(slug="sam-patel")
    factories.make_article("Story 9", body="-", people=[ray, sam])
    assert visit(client, url) == (4, counts, {"facets", "window", "dates"})


def test_a_search_counts_its_dates_once_for_its_orders_and_a_correction_shows_at_once(client, ray):
    first = visit(client, "/articles/?q=care")
    assert first[0] == 4 and first[2] == {"facets", "window", "dates"}
    assert visit(client, "/articles/?q=care&sort=relevance&page=1") == (*first[:2], set())
    assert visit(client, "/articles/?q=care&sort=oldest")[2] == {"facets", "window"}
    assert visit(client, "/articles/?q=story")[2] == {"facets", "window", "dates"}
    story = Article.objects.get(title="Story 0")
    story.body = "A story."
    story.save()  # as a correction in the admin saves it
    assert visit(client, "/articles/?q=care")[0] == 3


def test_an_entity_page_searched_is_a_list_of_its_own(client, ray):
    url = "/people/ray-jones/?q=story"
    assert visit(client, url)[2] == {"facets", "window", "dates"}
    assert visit(client, url + "&page=1")[2] == set()
    assert visit(client, "/articles/?q=story")[2] == {"facets", "window", "dates"}


def test_a_crawl_of_searches_pushes_out_only_other_searches(client, ray, settings):
    """Both stores small: were the searches kept beside the shared lists, a dozen of
    them would push the person's list out of it."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {**settings.CACHES["default"], "OPTIONS": {"MAX_ENTRIES": 40}},
        "own_lists": {**settings.CACHES["own_lists"], "OPTIONS": {"MAX_ENTRIES": 8}},
    }
    shared = "/articles/?person=ray-jones"
    assert visit(client, shared)[2]
    assert visit(client, "/articles/?q=story")[2]
    for n in range(12):
        visit(client, f"/articles/?q=story+-word{n}")
    assert visit(client, shared)[2] == set()
    assert visit(client, "/articles/?q=story")[2] == {"facets", "window", "dates"}


def own_list(query: str, without=(), **kwargs) -> tuple:
    return ArticleFilter(QueryDict(query), Article.objects.all(), **kwargs).own_list(without)


def test_a_list_is_named_by_its_filters_as_written_and_nothing_else():
    named = own_list("q=care&person=ray-jones", whole_archive=True)
    assert own_list("q=care&person=ray-jones&page=3&sort=oldest", whole_archive=True) == named
    for other in ("q=cares&person=ray-jones", "q=care&person=ray-jones&person=sam-patel"):
        assert own_list(other, whole_archive=True) != named
    assert own_list("q=care&person=ray-jones") != named  # another queryset
    assert own_list("q=care", subject={"person": "ray-jones"}) != own_list("q=care")
    dated = "q=care&date_from=2021&date_to=2022"
    assert own_list(dated) != own_list("q=care")
    assert own_list(dated, without=("date_from", "date_to")) == own_list("q=care")


RANKING = ("bm25(", "ts_rank(")  # SQLite's, PostgreSQL's


@pytest.mark.parametrize("ranked", [3, 5])
def test_a_search_ranks_its_candidates_once_for_all_its_pages(
    client, ray, settings, monkeypatch, ranked
):
    """The ranked candidates' ids are kept: the first page ranks them, the next pages
    (within them, across their end, past it) read their rows, in the export's order."""
    settings.ARCHIVE_SEARCH_RANKED = ranked
    for n in range(4, 8):
        factories.make_article(f"Care story {n}", body="Care, and care again.")
    monkeypatch.setattr(browsing, "PAGE_SIZE", 2)
    paged, ranking = [], []
    for page in range(1, 5):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/articles/?q=care&page={page}")
        assert response.status_code == 200
        paged += titles(response)
        sql = [query["sql"] for query in queries.captured_queries]
        ranking.append(any(word in q for q in sql for word in RANKING))
    assert ranking == [True, False, False, False]
    export = client.get("/articles/?q=care&format=json")
    exported = json.loads(b"".join(export.streaming_content))["articles"]
    assert paged == [row["title"] for row in exported] and len(paged) == 8

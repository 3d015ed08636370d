"""A shared list's facets (one entity's articles, every quote), past the window, are
counted once per archive version in a process (archivecache.memo): a second page of the
list, or another order, does not count them again, and a write shows on the next
request. Writes are committed (the version of PostgreSQL's archive changes at commit)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.version_memo]

PEOPLE_FACET = 'AS "entity", COUNT("articles_article"."id") AS "count"'


@pytest.fixture
def ray(settings):
    settings.ARCHIVE_FACET_WINDOW = 2
    ray, sam = factories.make_person("Ray Jones"), factories.make_person("Sam Patel")
    for n in range(4):
        factories.make_article(f"Story {n}", body="-", people=[ray, sam] if n else [ray])
    return ray


def read(client, url: str) -> tuple[dict[str, int], bool]:
    """(the people facet's counts, whether the facets were counted now)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    counted = any(PEOPLE_FACET in query["sql"] for query in queries.captured_queries)
    [people] = [facet for facet in response.context["facets"] if facet.name == "person"]
    return {value.value: value.count for value in people.values}, counted


def test_counted_once_for_every_page_and_order_of_the_list(client, ray):
    counts = {"ray-jones": 4, "sam-patel": 3}
    assert read(client, "/articles/?person=ray-jones") == (counts, True)
    assert read(client, "/articles/?person=ray-jones&sort=newest") == (counts, False)
    assert read(client, "/articles/?person=ray-jones&sort=oldest") == (counts, False)


def test_the_entitys_page_is_counted_apart_from_its_list(client, ray):
    assert read(client, "/articles/?person=ray-jones")[1]
    assert read(client, "/people/ray-jones/")[1]
    assert not read(client, "/people/ray-jones/")[1]


def test_a_load_shows_at_once(client, ray):
    assert read(client, "/articles/?person=ray-jones")[1]
    factories.make_article("Story 4", body="-", people=[ray])
    assert read(client, "/articles/?person=ray-jones") == (
        {"ray-jones": 5, "sam-patel": 3},
        True,
    )


def co_mentioned(client) -> tuple[dict[str, int], bool]:
    """(Ray Jones's co-mentions, whether they were counted now)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/people/ray-jones/")
    counted = any('AS "together"' in query["sql"] for query in queries.captured_queries)
    return {row["slug"]: row["together"] for row in response.context["co_mentions"].people}, counted


def test_co_mentions_are_counted_once_per_version_and_a_load_shows_at_once(client, ray):
    assert co_mentioned(client) == ({"sam-patel": 3}, True)
    assert co_mentioned(client) == ({"sam-patel": 3}, False)
    factories.make_article("Story 4", body="-", people=[ray, factories.make_person("Ava Bell")])
    assert co_mentioned(client) == ({"sam-patel": 3, "ava-bell": 1}, True)


SPEAKER_FACET = 'SELECT "articles_quote"."speaker_id" AS "entity"'
QUOTE_TOTAL = 'SELECT COUNT(*) AS "__count" FROM "articles_quote"'


def quotes_index(client, url: str = "/quotes/") -> tuple[dict[str, int], int, set[str]]:
    """(the speakers facet's counts, the number of quotes, which of the two were counted)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    marks = {"facets": SPEAKER_FACET, "total": QUOTE_TOTAL}
    sql = [query["sql"] for query in queries.captured_queries]
    counted = {name for name, mark in marks.items() if any(q.startswith(mark) for q in sql)}
    [speakers] = [facet for facet in response.context["facets"] if facet.name == "speaker"]
    speaking = {value.value: value.count for value in speakers.values}
    return speaking, response.context["page_obj"].paginator.count, counted


def test_the_unfiltered_quotes_index_is_counted_once_per_version(client, ray):
    story = factories.make_article("Ray speaks", body="-", people=[ray])
    for n in range(3):
        factories.make_quote(story, f"We will listen ({n}).", speaker=ray)
    assert quotes_index(client) == ({"ray-jones": 3}, 3, {"facets", "total"})
    assert quotes_index(client, "/quotes/?q=") == ({"ray-jones": 3}, 3, set())
    assert quotes_index(client, "/quotes/?speaker=ray-jones")[2] == {"facets", "total"}
    factories.make_quote(story, "And act.", speaker=ray)
    assert quotes_index(client) == ({"ray-jones": 4}, 4, {"facets", "total"})


def window(client, url: str) -> tuple[int, list[str], bool]:
    """(the list's count, the page's titles, whether the facets' window was read now)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    read_now = any("LIMIT 3" in query["sql"] for query in queries.captured_queries)  # window 2
    titles = [article.title for article in response.context["articles"]]
    return response.context["page_obj"].paginator.count, titles, read_now


def test_a_shared_lists_window_is_read_once_per_version_and_order(client, ray):
    newest = window(client, "/articles/?person=ray-jones")
    assert newest[0] == 4 and newest[2]
    assert window(client, "/articles/?person=ray-jones&page=1") == (*newest[:2], False)
    assert window(client, "/articles/?person=ray-jones&sort=oldest")[::2] == (4, True)
    assert not window(client, "/articles/?person=ray-jones&sort=oldest")[2]
    factories.make_article("Story 4", body="-", people=[ray])
    assert window(client, "/articles/?person=ray-jones")[::2] == (5, True)


MENTION_COUNT = 'SELECT COUNT(*) AS "__count" FROM "articles_personmention"'


def mention_contexts(client) -> tuple[int, bool]:
    """(how many mentions of Ray Jones the contexts page counts, whether counted now)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/people/ray-jones/")
    counted = any(q["sql"].startswith(MENTION_COUNT) for q in queries.captured_queries)
    return response.context["contexts"].paginator.count, counted


def test_the_mentions_in_context_are_counted_once_per_version(client, ray):
    assert mention_contexts(client) == (4, True)
    assert mention_contexts(client) == (4, False)
    factories.make_article("Story 4", body="-", people=[ray])
    assert mention_contexts(client) == (5, True)


def quote_count(client) -> tuple[int, bool]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/people/ray-jones/")
    counted = any(q["sql"].startswith(QUOTE_TOTAL) for q in queries.captured_queries)
    return response.context["quote_count"], counted


def test_a_persons_quotes_are_counted_once_per_version(client, ray):
    story = factories.make_article("Ray speaks", body="-", people=[ray])
    factories.make_quote(story, "We will listen.", speaker=ray)
    assert quote_count(client) == (1, True)
    assert quote_count(client) == (1, False)
    factories.make_quote(story, "And act.", speaker=ray)
    assert quote_count(client) == (2, True)

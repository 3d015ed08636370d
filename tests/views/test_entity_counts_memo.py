"""An entity page's counts that every reader shares (a person's quotes, the articles
naming the entity in context) are counted once per archive version in a process, keyed
by what they count: a write shows on the next request, and no entity is given another's
count. Writes are committed (the version of PostgreSQL's archive changes at commit)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.version_memo]


def counts(client, url: str) -> tuple[dict[str, int], set[str]]:
    """(the page's counts, the tables counted with COUNT(*) now)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    counted = {
        table
        for query in queries.captured_queries
        for table in ("articles_quote", "articles_personmention", "articles_organisationmention")
        if query["sql"].startswith(f'SELECT COUNT(*) AS "__count" FROM "{table}"')
    }
    found = {"in context": response.context["contexts"].paginator.count}
    if "quote_count" in response.context:
        found["quotes"] = response.context["quote_count"]
    return found, counted


@pytest.fixture
def ray():
    ray, sam = factories.make_person("Ray Jones"), factories.make_person("Sam Patel")
    for n in range(3):
        article = factories.make_article(f"Story {n}", people=[ray, sam] if n else [ray])
        factories.make_quote(article, "We will listen.", speaker=ray)
    factories.make_quote(article, "So will we.", speaker=sam)
    return ray


def test_counted_once_and_a_write_shows_at_once(client, ray):
    first = counts(client, "/people/ray-jones/")
    assert first == ({"in context": 3, "quotes": 3}, {"articles_quote", "articles_personmention"})
    assert counts(client, "/people/ray-jones/") == (first[0], set())
    article = factories.make_article("Story 3", people=[ray])
    factories.make_quote(article, "And again.", speaker=ray)
    assert counts(client, "/people/ray-jones/")[0] == {"in context": 4, "quotes": 4}


def test_each_entity_keeps_its_own_counts(client, ray):
    """Another person, and an organisation with the person's id, count apart."""
    organisation = factories.make_organisation("Ray Jones Trust", pk=ray.pk)
    factories.make_article("Trust story", organisations=[organisation])
    assert counts(client, "/people/ray-jones/")[0] == {"in context": 3, "quotes": 3}
    assert counts(client, "/people/sam-patel/")[0] == {"in context": 2, "quotes": 1}
    assert counts(client, "/organisations/ray-jones-trust/")[0] == {"in context": 1}

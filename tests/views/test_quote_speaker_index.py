"""A person's page counts their public quotes from the index of migration 0016 alone,
never from the quotes' rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories
from tests.search.test_list_index import plan

pytestmark = pytest.mark.django_db

INDEX = "quote_speaker_public"


def test_a_speakers_public_quotes_are_counted_from_the_index(client):
    person = factories.make_person("Ada Speaker")
    for n in range(3):
        article = factories.make_article(f"Quoted {n}", people=[person])
        factories.make_quote(article, f"Words {n}.", speaker=person)
        factories.make_quote(article, f"Changed {n}.", speaker=person, source_changed=True)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(person.get_absolute_url())
    assert response.context["quote_count"] == 3
    [count] = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].startswith('SELECT COUNT(*) AS "__count" FROM "articles_quote"')
    ]
    found = plan(count)
    assert INDEX in found, found
    assert ("COVERING INDEX" in found) if connection.vendor == "sqlite" else ("Index Only" in found)

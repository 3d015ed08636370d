"""/quotes/?q= on PostgreSQL: English full-text search, read from the GIN index."""

import pytest
from django.db import connection

from articles import quote_search
from articles.models import Quote
from tests import factories
from tests.views.helpers import postgresql_only

pytestmark = [pytest.mark.django_db, postgresql_only]

INDEX = "quote_text_search"


@pytest.fixture
def many_quotes(db):
    article = factories.make_article("Quoted at length")
    Quote.objects.bulk_create(
        Quote(article=article, position=index, text=f"Point {index}: children in care matter.")
        for index in range(3000)
    )
    factories.make_quote(article, "We are listening to families.", position=3000)
    with connection.cursor() as cursor:
        cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [INDEX])
        cursor.execute("ANALYZE articles_quote")


def test_stemmed_words_and_phrases_match(client, many_quotes):
    texts = [q.text for q in client.get("/quotes/?q=listen+families").context["quotes"]]
    assert texts == ["We are listening to families."]

    def count(q):
        return client.get("/quotes/", {"q": q}).context["page_obj"].paginator.count

    assert count('"listening to families"') == 1
    assert count('"families listening"') == 0  # a phrase keeps its order
    assert count("listening -families") == 0


def test_a_rare_word_is_read_from_the_index(many_quotes):
    matching = quote_search.filter_matching(Quote.objects.all(), "listening")
    assert INDEX in matching.explain()
    assert matching.count() == 1

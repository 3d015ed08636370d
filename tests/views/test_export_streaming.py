"""Large downloads stream, chunk after chunk, and hold every row a direct query finds."""

import csv
import io
import json

import pytest

from articles.exports import article_rows, quote_rows
from articles.models import Article, Quote
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of 7 rows, so that 60 articles take several (and one partly filled)."""
    monkeypatch.setattr(article_rows, "CHUNK_SIZE", 7)
    monkeypatch.setattr(quote_rows, "CHUNK_SIZE", 7)
    return factories.build_archive(articles=60, people=12)


def streamed_text(client, url: str) -> tuple[str, int]:
    response = client.get(url)
    assert response.status_code == 200
    assert response.streaming
    chunks = list(response.streaming_content)
    return b"".join(chunks).decode("utf-8-sig"), len(chunks)


def test_the_articles_csv_streams_every_article_of_a_direct_query(client, small_chunks):
    text, chunks = streamed_text(client, "/articles/?format=csv&sort=oldest")
    rows = list(csv.DictReader(io.StringIO(text)))
    expected = list(
        Article.objects.order_by("published", "title", "pk").values_list("title", flat=True)
    )
    assert sorted(row["title"] for row in rows) == sorted(expected)
    assert len(rows) == Article.objects.count() == 60
    assert chunks == 1 + 60  # the header line, then one line a row: nothing held back


def test_the_quotes_csv_streams_every_public_quote(client, small_chunks):
    text, _ = streamed_text(client, "/quotes/?format=csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert Quote.public.count() > 7
    assert sorted(row["url"].rstrip("/").rsplit("/", 1)[-1] for row in rows) == sorted(
        str(pk) for pk in Quote.public.values_list("pk", flat=True)
    )


def test_the_articles_json_streams_every_article_with_its_quotes(client, small_chunks):
    text, _ = streamed_text(client, "/articles/?format=json")
    document = json.loads(text)
    assert document["count"] == len(document["articles"]) == 60
    assert {a["slug"] for a in document["articles"]} == set(
        Article.objects.values_list("slug", flat=True)
    )
    quoted = sum(len(a["quotes"]) for a in document["articles"])
    assert quoted == Quote.public.filter(article__in=Article.objects.all()).count()

"""CSV and JSON downloads of a filtered article list, streamed in bounded memory.

Rows are read in chunks (``iterator(chunk_size=...)`` with the mentions prefetched
per chunk), so memory does not grow with the size of the archive; the number of
queries grows by two per chunk. CSV cells that a spreadsheet would run as a
formula (starting with =, +, -, @, tab or carriage return) get a leading
apostrophe, the usual defence against formula injection; JSON is left verbatim.
"""

import csv
import json
from collections.abc import Callable, Iterator

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import StreamingHttpResponse

from articles.models import OrganisationMention, PersonMention, Quote, ReviewBodyMention

CHUNK_SIZE = 500
FIELDS = [
    "url",
    "title",
    "outlet",
    "kind",
    "published",
    "published_display",
    "published_start",
    "published_end",
    "author",
    "standfirst",
    "people",
    "organisations",
    "review_bodies",
    "quotes",
    "body",
    "source_file",
    "sha256",
]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def export_queryset(articles):
    """The articles with everything a row needs, a fixed number of queries per chunk."""
    quotes = (
        Quote.objects.filter(article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        articles.select_related("outlet")
        .defer("source_text", "search_vector", "loader_values")
        .annotate(quote_count=Coalesce(Subquery(quotes, output_field=IntegerField()), Value(0)))
        .prefetch_related(
            Prefetch("person_mentions", PersonMention.objects.select_related("person")),
            Prefetch(
                "organisation_mentions", OrganisationMention.objects.select_related("organisation")
            ),
            Prefetch(
                "review_body_mentions", ReviewBodyMention.objects.select_related("review_body")
            ),
        )
    )


def _named(mentions, field) -> list[dict]:
    targets = sorted((getattr(mention, field) for mention in mentions), key=lambda t: t.name)
    return [{"name": target.name, "slug": target.slug} for target in targets]


def article_record(article, absolute_url: Callable[[str], str]) -> dict:
    return {
        "url": absolute_url(article.get_absolute_url()),
        "title": article.title,
        "outlet": article.outlet.name,
        "kind": article.kind,
        "published": article.date_edtf,
        "published_display": article.date_display,
        "published_start": article.published,
        "published_end": article.published_end,
        "author": article.author,
        "standfirst": article.standfirst,
        "people": _named(article.person_mentions.all(), "person"),
        "organisations": _named(article.organisation_mentions.all(), "organisation"),
        "review_bodies": _named(article.review_body_mentions.all(), "review_body"),
        "quotes": article.quote_count,
        "body": article.body,
        "source_file": article.source_file,
        "sha256": article.sha256,
    }


def _records(articles, absolute_url) -> Iterator[dict]:
    for article in export_queryset(articles).iterator(chunk_size=CHUNK_SIZE):
        yield article_record(article, absolute_url)


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(item["name"] for item in value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


class _Echo:
    """A file-like object whose ``write`` returns the line, for csv.writer to stream."""

    def write(self, value):
        return value


def csv_lines(articles, absolute_url) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(FIELDS)
    for record in _records(articles, absolute_url):
        yield writer.writerow([_csv_cell(record[field]) for field in FIELDS])


def json_chunks(articles, absolute_url, filters: dict) -> Iterator[str]:
    yield '{"filters": ' + json.dumps(filters) + ', "articles": ['
    for index, record in enumerate(_records(articles, absolute_url)):
        yield ("," if index else "") + "\n" + json.dumps(record, cls=DjangoJSONEncoder)
    yield "\n]}\n"


def _download(chunks, content_type, filename) -> StreamingHttpResponse:
    response = StreamingHttpResponse(chunks, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(articles, absolute_url, filename="care-review-articles.csv"):
    return _download(csv_lines(articles, absolute_url), "text/csv; charset=utf-8", filename)


def json_response(articles, absolute_url, filters, filename="care-review-articles.json"):
    return _download(
        json_chunks(articles, absolute_url, filters), "application/json; charset=utf-8", filename
    )

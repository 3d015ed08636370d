"""CSV and JSON downloads of a filtered article list, streamed in bounded memory.

Articles are read as plain rows in chunks of ``CHUNK_SIZE``; for each chunk one
query per kind of mention fetches the names. Memory does not grow with the
archive, and the number of queries grows by three per chunk. No model instances
are built: at 10,000 articles that is what keeps a download fast.

CSV cells that a spreadsheet would run as a formula (starting with =, +, -, @,
tab or carriage return) get a leading apostrophe, the usual defence against
formula injection; JSON is left verbatim.
"""

import csv
import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from itertools import islice

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import StreamingHttpResponse
from django.urls import reverse

from articles.models import OrganisationMention, PersonMention, Quote, ReviewBodyMention
from articles.parsing.fuzzydate import display_date, edtf_or_none

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
COLUMNS = (
    "pk",
    "slug",
    "title",
    "outlet__name",
    "kind",
    "published",
    "published_precision",
    "published_end",
    "author",
    "standfirst",
    "body",
    "source_file",
    "sha256",
    "quote_count",
)
MENTIONS = (
    ("people", PersonMention, "person"),
    ("organisations", OrganisationMention, "organisation"),
    ("review_bodies", ReviewBodyMention, "review_body"),
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def export_rows(articles):
    """The articles, in their order, as dicts of ``COLUMNS``."""
    quotes = (
        Quote.public.filter(article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return articles.annotate(
        quote_count=Coalesce(Subquery(quotes, output_field=IntegerField()), Value(0))
    ).values(*COLUMNS)


def mention_names(article_ids: list[int]) -> dict[str, dict[int, list[dict]]]:
    """For each kind of mention, article id -> [{"name", "slug"}] sorted by name."""
    found = {}
    for key, model, field in MENTIONS:
        by_article = defaultdict(list)
        rows = (
            model.objects.filter(article_id__in=article_ids)
            .order_by(f"{field}__name", f"{field}__slug")
            .values_list("article_id", f"{field}__name", f"{field}__slug")
        )
        for article_id, name, slug in rows:
            by_article[article_id].append({"name": name, "slug": slug})
        found[key] = by_article
    return found


def article_record(row: dict, names: dict, absolute_url: Callable[[str], str]) -> dict:
    start, precision = row["published"], row["published_precision"]
    return {
        "url": absolute_url(reverse("articles:article-detail", kwargs={"slug": row["slug"]})),
        "title": row["title"],
        "outlet": row["outlet__name"],
        "kind": row["kind"],
        "published": edtf_or_none(start, precision),
        "published_display": display_date(start, precision),
        "published_start": start,
        "published_end": row["published_end"],
        "author": row["author"],
        "standfirst": row["standfirst"],
        **{key: names[key].get(row["pk"], []) for key, _, _ in MENTIONS},
        "quotes": row["quote_count"],
        "body": row["body"],
        "source_file": row["source_file"],
        "sha256": row["sha256"],
    }


def _records(articles, absolute_url) -> Iterator[dict]:
    rows = export_rows(articles).iterator(chunk_size=CHUNK_SIZE)
    while chunk := list(islice(rows, CHUNK_SIZE)):
        names = mention_names([row["pk"] for row in chunk])
        for row in chunk:
            yield article_record(row, names, absolute_url)


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

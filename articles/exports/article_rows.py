"""A filtered article list as plain records, read in bounded memory.

Articles are read as plain rows in chunks of ``CHUNK_SIZE``; for each chunk one
query per exported facet (people, organisations, review bodies: the ``export``
of their declaration in ``articles.facets``) fetches the names, and one query
the quotes. Memory does not grow with the archive, and the number of queries
grows by four per chunk. No model instances are built: at 10,000 articles that
is what keeps a download fast.

The "quotes" column holds the quotes themselves (speaker, text and permalink),
not a count: a count is one ``len`` away, the words are not.
"""

from collections import defaultdict
from collections.abc import Callable, Iterator
from itertools import islice

from django.db.models import Q

from articles.exports.addresses import address_of
from articles.exports.quote_rows import speaker_shown
from articles.facets import ARTICLE_FACETS, Entities
from articles.models import Article, Quote
from articles.parsing.fuzzydate import display_date, edtf_or_none
from curation.visibility import reviewed

CHUNK_SIZE = 500
EXPORTED = [d for d in ARTICLE_FACETS if isinstance(d, Entities) and d.export]
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
    *(declared.export for declared in EXPORTED),
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
)
QUOTE_COLUMNS = (
    "pk",
    "article_id",
    "text",
    "speaker_id",
    "speaker__name",
    "speaker__needs_review",
    "speaker_label",
)


def related_names(declared: Entities, article_ids: list[int]) -> dict[int, list[dict]]:
    """Article id -> [{"name", "slug"}] of one exported facet, sorted by name."""
    visible = reviewed(declared.path) if declared.hides_unreviewed else Q()
    rows = (
        Article.objects.filter(visible, pk__in=article_ids, **{f"{declared.path}__isnull": False})
        .order_by(f"{declared.path}__name", f"{declared.path}__slug")
        .values_list("pk", f"{declared.path}__name", f"{declared.path}__slug")
    )
    found = defaultdict(list)
    for article_id, name, slug in rows:
        found[article_id].append({"name": name, "slug": slug})
    return found


def quotes_of(article_ids: list[int], quote_address) -> dict[int, list[dict]]:
    rows = (
        Quote.public.filter(article_id__in=article_ids)
        .order_by("article_id", "position")
        .values(*QUOTE_COLUMNS)
    )
    found = defaultdict(list)
    for row in rows:
        found[row["article_id"]].append(
            {
                "speaker": speaker_shown(row),
                "text": row["text"],
                "url": quote_address(row["pk"]),
            }
        )
    return found


def article_record(row: dict, related: dict, article_address: Callable[[str], str]) -> dict:
    start, precision = row["published"], row["published_precision"]
    return {
        "url": article_address(row["slug"]),
        "slug": row["slug"],
        "title": row["title"],
        "outlet": row["outlet__name"],
        "kind": row["kind"],
        "published": edtf_or_none(start, precision),
        "published_display": display_date(start, precision),
        "published_precision": precision,
        "published_start": start,
        "published_end": row["published_end"],
        "author": row["author"],
        "standfirst": row["standfirst"],
        **{key: found.get(row["pk"], []) for key, found in related.items()},
        "body": row["body"],
        "source_file": row["source_file"],
        "sha256": row["sha256"],
    }


def article_records(articles, absolute_url) -> Iterator[dict]:
    """The articles, in their order, as export records."""
    article_address = address_of(absolute_url, "articles:article-detail", "slug")
    quote_address = address_of(absolute_url, "quotes:quote-detail", "pk")
    rows = articles.values(*COLUMNS).iterator(chunk_size=CHUNK_SIZE)
    while chunk := list(islice(rows, CHUNK_SIZE)):
        ids = [row["pk"] for row in chunk]
        related = {declared.export: related_names(declared, ids) for declared in EXPORTED}
        related["quotes"] = quotes_of(ids, quote_address)
        for row in chunk:
            yield article_record(row, related, article_address)

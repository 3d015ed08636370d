"""A filtered quote list as plain records: one query, read in chunks, no model instances."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from articles.exports.addresses import address_of
from articles.parsing.fuzzydate import display_date, edtf_or_none
from curation.visibility import hiding_unreviewed

CHUNK_SIZE = 2000
FIELDS = [
    "url",
    "speaker",
    "speaker_url",
    "text",
    "article_title",
    "article_url",
    "outlet",
    "published",
    "published_display",
]
COLUMNS = (
    "pk",
    "text",
    "speaker_id",
    "speaker__name",
    "speaker__slug",
    "speaker__needs_review",
    "speaker_label",
    "article__slug",
    "article__title",
    "article__outlet__name",
    "article__published",
    "article__published_precision",
)


def _speaker_named(row: dict) -> bool:
    """Whether the public site names the row's speaker (``named_speaker`` on a row)."""
    return bool(row["speaker_id"]) and not (hiding_unreviewed() and row["speaker__needs_review"])


def speaker_shown(row: dict) -> str:
    """Who the public site says spoke: the person's name, else the article's label."""
    if _speaker_named(row):
        return row["speaker__name"]
    return row["speaker_label"] or "Unattributed"


@dataclass(frozen=True)
class Addresses:
    quote: Callable[[int], str]
    person: Callable[[str], str]
    article: Callable[[str], str]

    @classmethod
    def of(cls, absolute_url: Callable[[str], str]) -> "Addresses":
        return cls(
            address_of(absolute_url, "quotes:quote-detail", "pk"),
            address_of(absolute_url, "people:person-detail", "slug"),
            address_of(absolute_url, "articles:article-detail", "slug"),
        )


def quote_record(row: dict, addresses: Addresses) -> dict:
    start, precision = row["article__published"], row["article__published_precision"]
    named = _speaker_named(row)
    return {
        "id": row["pk"],
        "url": addresses.quote(row["pk"]),
        "speaker": speaker_shown(row),
        "speaker_url": addresses.person(row["speaker__slug"]) if named else None,
        "text": row["text"],
        "article_title": row["article__title"],
        "article_url": f"{addresses.article(row['article__slug'])}#quote-{row['pk']}",
        "outlet": row["article__outlet__name"],
        "published": edtf_or_none(start, precision),
        "published_display": display_date(start, precision),
    }


def quote_records(quotes, absolute_url) -> Iterator[dict]:
    addresses = Addresses.of(absolute_url)
    for row in quotes.values(*COLUMNS).iterator(chunk_size=CHUNK_SIZE):
        yield quote_record(row, addresses)

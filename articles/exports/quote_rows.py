"""A filtered quote list as plain records: one query, read in chunks, no model instances."""

from collections.abc import Callable, Iterator

from django.urls import reverse

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


def speaker_shown(row: dict) -> str:
    """Who the public site says spoke (``curation.visibility.named_speaker`` on a row)."""
    if row["speaker_id"] and not (hiding_unreviewed() and row["speaker__needs_review"]):
        return row["speaker__name"]
    return row["speaker_label"] or "Unattributed"


def quote_record(row: dict, absolute_url: Callable[[str], str]) -> dict:
    start, precision = row["article__published"], row["article__published_precision"]
    article = reverse("articles:article-detail", kwargs={"slug": row["article__slug"]})
    named = speaker_shown(row) == row["speaker__name"]
    speaker_url = (
        reverse("people:person-detail", kwargs={"slug": row["speaker__slug"]}) if named else None
    )
    return {
        "id": row["pk"],
        "url": absolute_url(reverse("quotes:quote-detail", kwargs={"pk": row["pk"]})),
        "speaker": speaker_shown(row),
        "speaker_url": absolute_url(speaker_url) if speaker_url else None,
        "text": row["text"],
        "article_title": row["article__title"],
        "article_url": absolute_url(f"{article}#quote-{row['pk']}"),
        "outlet": row["article__outlet__name"],
        "published": edtf_or_none(start, precision),
        "published_display": display_date(start, precision),
    }


def quote_records(quotes, absolute_url) -> Iterator[dict]:
    for row in quotes.values(*COLUMNS).iterator(chunk_size=CHUNK_SIZE):
        yield quote_record(row, absolute_url)

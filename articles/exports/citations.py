"""Article records (``article_rows``) as citations a reference manager imports.

RIS is written by ``rispy`` and BibTeX by ``bibtexparser`` (2.x, with its LaTeX
encoding middleware, so "&", "%" or braces in a headline cannot break an entry):
well-kept libraries that also read the files back, which the tests do. CSL-JSON
is plain JSON in the Citation Style Language schema. Every article is a newspaper
or magazine article: the outlet is the publication (RIS ``T2``, BibTeX
``journal``, CSL ``container-title``), the date as precise as the archive knows it.
"""

from collections.abc import Iterable, Iterator
from itertools import islice

import bibtexparser
import rispy
from bibtexparser.middlewares import LatexEncodingMiddleware
from bibtexparser.model import Entry, Field

from articles.exports.download import to_json
from articles.parsing.fuzzydate import DAY, MONTH, SEASON, YEAR, FuzzyDate

ENTRIES_PER_WRITE = 200
CSL_SEASONS = {"spring": 1, "summer": 2, "autumn": 3, "winter": 4}


def _batches(records: Iterable[dict]) -> Iterator[list[dict]]:
    records = iter(records)
    while batch := list(islice(records, ENTRIES_PER_WRITE)):
        yield batch


class _RisWriter(rispy.RisWriter):
    """RIS without rispy's "1." line before each entry, which is not part of the format."""

    def set_header(self, count):
        return ""


def _date(record) -> FuzzyDate | None:
    start, precision = record["published_start"], record["published_precision"]
    if start is None or precision not in (DAY, MONTH, SEASON, YEAR):
        return None
    return FuzzyDate.from_start(start, precision)


def ris_entry(record: dict) -> dict:
    entry = {
        "type_of_reference": "NEWS",
        "id": record["slug"],
        "title": record["title"],
        "secondary_title": record["outlet"],
        "urls": [record["url"]],
    }
    if date := _date(record):
        entry["year"] = f"{date.year:04d}"
        month = f"{date.month:02d}" if date.month else ""
        day = f"{date.day:02d}" if date.day else ""
        entry["date"] = f"{date.year:04d}/{month}/{day}/"
    if record["author"]:
        entry["authors"] = [record["author"]]
    if record["standfirst"]:
        entry["abstract"] = record["standfirst"]
    if names := [item["name"] for item in record.get("people", [])]:
        entry["keywords"] = names
    return entry


def ris_text(records: Iterable[dict]) -> Iterator[str]:
    for chunk in _batches(records):
        yield rispy.dumps([ris_entry(record) for record in chunk], implementation=_RisWriter)


def bibtex_entry(record: dict) -> Entry:
    fields = {"title": record["title"], "journal": record["outlet"], "url": record["url"]}
    if date := _date(record):
        fields["year"] = str(date.year)
        if date.month:
            fields["month"] = str(date.month)
        fields["date"] = date.edtf()
    if record["author"]:
        fields["author"] = record["author"]
    if record["standfirst"]:
        fields["abstract"] = record["standfirst"]
    return Entry("article", record["slug"], [Field(k, v) for k, v in fields.items()])


def bibtex_text(records: Iterable[dict]) -> Iterator[str]:
    encode = LatexEncodingMiddleware()
    for chunk in _batches(records):
        library = bibtexparser.Library([bibtex_entry(record) for record in chunk])
        yield bibtexparser.write_string(encode.transform(library)) + "\n"


def csl_item(record: dict) -> dict:
    item = {
        "id": record["slug"],
        "type": "article-newspaper",
        "title": record["title"],
        "container-title": record["outlet"],
        "URL": record["url"],
    }
    if date := _date(record):
        parts = [date.year, *(part for part in (date.month, date.day) if part)]
        item["issued"] = {"date-parts": [parts]}
        if date.season:
            item["issued"]["season"] = CSL_SEASONS[date.season]
    if record["author"]:
        item["author"] = [{"literal": record["author"]}]
    if record["standfirst"]:
        item["abstract"] = record["standfirst"]
    return item


def csl_json_text(records: Iterable[dict]) -> Iterator[str]:
    yield "["
    for index, record in enumerate(records):
        yield ("," if index else "") + "\n" + to_json(csl_item(record))
    yield "\n]\n"

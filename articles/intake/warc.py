"""WARC captures (Webrecorder, ArchiveBox, Heritrix, the Internet Archive), read with warcio.

Every ``response`` record whose HTTP ``Content-Type`` is ``text/html`` is one saved
page; its ``WARC-Target-URI`` and ``WARC-Date`` say where it was published and when
it was captured. Records are read one at a time, and found again by their offset, so
a WARC of any size is never held in memory.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from articles.parsing.decode import MAX_SOURCE_BYTES
from articles.parsing.types import SourceError

from .files import check_regular
from .metadata import SourceMetadata

WARC_RECORD = "WARC record"


@dataclass
class WarcPage:
    """One HTML response in a WARC file: where it is in the file, and its payload."""

    offset: int
    metadata: SourceMetadata
    payload: bytes = b""
    error: str = ""


def is_warc(path: Path, raw_start: bytes = b"") -> bool:
    name = path.name.lower()
    return name.endswith((".warc", ".warc.gz")) or raw_start.startswith(b"WARC/")


def warc_pages(path: Path, limit: int = MAX_SOURCE_BYTES) -> Iterator[WarcPage]:
    """The HTML pages of a WARC file, in file order (raises SourceError for a bad file)."""
    check_regular(path.stat(), limit=float("inf"))
    read = pages = 0
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        try:
            for record in records:
                read += 1
                if _is_html_response(record):
                    pages += 1
                    yield _page(record, records.get_record_offset(), limit)
        except ArchiveLoadFailed as error:
            raise SourceError(f"not a valid WARC file: {_first_line(error)}") from None
    if not pages:
        raise SourceError(f"no text/html response records among its {read} WARC record(s)")


def warc_page_at(path: Path, offset: int, limit: int = MAX_SOURCE_BYTES) -> WarcPage:
    """The HTML page whose record starts at ``offset`` in a WARC file."""
    with path.open("rb") as stream:
        stream.seek(offset)
        try:
            record = next(iter(ArchiveIterator(stream)))
        except (ArchiveLoadFailed, StopIteration) as error:
            raise SourceError(f"no WARC record at offset {offset}: {_first_line(error)}") from None
        return _page(record, offset, limit)


def _is_html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = record.http_headers.get_header("Content-Type") or ""
    return content_type.split(";")[0].strip().lower() == "text/html"


def _page(record, offset: int, limit: int) -> WarcPage:
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    metadata = SourceMetadata(origin=WARC_RECORD, url=uri, captured=_date(record))
    payload = record.content_stream().read(limit + 1)
    if len(payload) > limit:
        return WarcPage(offset, metadata, error=f"page is over the {limit // 2**20} MB limit")
    return WarcPage(offset, metadata, payload)


def _date(record) -> datetime.datetime | None:
    value = record.rec_headers.get_header("WARC-Date") or ""
    try:
        return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]

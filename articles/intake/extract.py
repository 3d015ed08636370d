"""From one source's bytes to a parsed article, keeping what the archive must store.

A text goes to the parser as it is (after any header block); a saved HTML page, or
an HTML response from a WARC file, goes through trafilatura first (html.py). Then
the metadata given with the source and the page's own are reconciled with the
parser's findings (reconcile.py). This runs in the loader's worker processes: the
worker reads the file itself, so the loader never holds more than a few at once.
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass, field
from pathlib import Path

from articles.parsing.authority import Authority
from articles.parsing.chrome import PageLines, page_lines
from articles.parsing.decode import decode_source, decode_with_encoding
from articles.parsing.lines import wrapped_blocks
from articles.parsing.outlet import identify_outlet
from articles.parsing.parse import parse_article
from articles.parsing.types import ParsedArticle, SourceError

from .files import read_source_file
from .html import PAGE_METADATA, looks_like_html, read_html
from .metadata import SourceMetadata, read_sidecar, split_header
from .reconcile import reconcile
from .warc import warc_page_at

TEXT, HTML = "text/plain", "text/html"
HTML_SUFFIXES = (".html", ".htm")


@dataclass
class Extracted:
    """A source version's bytes exactly as given, how they read, and what they say."""

    raw: bytes
    text: str  # what the parser read
    encoding: str
    media_type: str
    parsed: ParsedArticle
    url: str = ""
    captured: datetime.datetime | None = None
    given: list[SourceMetadata] = field(default_factory=list)  # best first
    origins: dict[str, str] = field(default_factory=dict)  # field -> where it came from


def _one_page_at_a_time(read):
    """The parser keeps the blocks of its last eight pages, by their whole text, so that
    its stages share the work on a page; a loader reads page after page, and eight
    5 MB pages and their blocks are over 100 MB: they are let go once a page is read."""

    @functools.wraps(read)
    def reading_one_page(*args, **kwargs):
        try:
            return read(*args, **kwargs)
        finally:
            wrapped_blocks.cache_clear()

    return reading_one_page


@_one_page_at_a_time
def extract(
    raw: bytes,
    name: str,
    authority: Authority,
    given: list[SourceMetadata] | None = None,
    *,
    html: bool | None = None,
) -> Extracted:
    """Decode, read and parse one source's bytes; raises ``SourceError`` with the reason.

    ``given`` is the metadata that came with the source, best first; ``html`` says the
    bytes are a web page (by default, when the name or the content says so).
    """
    given = [g for g in given or () if g is not None]
    decoded = decode_with_encoding(raw, name)
    if html is None:
        html = is_web_page(name, raw)
    layers = [(g.origin, _fields(g)) for g in given]
    if html:
        url = next((g.url for g in given if g.url), "")
        text, page = read_html(decoded.text, url)
        layers.append((PAGE_METADATA, page))
    else:
        header, text = split_header(decoded.text)
        if header is not None:
            given.append(header)
            layers.append((header.origin, _fields(header)))
    parsed, origins = reconcile(parse_article(text, authority), layers, authority)
    return Extracted(
        raw=raw,
        text=text,
        encoding=decoded.encoding,
        media_type=HTML if html else TEXT,
        parsed=parsed,
        url=next((values["url"] for _, values in layers if values.get("url")), ""),
        captured=next((g.captured for g in given if g.captured), None),
        given=given,
        origins=origins,
    )


def extract_file(path: Path, authority: Authority, offset: int | None = None) -> Extracted:
    """``extract`` on a file read safely, or on the WARC record at ``offset`` in it."""
    raw, given, html = read_source(path, offset)
    return extract(raw, path.name, authority, given, html=html)


@_one_page_at_a_time
def chrome_lines(text: str, authority: Authority) -> tuple[str, PageLines]:
    """A decoded text page's outlet and its lines, as chrome learning reads them."""
    return identify_outlet(text, authority.outlets).name, page_lines(text)


def file_chrome_lines(path: Path, authority: Authority) -> tuple[str, PageLines] | None:
    """``chrome_lines`` of a text file, read here (in a worker, during a large load); None
    for a file that cannot be read or decoded, and for a web page, which teaches no
    chrome: trafilatura leaves its template out already."""
    try:
        raw = read_source_file(path)
        if is_web_page(path.name, raw):
            return None
        text = decode_source(raw, path.name)
    except SourceError:
        return None
    del raw  # the bytes are not needed past decoding
    return chrome_lines(text, authority)


def is_web_page(name: str, raw: bytes) -> bool:
    return name.lower().endswith(HTML_SUFFIXES) or looks_like_html(raw)


def read_source(
    path: Path, offset: int | None = None
) -> tuple[bytes, list[SourceMetadata], bool | None]:
    """A source's bytes, the metadata given with it, and whether it is a web page (None
    when its content decides): a file and its sidecar, or the WARC record at ``offset``."""
    if offset is None:
        return read_source_file(path), [read_sidecar(path)], None
    page = warc_page_at(path, offset)
    if page.error:
        raise SourceError(page.error)
    return page.payload, [page.metadata], True


def _fields(metadata: SourceMetadata) -> dict:
    return {
        "title": metadata.title,
        "outlet": metadata.outlet,
        "published": metadata.published,
        "url": metadata.url,
    }

"""A saved web page: its main text and metadata, read with trafilatura.

trafilatura (with its own fallbacks, readability and jusText) finds the article
in the markup and reads the page's title, author, date, site name and canonical
URL; the parser then reads the text like any page, and the page's metadata is
reconciled with what it found (reconcile.py).
"""

from __future__ import annotations

import re

import trafilatura

from articles.parsing.fuzzydate import FuzzyDate
from articles.parsing.types import SourceError

PAGE_METADATA = "HTML metadata"
_MARKUP_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>])", re.I | re.S
)


def looks_like_html(raw: bytes) -> bool:
    """Whether bytes (UTF-8 or an ASCII-compatible encoding) open like an HTML page."""
    return bool(_MARKUP_START.match(raw.removeprefix(b"\xef\xbb\xbf")[:4096]))


def read_html(markup: str, url: str = "") -> tuple[str, dict]:
    """The page's text for the parser (its title, then its main text) and its metadata."""
    document = trafilatura.bare_extraction(
        markup,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (document.text or "").strip() if document is not None else ""
    if not text:
        raise SourceError("no article text found in the HTML page")
    title = " ".join((document.title or "").split())
    metadata = {
        "title": title,
        "author": " ".join((document.author or "").split()).replace(";", ","),
        "published": _date(document.date),
        "outlet": _site_name(document.sitename or ""),
        "url": document.url or "",
    }
    return (f"{title}\n\n{text}\n" if title else f"{text}\n"), {
        k: v for k, v in metadata.items() if v
    }


def _site_name(value: str) -> str:
    """The page's own site name; not the host name trafilatura falls back on (the URL's
    host is matched against the outlets' home pages instead)."""
    name = " ".join(value.split())
    return "" if re.fullmatch(r"[\w.-]+\.[a-z]{2,}", name, re.I) else name


def _date(value: str | None) -> FuzzyDate | None:
    try:
        return FuzzyDate.from_edtf(value[:10]) if value else None
    except (ValueError, TypeError):
        return None

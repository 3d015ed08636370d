"""From one source's bytes to a parsed article, keeping what the archive must store.

This runs in the loader's worker processes: the worker reads the file itself, so
the loader never holds more than a few files' bytes at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from articles.parsing.authority import Authority
from articles.parsing.decode import decode_with_encoding
from articles.parsing.parse import parse_article
from articles.parsing.types import ParsedArticle

from .files import read_source_file

TEXT = "text/plain"


@dataclass
class Extracted:
    """A source version's bytes exactly as given, how they read, and what they say."""

    raw: bytes
    text: str
    encoding: str
    media_type: str
    parsed: ParsedArticle


def extract(raw: bytes, name: str, authority: Authority) -> Extracted:
    """Decode and parse one source's bytes; raises ``SourceError`` with the reason."""
    decoded = decode_with_encoding(raw, name)
    return Extracted(
        raw, decoded.text, decoded.encoding, TEXT, parse_article(decoded.text, authority)
    )


def extract_file(path: Path, authority: Authority) -> Extracted:
    """``extract`` on a file's bytes, read safely (raises ``SourceError``)."""
    return extract(read_source_file(path), path.name, authority)

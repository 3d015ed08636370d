"""Blanking out parts of a text while keeping every character offset."""

from __future__ import annotations

import re
from collections.abc import Iterable

MASK = "\x00"
_ADDRESSES = re.compile(r"\bhttps?://\S+|\bwww\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with every span replaced by MASK characters of the same length."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = MASK * (end - start)
    return "".join(chars)


def address_spans(text: str) -> list[tuple[int, int]]:
    """Web and e-mail addresses, whose dotted parts look like names but are not."""
    return [match.span() for match in _ADDRESSES.finditer(text)]


def overlaps(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    start, end = span
    return any(start < right and left < end for left, right in spans)

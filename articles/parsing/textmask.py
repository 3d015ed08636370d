"""Blanking out parts of a text while keeping every character offset."""

from __future__ import annotations

import re
from collections.abc import Iterable

MASK = "\x00"
_ADDRESSES = re.compile(r"\bhttps?://\S+|\bwww\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with every span replaced by MASK characters of the same length."""
    pieces, done = [], 0
    for start, end in sorted(spans):
        start = max(start, done)
        if end > start:
            pieces += [text[done:start], MASK * (end - start)]
            done = end
    return "".join(pieces) + text[done:] if pieces else text


def address_spans(text: str) -> list[tuple[int, int]]:
    """Web and e-mail addresses, whose dotted parts look like names but are not."""
    if "@" not in text and "http" not in text and "www." not in text:
        return []
    return [match.span() for match in _ADDRESSES.finditer(text)]


def overlaps(span: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    start, end = span
    return any(start < right and left < end for left, right in spans)

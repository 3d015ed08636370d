"""Splitting a paragraph into sentences, kept as character spans."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .vocabulary import lowered

# A full stop after these is not the end of a sentence ("Mr. Jones", "U.S. Embassy").
_ABBREVIATIONS = lowered("names.abbreviations")
_BOUNDARY = re.compile(r"[.!?]+[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def sentence_spans(text: str, protected: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The (start, end) of every sentence in ``text``.

    A boundary inside one of the ``protected`` spans (e.g. a quotation) does not
    split, so "“Stop. Think,” she said." stays one sentence.
    """
    spans, start = [], 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if any(left < match.start() < right for left, right in protected):
            continue
        if match.group().startswith(".") and _is_abbreviation(text[start : match.start()]):
            continue
        spans.append(_trimmed(text, start, end))
        start = end
    if text[start:].strip():
        spans.append(_trimmed(text, start, len(text)))
    return spans


def _is_abbreviation(before: str) -> bool:
    word = _WORD_BEFORE.search(before)
    if not word:
        return False
    token = word.group(1)
    # A single capital ("J. Smith") or a dotted acronym ("U.S") is an abbreviation too.
    return token.lower() in _ABBREVIATIONS or (len(token) == 1 and token.isupper()) or "." in token


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end

"""The kind of an article (news, opinion, official) from its outlet and its labels."""

from __future__ import annotations

import re

from .outlet import OutletMatch
from .vocabulary import alternation

# A section label ("Opinion") may stand this many lines above the headline.
KICKER_LINES = 3

_OPINION_WORDS = alternation("header.opinion_labels")
OPINION_LABEL = re.compile(rf"(?:{_OPINION_WORDS})(?:\s*[|:/–—-].{{0,60}})?", re.IGNORECASE)
_OPINION_PREFIX = re.compile(rf"(?:{_OPINION_WORDS})\s*[|:–—-]\s", re.IGNORECASE)


def label_lines(lines: list[str], menus: set[int], title_at: int | None, end: int) -> list[str]:
    """The lines that may label the article ("Opinion"): the header and a kicker above the
    headline, but not a menu that lists every section. A menu word repeated right above
    the headline, where the menu runs into the kicker, is the kicker."""
    start = 0 if title_at is None else max(title_at - KICKER_LINES, 0)
    earlier = set(lines[:start])
    return [
        lines[index]
        for index in range(start, end)
        if index not in menus or (index < (title_at or 0) and lines[index] in earlier)
    ]


def article_kind(outlet: OutletMatch, title: str, header_lines: list[str]) -> str:
    if outlet.profile and outlet.profile.article_kind == "official":
        return "official"
    if _OPINION_PREFIX.match(title) or any(OPINION_LABEL.fullmatch(line) for line in header_lines):
        return "opinion"
    return outlet.profile.article_kind if outlet.profile else "news"

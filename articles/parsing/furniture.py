"""Page furniture: the lines of a page dump that are not the article.

Most furniture has shapes and words that every news site shares (navigation,
salaries, image file names, paywall prompts, "Most popular" sidebars, footers),
so the rules here are general, with their word lists in fixtures/lexicon.toml
([furniture]); what is peculiar to one outlet is data too, in its profile's
``furniture`` regexes in fixtures/outlets.toml. Lines that no rule names are left
to the boilerplate classifier (boilerplate.py) and labelled boxes (boxes.py).

Two kinds of line are told apart. *Inline* furniture is dropped wherever it
stands and the article carries on around it ("Advertisement", "Photo credit:
..."). An *end marker* says the article is over ("Most popular articles today",
a salary, a membership prompt): what follows is sidebar or footer, unless the
article's prose takes up again below it (an inline box of jobs, a register
wall). After a *page end* ("Notes to editors", the comments, the copyright
line) nothing of the article follows.
All patterns match whole lines, ignoring case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from .vocabulary import alternation, patterns

_INLINE_PATTERNS = patterns("furniture.inline_patterns")

_END_PATTERNS = patterns("furniture.end_patterns")

# End markers after which nothing more of the article follows (lexicon: page_end_patterns).
_PAGE_END_PATTERNS = patterns("furniture.page_end_patterns")

# Icon names a page dump spells out, run together ("closechevron-downbars linkedin ...").
_ICON_SOUP = re.compile(
    rf"(?:(?:{alternation('furniture.icon_names')})[\s\-_]*){{3,}}", re.IGNORECASE
)

# A picture agency's credit on a line of its own ("Getty Images", "PA Media/Reuters").
_PICTURE_CREDIT = re.compile(
    rf"\s*(?:{alternation('furniture.picture_agencies')})(?:\s*(?:/|,|via)\s*[^.!?]{{1,40}})?\s*",
    re.IGNORECASE,
)
_MEDIA_PLAYER = re.compile("|".join(patterns("furniture.media_player_lines")), re.IGNORECASE)

# A UK postcode closing a short line is an address.
_ADDRESS = re.compile(r"(?=.*,).{0,100}\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\.?", re.ASCII)

# A menu item: a few words, no digits, no sentence punctuation.
_MENU_ITEM = re.compile(r"[A-Z‘“'][^\d.!?:;,]{0,30}")
MENU_ITEM_WORDS = 3
MENU_RUN = 3


def _whole_line(patterns: Iterable[str]) -> re.Pattern:
    joined = "|".join(f"(?:{pattern})" for pattern in patterns)
    return re.compile(rf"\s*(?:{joined})\s*", re.IGNORECASE)


_END = _whole_line((*_END_PATTERNS, *_PAGE_END_PATTERNS))
_PAGE_END = _whole_line(_PAGE_END_PATTERNS)


class Furniture:
    """Recognises the furniture of one outlet's pages: the general rules plus its own."""

    def __init__(self, outlet_patterns: Iterable[str] = ()):
        self._inline = _whole_line((*_INLINE_PATTERNS, *outlet_patterns))
        # The page asks about the lines near its headline more than once.
        self.is_furniture = lru_cache(maxsize=4096)(self._is_furniture)

    def ends_article(self, line: str) -> bool:
        """Whether the article is over once this line is reached (it may resume after a box)."""
        return bool(_END.fullmatch(line))

    def ends_page(self, line: str) -> bool:
        """Whether nothing more of the article follows this line (footer, notes, comments)."""
        return bool(_PAGE_END.fullmatch(line))

    def _is_furniture(self, line: str) -> bool:
        """Whether the line is furniture of any kind (inline or an end marker)."""
        return (
            bool(self._inline.fullmatch(line))
            or self.ends_article(line)
            or is_icon_soup(line)
            or is_picture_credit(line)
            or bool(_ADDRESS.fullmatch(line.strip()))
        )


@lru_cache(maxsize=64)
def furniture_for(outlet_patterns: tuple[str, ...] = ()) -> Furniture:
    """A cached ``Furniture`` for a profile's patterns (compiling once per outlet)."""
    return Furniture(outlet_patterns)


def is_picture_credit(line: str) -> bool:
    return bool(_PICTURE_CREDIT.fullmatch(line))


def is_media_marker(line: str) -> bool:
    """A picture's credit or a media player's control or running time: a caption stands under it."""
    return is_picture_credit(line) or bool(_MEDIA_PLAYER.fullmatch(line.strip()))


def is_icon_soup(line: str) -> bool:
    return bool(_ICON_SOUP.fullmatch(line.strip()))


def is_menu_item(line: str) -> bool:
    if not _MENU_ITEM.fullmatch(line.strip()):  # first: it rules out any long line at once
        return False
    # A symbol between words is not one ("North East & Cumbria" is three words).
    words = [word for word in line.split() if any(char.isalnum() for char in word)]
    return len(words) <= MENU_ITEM_WORDS


def menu_runs(lines: Sequence[str]) -> set[int]:
    """Indexes of lines in runs of at least ``MENU_RUN`` menu items (blank lines ignored)."""
    found: set[int] = set()
    run: list[int] = []
    for index, line in enumerate([*lines, "."]):
        if not line.strip():
            continue
        if is_menu_item(line):
            run.append(index)
            continue
        if len(run) >= MENU_RUN:
            found.update(run)
        run = []
    return found

"""The masthead: the name a page gives itself on its first line of its own.

Browser dumps and e-mails open with the site's chrome (skip links, cookie
banners, "Open in app", "View this email in your browser"), sometimes with the
browser tab's title, and then the outlet's name ("THE TIMES", "ITV News",
"Who Cares? Scotland", "PSW | July 2021"). The masthead is that first line when
it is shaped like a name and no date or byline stands under it; a page opening
with its headline or with prose has none.
"""

from __future__ import annotations

import re
from functools import cache

from .dates import find_dates
from .furniture import furniture_for
from .header import read_header_line
from .vocabulary import lowered

# How far down the page the masthead may stand, in non-empty lines.
MASTHEAD_LOOKAHEAD = 12
MASTHEAD_MAX_WORDS = 6
MASTHEAD_MAX_CHARS = 60
# A first line this long is the browser tab's title ("Headline - Section | Site").
TAB_TITLE_MIN_WORDS = 8
# All-capital words this short keep their capitals in a name ("HELEN MARLOWE MP"), and so
# does a word without a vowel ("NHS", "PSW").
ACRONYM_MAX_LETTERS = 2

# The name, then what the masthead line adds: an issue date, a tagline ("Sky News - back to home").
_SEPARATOR = re.compile(r"\s+[|–—-]\s+")
# A capitalised word ("Who Cares?", "GOV.UK", "iNews"), not a possessive fragment ("Adults'").
_NAME_WORD = re.compile(r"(?:[A-Z0-9][\w’'.&+-]*|[a-z]{1,2}[A-Z][\w’'.-]*)(?<![’'])\??")
_SENTENCE_END = re.compile(r"[.!:;,]$")


def find_masthead(text: str) -> str:
    """The outlet name the page's masthead gives, or "" when the page opens with no name."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for position, line in enumerate(lines[:MASTHEAD_LOOKAHEAD]):
        name = _SEPARATOR.split(line, maxsplit=1)[0]
        if name.lower() in lowered("header.menu_start"):
            return ""
        if is_leading_chrome(name):
            continue
        if position == 0 and len(line.split()) >= TAB_TITLE_MIN_WORDS:
            continue
        following = lines[position + 1] if position + 1 < len(lines) else ""
        if not is_name_shaped(name) or _is_dated_or_signed(following):
            return ""
        return _as_printed(name)
    return ""


def _is_dated_or_signed(line: str) -> bool:
    """A date or byline under a name-shaped line makes it a headline in title case; an
    issue's month or season ("Kinship News" / "Spring 2023") dates the publication."""
    header_line = read_header_line(line)
    if header_line is None:
        return False
    return bool(header_line.author) or (
        header_line.date is not None and header_line.date.day is not None
    )


def is_masthead_line(line: str, masthead: str) -> bool:
    """Whether ``line`` is the masthead line naming ``masthead`` ("PSW | July 2021" for "PSW")."""
    name = _SEPARATOR.split(line.strip(), maxsplit=1)[0]
    return bool(masthead) and _as_printed(name) == masthead


def is_leading_chrome(line: str) -> bool:
    """Chrome that tops a page above its masthead: skip links, consent banners, app prompts."""
    words = set(re.findall(r"\w+", line.lower()))
    return (
        line.lower() in lowered("header.leading_chrome")
        or bool(words & lowered("header.leading_chrome_words"))
        or furniture_for(()).is_furniture(line)
    )


def is_name_shaped(line: str) -> bool:
    """A few capitalised words, no sentence punctuation, no date: how an outlet writes its name."""
    words = line.split()
    if not 0 < len(words) <= MASTHEAD_MAX_WORDS or len(line) > MASTHEAD_MAX_CHARS:
        return False
    # A name may list its words ("Tea, Toast and Teenagers"): a comma closes any but the last.
    words = [word.removesuffix(",") for word in words[:-1]] + words[-1:]
    if _SENTENCE_END.search(line) or not _NAME_WORD.fullmatch(words[0]) or find_dates(line):
        return False
    connectors = _connectors()
    return all(_NAME_WORD.fullmatch(word) or word.lower() in connectors for word in words)


def _as_printed(name: str) -> str:
    """A name set in capitals as the outlet writes it: "THE TIMES" is "The Times"."""
    if not name.isupper():
        return name
    connectors = _connectors()
    words = []
    for position, word in enumerate(name.split()):
        if word.lower() in connectors:
            words.append(word.capitalize() if position == 0 else word.lower())
        elif _is_acronym(word) or not word.isalpha():
            words.append(word)
        else:
            words.append(word.capitalize())
    return " ".join(words)


def _is_acronym(word: str) -> bool:
    return len(word) <= ACRONYM_MAX_LETTERS or not set(word.lower()) & set("aeiouy")


@cache
def _connectors() -> frozenset[str]:
    return lowered("header.masthead_connectors")

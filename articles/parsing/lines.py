"""The shapes of single lines of a page: prose, headline, question; and wrapped lines re-joined."""

from __future__ import annotations

import re
from functools import lru_cache

from . import layout
from .dates import parse_date
from .furniture import furniture_for
from .names import normalise_name
from .vocabulary import alternation

# A sentence ends in . ! ? or … perhaps followed by closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")
# A teaser cut short ("... more families were turning to schools [...]").
_TRUNCATED = re.compile(r"[\[(](?:\.\.\.|…)[\])]$")
_QUESTION_END = re.compile(r"\?[\"”’')\]]*$")
_HEADLINE_START = re.compile(r"[A-Z0-9‘“'\"£]")
# A byline or a date starts its own line ("by Alex Turner on May 23, 2022"), whatever came before.
_BYLINE_START = re.compile(r"by [A-Z]")
_CRUMB = r"\w[\w&’'.,-]*(?: [\w&’'.,-]+){0,4}"
_BREADCRUMB = re.compile(rf"{_CRUMB}(?:\s*[›>»|/]\s*{_CRUMB})+")
_WORD_STEP = re.compile(r"(?:^|[›>»|/])\s*[^\W\d]")
# "By" on a line of its own, the writer's name (a link) on the next: one byline.
_LONE_CREDIT = re.compile(rf"(?:{alternation('names.credit_prefixes')}):?", re.IGNORECASE)
# A word broken over two lines with a hyphen ("recom-" + "mendations").
_BROKEN_WORD = re.compile(r"(?<=[^\W\d_])-$")
_CONNECTING_END = re.compile(
    r"(?:[,;(–—-]|\b(?:and|or|but|the|a|an|of|to|in|for|with|by|on|at|from|that|our|their|its))$"
)

PROSE_MIN_WORDS = 8
HEADLINE_WORDS = (4, 30)
HEADLINE_MAX_CHARS = 250
QUESTION_MAX_WORDS = 25
# A line this long that stops mid-sentence was wrapped by the page dump, when the next one
# starts in lower case; a line ending on a connecting word ("... and") must be longer, as a
# headline ends on "on" or "for" too.
WRAPPED_MIN_WORDS = 4
WRAPPED_CONNECTING_MIN_WORDS = 8


def word_count(line: str) -> int:
    return len(line.split())


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line)) and not _TRUNCATED.search(line)


def is_prose(line: str) -> bool:
    """A line of running text: whole sentences, long enough to be more than a label."""
    return ends_sentence(line) and word_count(line) >= PROSE_MIN_WORDS


def is_question(line: str) -> bool:
    return bool(_QUESTION_END.search(line)) and word_count(line) <= QUESTION_MAX_WORDS


def is_breadcrumb(line: str) -> bool:
    """A row of a few short steps or links: "Home > News > 2023 > May", "UK NEWS | SOCIAL
    AFFAIRS", "Jobs | Contact us | Sign in to your account"; two steps at least in words (a
    step may be a year), so that "19/04/21" is a date."""
    return bool(_BREADCRUMB.fullmatch(line)) and len(_WORD_STEP.findall(line)) >= 2


def is_headline(line: str, fewest_words: int = HEADLINE_WORDS[0]) -> bool:
    """A line shaped like a headline: a few words, capitalised, not a finished sentence."""
    high = HEADLINE_WORDS[1]
    if not fewest_words <= word_count(line) <= high or len(line) > HEADLINE_MAX_CHARS:
        return False
    if not _HEADLINE_START.match(line) or line.endswith((":", ",", ";")):
        return False
    return not ends_sentence(line) or line.endswith(("?", "!"))


def join_wrapped_lines(text: str) -> list[str]:
    """The page's non-empty lines, whitespace-collapsed, with wrapped lines joined back."""
    return [line for block in wrapped_blocks(text) for line in block]


@lru_cache(maxsize=8)
def wrapped_blocks(text: str) -> tuple[tuple[str, ...], ...]:
    """The page's blocks (runs of lines between blank lines), wrapped lines joined back.

    Print layouts are cleaned first (``layout.clean_layout``). A line continues the
    one before it (with no blank line between) when that one is long, stops
    mid-sentence, and either this line starts in lower case or that one ends on a
    comma or a connecting word ("to our Call" + "for Advice"), and a byline's "By"
    alone on a line goes on with the name under it. A word hyphenated over the break is
    read joined ("legis-" + "lation" is "legislation").
    """
    blocks: list[list[str]] = []
    follows_blank = True
    previous_raw = ""  # the last raw line of the block's last line
    for raw in layout.clean_layout(text).split("\n"):
        line = " ".join(raw.split())
        if not line:
            follows_blank = True
            continue
        if follows_blank:
            blocks.append([])
        block = blocks[-1]
        if block and _continues(block[-1], line, previous_raw):
            broken = _BROKEN_WORD.search(block[-1]) and line[0].islower()
            block[-1] = f"{block[-1][:-1]}{line}" if broken else f"{block[-1]} {line}"
        else:
            block.append(line)
        previous_raw = line
        follows_blank = False
    return tuple(tuple(block) for block in blocks)


def _continues(previous: str, line: str, previous_raw: str = "") -> bool:
    """Whether ``line`` goes on with ``previous`` (the block's last line so far, whose last
    raw line is ``previous_raw``). Inside a paragraph already joined from several lines (a
    PDF's), a long line that stops mid-sentence goes on even before a capital ("… are not
    funded. Eileen" + "Munro’s review …")."""
    if _LONE_CREDIT.fullmatch(previous):
        return line[0].isupper()
    words = word_count(previous)
    if ends_sentence(previous) or words < WRAPPED_MIN_WORDS:
        return False
    if _BYLINE_START.match(line) or parse_date(line):
        return False
    # "Skip to main content" / "reddit": a whole line of page chrome is not wrapped text.
    if furniture_for(()).is_furniture(previous):
        return False
    if line[0].islower():
        return True
    if words >= WRAPPED_CONNECTING_MIN_WORDS and _CONNECTING_END.search(previous):
        return True
    return (  # a paragraph already joined from several lines
        previous != previous_raw
        and word_count(previous_raw) >= WRAPPED_MIN_WORDS
        and word_count(line) >= WRAPPED_MIN_WORDS
    )


def repeats(line: str, headline: str) -> bool:
    """Whether a line repeats the headline (ignoring case and typography)."""
    return abs(len(line) - len(headline)) <= 2 and normalise_name(line) == normalise_name(headline)

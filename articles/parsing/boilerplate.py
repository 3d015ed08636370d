"""A boilerplate classifier for the lines of a page, in the manner of jusText.

Each line is first classed on its own features: furniture it matches, the share of
its characters that are links, of its words that are stop words, capitalised or
numbers, and whether it is running prose. Lines too short to judge alone are
then classed by their neighbours, with jusText's own context revision
(``justext.core.revise_paragraph_classification``).

The classifier only ever drops what its own features leave open: a line of
finished sentence is never dropped for standing next to furniture. Only labels,
names, list entries and other pieces that are not sentences are.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache

import justext
from justext.core import revise_paragraph_classification

from .furniture import Furniture
from .lines import ends_sentence, is_prose
from .vocabulary import lowered

# jusText's thresholds, named as it names them.
LENGTH_LOW = 70  # characters: shorter lines are "short", judged by their neighbours
LENGTH_HIGH = 200  # characters: a longer line with enough stop words is good on its own
STOPWORDS_LOW = 0.30
STOPWORDS_HIGH = 0.32
MAX_LINK_DENSITY = 0.8  # share of a line's characters in URLs and e-mail addresses
# A line mostly of numbers, prices and times ("Friday 14 October – Library, 10am to 12pm").
MAX_NUMBER_SHARE = 0.3
# A line of names and places ("Janine Holloway, Leeds, United Kingdom"): mostly capitalised.
MAX_CAPITALISED_SHARE = 0.7
CAPITALISED_MIN_WORDS = 4
# A site's boxes speak to the reader ("your comment", "you want"); articles seldom do.
MAX_READER_ADDRESS = 0.1
# How far (in characters) a short heading may stand above the good text it introduces.
MAX_HEADING_DISTANCE = 200

GOOD, NEARGOOD, SHORT, BAD = "good", "neargood", "short", "bad"

_LINK = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w-]+\.(?:co\.uk|org\.uk|com|org)\S*")
_NUMBER = re.compile(r"[£$€]?\d[\d,.:]*(?:am|pm|k|m|bn|%)?", re.IGNORECASE)
_WORD_EDGES = "\"'“”‘’()[]{},.;:!?"


@dataclass
class _Block:
    """One line as jusText's revision pass reads a paragraph."""

    text: str
    cf_class: str
    heading: bool
    class_type: str = ""


@cache
def stop_words() -> frozenset[str]:
    return frozenset(justext.get_stoplist("English"))


def classify_lines(
    lines: Sequence[str], furniture: Furniture, menus: Collection[int] = ()
) -> list[str]:
    """Each line's class after the context revision: good or bad.

    ``menus`` are the indexes of lines in runs of menu items (navigation, topic tags),
    bad whatever their own features say.
    """
    blocks = [
        _Block(
            line,
            BAD if index in menus else context_free_class(line, furniture),
            heading=_is_heading(line),
        )
        for index, line in enumerate(lines)
    ]
    revise_paragraph_classification(blocks, MAX_HEADING_DISTANCE)
    return [block.class_type for block in blocks]


def is_boilerplate(line: str, revised_class: str) -> bool:
    """Whether the body drops a line of this revised class (never a finished sentence)."""
    return revised_class == BAD and not ends_sentence(line)


def is_running_prose(line: str, furniture: Furniture) -> bool:
    """Prose of the kind articles are written in: sentences with their share of stop words,
    not addressing the reader the way a site's own boxes do ("Do you want to ...")."""
    words = line.split()
    return (
        is_prose(line)
        and not furniture.is_furniture(line)
        and stopword_density(words) >= STOPWORDS_LOW
        and reader_address_share(words) < MAX_READER_ADDRESS
    )


def context_free_class(line: str, furniture: Furniture) -> str:
    """The line's class on its own features: good, neargood, short or bad."""
    if furniture.is_furniture(line):
        return BAD
    words = line.split()
    stop_share = stopword_density(words)
    if is_prose(line):
        return GOOD if len(line) >= LENGTH_LOW and stop_share >= STOPWORDS_HIGH else NEARGOOD
    if link_density(line) > MAX_LINK_DENSITY:
        return BAD
    if len(line) < LENGTH_LOW:
        return SHORT
    if number_share(words) > MAX_NUMBER_SHARE or capitalised_share(words) > MAX_CAPITALISED_SHARE:
        return BAD
    if stop_share >= STOPWORDS_HIGH:
        return GOOD if len(line) > LENGTH_HIGH else NEARGOOD
    return NEARGOOD if stop_share >= STOPWORDS_LOW else BAD


def stopword_density(words: Sequence[str]) -> float:
    stops = stop_words()
    return sum(word.strip(_WORD_EDGES).lower() in stops for word in words) / max(len(words), 1)


def link_density(line: str) -> float:
    return sum(len(link) for link in _LINK.findall(line)) / max(len(line), 1)


def number_share(words: Sequence[str]) -> float:
    return sum(bool(_NUMBER.fullmatch(word.strip(_WORD_EDGES))) for word in words) / max(
        len(words), 1
    )


def reader_address_share(words: Sequence[str]) -> float:
    address = lowered("furniture.reader_address")
    return sum(word.strip(_WORD_EDGES).lower() in address for word in words) / max(len(words), 1)


def capitalised_share(words: Sequence[str]) -> float:
    """The share of capitalised words, in a line long enough for it to mean anything."""
    if len(words) < CAPITALISED_MIN_WORDS:
        return 0.0
    return sum(word.strip(_WORD_EDGES)[:1].isupper() for word in words) / len(words)


def _is_heading(line: str) -> bool:
    """A heading may introduce the good text below it (jusText's "good headings")."""
    return len(line) < LENGTH_LOW and not is_prose(line) and line[:1].isupper()

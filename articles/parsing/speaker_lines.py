"""The shapes of speaker headings, for the body and for the speeches under them.

A debate's record heads each speech with a line of its own: the speaker with a
constituency and party ("Helen Hayes (Dulwich and West Norwood) (Lab)"), a peer with
a party ("Baroness Barran (Con)"), or an office with its holder in brackets ("The
Parliamentary Under-Secretary of State for Education (Will Quince)"); later speeches,
and the question a session opens with, may be headed by the name alone. Such a line is
short, capitalised and no sentence, which is what page furniture looks like too; the
body keeps it where the page reads as a debate (``speech_headings``), and
articles/parsing/speakers.py reads who it names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lines import is_prose
from .vocabulary import alternation

# A page is a dialogue when at least this many speeches are headed.
MIN_TURNS = 2
WORD = r"[A-ZÀ-Þ][\w’'.-]*"
CONNECTOR = alternation("quotes.name_connectors")
SPEAKER = rf"{WORD}(?:\s+(?:{WORD}|(?:{CONNECTOR})(?=\s)))" + "{0,7}"
# A heading line may name an office in parts ("The Parliamentary Under-Secretary of State,
# Department for Education (Baroness Barran) (Con)").
_OFFICE = rf"{WORD}(?:,?\s+(?:{WORD}|(?:{CONNECTOR})(?=\s)))" + "{0,11}"
NOTES = r"(?:\s*\([^()]{1,80}\))"
QUESTION_NUMBER = r"(?:Q\d+\s+)?"
HEADING_LINE = re.compile(rf"{QUESTION_NUMBER}(?P<speaker>{_OFFICE})(?P<notes>{NOTES}+)\s*$")
# Once a debate has headed a speech so, a name alone heads one too ("Marcus Fenwick").
NAME_LINE = re.compile(rf"(?P<speaker>{SPEAKER})(?P<notes>)\s*$")


def speech_headings(lines: Sequence[str]) -> frozenset[int]:
    """The indexes of the lines that head a speech (running prose follows them): on a page
    with at least ``MIN_TURNS`` heading lines, those and the names alone; else none."""

    def heads(index: int, shape: re.Pattern) -> bool:
        return bool(shape.match(lines[index])) and is_prose(lines[index + 1])

    # A heading line ends on its notes' bracket: most lines are never matched.
    headings = [
        index
        for index in range(len(lines) - 1)
        if lines[index].rstrip().endswith(")") and heads(index, HEADING_LINE)
    ]
    if len(headings) < MIN_TURNS:
        return frozenset()
    return frozenset(headings).union(
        index for index in range(len(lines) - 1) if heads(index, NAME_LINE)
    )

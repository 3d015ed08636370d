"""What a milestone is about, in words an article reporting it would use.

A milestone's title is the event's name and the verb the loader put after it ("Final
report published", "Call for Evidence closes"); its topic is the name's own words,
without the verb and the little words (fixtures/lexicon.toml ``milestones``).
"""

from __future__ import annotations

import re
from functools import cache

from .vocabulary import lexicon, lowered

_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_MIN_LENGTH = 3


@cache
def _event_verbs() -> frozenset[str]:
    tables = lexicon()["milestones"]["verbs"].values()
    return frozenset(
        form.lower() for table in tables for form in (table["singular"], table["plural"])
    )


@cache
def _little_words() -> frozenset[str]:
    keys = ("determiners", "name_connectors", "head_prepositions", "auxiliaries")
    return frozenset().union(*(lowered(f"milestones.{key}") for key in keys))


def milestone_topic(title: str) -> tuple[str, ...]:
    """The lower-case words naming what ``title`` is about, in order, each once."""
    words = _WORD.findall(title.lower())
    if words and words[-1] in _event_verbs():
        words.pop()
    little = _little_words()
    return tuple(dict.fromkeys(w for w in words if w not in little and len(w) >= _MIN_LENGTH))

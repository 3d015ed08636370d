"""The press named as if it were an organisation of the coverage ("told the Standard").

An article names newspapers and broadcasters as the ones it or others spoke to; the
outlet mentions (outlet_mentions.py) count them as outlets. An organisation found by
its context is the press when it is a press outlet the profiles know (fixtures/outlets.toml,
kinds "trade" and "national"), or some of the words of the page's own outlet's name when
that name is a press name (the lexicon's ``names.press_words``: "the Standard" on the
Evening Standard's page, "Channel" cut from "Channel 4 News").
"""

from __future__ import annotations

from functools import lru_cache

from .authority import Authority
from .names import normalise_name
from .outlet import PRESS_KINDS
from .vocabulary import words

PRESS_WORDS = words("names.press_words")


@lru_cache(maxsize=8)
def _press_forms(authority: Authority) -> frozenset[str]:
    return frozenset(
        normalise_name(form)
        for profile in authority.outlets
        if profile.kind in PRESS_KINDS
        for form in (profile.name, *profile.aliases)
    )


def is_press(name: str, authority: Authority, outlet: str) -> bool:
    """Whether an organisation's ``name`` is the press rather than an organisation."""
    if normalise_name(name) in _press_forms(authority):
        return True
    if not PRESS_WORDS.intersection(outlet.split()):
        return False
    name_words = normalise_name(name).split()
    outlet_words = normalise_name(outlet).split()
    width = len(name_words)
    return any(
        outlet_words[start : start + width] == name_words
        for start in range(len(outlet_words) - width + 1)
    )

"""The people a byline names, so that the article's own authors are not counted among its people."""

from __future__ import annotations

import re

from .mentions import Mention
from .names import normalise_name
from .vocabulary import alternation

# "Amira Patel and Liam Coyle", "Amira Patel, Liam Coyle", "Helen Marlowe MP", "Dr Jo Bloggs".
_SEPARATOR = re.compile(rf"\s*(?:[,;&]|\b(?:{alternation('names.conjunctions')})\b)\s*")
_TITLES = re.compile(
    rf"^(?:(?:{alternation('names.honorifics')})\.?\s+)*|"
    rf"(?:\s+(?:{alternation('names.post_nominals')}))+$"
)


def byline_names(author: str) -> set[str]:
    """The normalised names of the people a byline credits, without titles or letters."""
    names = (_TITLES.sub("", part.strip()) for part in _SEPARATOR.split(author or ""))
    return {normalise_name(name) for name in names if " " in name.strip()}


def without_authors(people: list[Mention], author: str) -> list[Mention]:
    authors = byline_names(author)
    return [m for m in people if normalise_name(m.name) not in authors] if authors else people

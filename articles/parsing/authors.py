"""The article's own authors, who are not counted among the people it names.

They are the byline's people, and anyone named only in credit lines: a paragraph that is
nothing but a name, or "Written by" and a name (a sign-off the page kept in the body), and
the photographer a picture's credit names ("Credit: Jeff Gilbert for The Telegraph",
"© Jeff Gilbert/Bloomberg").
"""

from __future__ import annotations

import re

from .mentions import Mention
from .names import normalise_name
from .vocabulary import alternation

# "Amira Patel and Liam Coyle", "Amira Patel, Liam Coyle", "Helen Marlowe MP", "Dr Jo Bloggs".
_SEPARATOR = re.compile(rf"\s*(?:[,;&]|\b(?:{alternation('names.conjunctions')})\b)\s*")
_CREDIT_PREFIX = re.compile(
    rf"^\s*(?:(?:{alternation('names.credit_prefixes')})\s+)?$", re.IGNORECASE
)
_PICTURE_CREDIT = re.compile(
    rf"\b(?:{alternation('names.picture_credit_labels')}|{alternation('furniture.picture_words')})"
    rf"\s*:\s*$|(?:{alternation('names.picture_credit_marks')})\s*$",
    re.IGNORECASE,
)
_TITLES = re.compile(
    rf"^(?:(?:{alternation('names.honorifics')})\.?\s+)*|"
    rf"(?:\s+(?:{alternation('names.post_nominals')}))+$"
)


def byline_names(author: str) -> set[str]:
    """The normalised names of the people a byline credits, without titles or letters."""
    names = (_TITLES.sub("", part.strip()) for part in _SEPARATOR.split(author or ""))
    return {normalise_name(name) for name in names if " " in name.strip()}


def without_authors(people: list[Mention], author: str, paragraphs: list[str]) -> list[Mention]:
    """``people`` less the byline's authors and those named only in credit lines."""
    on_credit_line = [(m.name, _is_credit_line(paragraphs[m.paragraph], m)) for m in people]
    credited = {name for name, credit in on_credit_line if credit}
    credited -= {name for name, credit in on_credit_line if not credit}
    authors = byline_names(author) | {normalise_name(name) for name in credited}
    return [m for m in people if normalise_name(m.name) not in authors]


def _is_credit_line(text: str, mention: Mention) -> bool:
    """ "Tom Reyes" or "Written by Tom Reyes" alone in its paragraph, or a name right after a
    picture's credit label or mark ("… Credit: Jeff Gilbert for The Telegraph", "… © Jeff
    Gilbert/Bloomberg")."""
    before = text[: mention.start]
    if _PICTURE_CREDIT.search(before):
        return True
    return not text[mention.end :].strip(" .") and bool(_CREDIT_PREFIX.match(before))

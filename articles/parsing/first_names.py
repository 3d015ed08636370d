"""People an article knows by a first name alone: a caller, a child, a pseudonym.

Care-experienced contributors are often named by a first name only, or by a name that is
not theirs, and the article says so: "The caller, who gave her name as Danielle", "a
mother known only as Sarah", "‘Jade’ (not her real name)". Only a word that is a first
name counts, and only where the article introduces it that way (the lexicon's
``names.first_name_introductions`` and ``names.pseudonym_notes``); every other place it
stands alone then names the same person. Such a person is the article's own: another
article's Danielle is someone else (the loader keeps them apart).
"""

from __future__ import annotations

import re

from .mentions import PERSON, Mention
from .names import normalise_name
from .person_names import UPPER, is_first_name
from .vocabulary import alternation

_QUOTE_OPEN = "['‘“\"]"
_QUOTE_CLOSE = "['’”\"]"
_NAME = rf"(?P<name>[{UPPER}][a-zà-ÿ’'-]+)"
# The name must stand alone: not the first word of a full name ("Danielle Crewe").
_ALONE = rf"(?![\w-]|[’'][^\Ws]|\s+[{UPPER}])"
_INTRODUCED = re.compile(
    rf"\b(?i:{alternation('names.first_name_introductions')})\s+{_QUOTE_OPEN}?{_NAME}"
    rf"{_QUOTE_CLOSE}?{_ALONE}"
)
_PSEUDONYM = re.compile(
    rf"{_QUOTE_OPEN}{_NAME}{_QUOTE_CLOSE}\s*[,(]\s*(?i:{alternation('names.pseudonym_notes')})"
)


def first_name_people(paragraphs: list[str], people: list[Mention]) -> list[Mention]:
    """The mentions of the people ``paragraphs`` introduce by a first name only, except a
    first name of someone ``people`` names in full (that is their short form)."""
    taken = {normalise_name(m.name.split()[0]) for m in people}
    article = "\n\n".join(paragraphs)  # one search of the article, not one a paragraph
    names = {
        match["name"]
        for pattern in (_INTRODUCED, _PSEUDONYM)
        for match in pattern.finditer(article)
        if is_first_name(match["name"]) and normalise_name(match["name"]) not in taken
    }
    if not names:
        return []
    alone = re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, sorted(names)))}){_ALONE}")
    return [
        Mention(PERSON, match.group(), index, *match.span(), match.group())
        for index, text in enumerate(paragraphs)
        for match in alone.finditer(text)
    ]

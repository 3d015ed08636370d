"""Where an article names an outlet of the archive: "… told Community Care", "the
Guardian reported", "writing in Children & Young People Now".

The names are those the outlet profiles know (fixtures/outlets.toml: the name and its
aliases, as outlet.py reads them), matched as the organisation names are: whole words,
case as written, typography and spacing tolerated, the longest name first. The
paragraphs read are those the entity finder reads (the title, the standfirst, the
body), so the masthead, byline and furniture the page splitter stripped never count.
An article's naming of its own outlet counts as much as its naming of another.

Two kinds of names are left out: a one-character name ("i", "X") is a letter far more
often than an outlet; and words that name a person or a review body are theirs ("the
Independent Review …" names the review, not The Independent).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .authority import Authority
from .known_names import alternation
from .mentions import OUTLET, PERSON, REVIEW_BODY, Mention, add_spelling
from .names import normalise_name
from .spans import stored_spans
from .types import OutletRef

MIN_NAME_LENGTH = 2
_OTHER_ENTITIES = (PERSON, REVIEW_BODY)


@lru_cache(maxsize=8)
def _outlet_names(authority: Authority) -> tuple[re.Pattern | None, dict[str, str]]:
    """The pattern matching every outlet name and alias, and the outlet each names
    (by normalised form)."""
    by_form = {}
    for profile in authority.outlets:
        for form in (profile.name, *profile.aliases):
            if len(form.strip()) >= MIN_NAME_LENGTH:
                by_form.setdefault(form, profile.name)
    return alternation(by_form), {normalise_name(f): name for f, name in by_form.items()}


def find_outlet_mentions(
    paragraphs: list[str], authority: Authority, taken: list[Mention] = ()
) -> list[Mention]:
    """Every place ``paragraphs`` name an outlet, outside the words of ``taken`` (the
    entity finder's mentions) that name a person or a review body."""
    pattern, by_form = _outlet_names(authority)
    if pattern is None:
        return []
    others = [m for m in taken if m.kind in _OTHER_ENTITIES]
    found = []
    for index, text in enumerate(paragraphs):
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(m.paragraph == index and m.start < end and start < m.end for m in others):
                continue
            name = by_form[normalise_name(match.group())]
            found.append(Mention(OUTLET, name, index, start, end, match.group()))
    return found


def outlet_refs(mentions: list[Mention], paragraphs, places) -> list[OutletRef]:
    """One OutletRef per outlet named, in order of first mention, with its stored spans."""
    spans = stored_spans(mentions, paragraphs, places)
    refs: dict[str, OutletRef] = {}
    for mention in sorted(mentions, key=lambda m: (m.paragraph, m.start)):
        ref = refs.setdefault(mention.name, OutletRef(mention.name))
        add_spelling(ref.spellings, mention)
        ref.count += 1
    for ref in refs.values():
        ref.spans = spans[OUTLET, ref.name]
    return list(refs.values())

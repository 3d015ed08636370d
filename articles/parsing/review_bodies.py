"""Mentions of the review's own bodies, in all the wordings the coverage uses."""

from __future__ import annotations

from .known_names import KnownNames
from .mentions import REVIEW_BODY, Mention
from .names import normalise_name
from .textmask import overlaps


def find_body_mentions(paragraphs: list[str], names: KnownNames) -> list[Mention]:
    """Full names and aliases, paired forms ("the Evidence and Design Groups") and,
    once a body has been named in full, its short forms ("the Board")."""
    found: list[Mention] = []
    for index, text in enumerate(paragraphs):
        lowered = text.lower()
        if not any(word in lowered for word in names.body_head_words):
            continue
        paired = []
        for pair in names.body_pairs:
            for match in pair.pattern.finditer(text):
                paired.append(match.span())
                for group in ("first", "second"):
                    name = pair.body_by_modifier[normalise_name(match.group(group))]
                    found.append(_mention(name, index, match))
        for match in names.body_pattern.finditer(text) if names.body_pattern else ():
            if not overlaps(match.span(), paired):  # "design group" in "evidence and design group"
                name = names.body_by_form[normalise_name(match.group())]
                found.append(_mention(name, index, match))
    return sorted(found + _short_form_mentions(paragraphs, names, found), key=_position)


def _short_form_mentions(
    paragraphs: list[str], names: KnownNames, full: list[Mention]
) -> list[Mention]:
    if not names.short_form_pattern:
        return []
    full_positions = sorted((_position(m), m.name) for m in full)
    found = []
    for index, text in enumerate(paragraphs):
        if not any(form in text.casefold() for form in names.bodies_by_short_form):
            continue
        spans = [m.span for m in full if m.paragraph == index]
        for match in names.short_form_pattern.finditer(text):
            if overlaps(match.span(), spans):
                continue
            answering = names.bodies_by_short_form.get(normalise_name(match.group()), ())
            # The most recently named body that answers to this short form.
            named_before = [
                (position, body)
                for position, body in full_positions
                if body in answering and position < (index, match.start())
            ]
            if named_before:
                found.append(_mention(max(named_before)[1], index, match))
    return found


def _mention(name: str, paragraph: int, match) -> Mention:
    return Mention(REVIEW_BODY, name, paragraph, match.start(), match.end(), match.group())


def _position(mention: Mention) -> tuple[int, int]:
    return mention.paragraph, mention.start

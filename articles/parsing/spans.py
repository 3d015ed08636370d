"""Where each person, organisation, review body and outlet is named, as the article is stored.

The entity finder reads one list of paragraphs (the title, the standfirst, then the
body's paragraphs, empty ones left out) and reports each mention within its
paragraph. The archive stores the title, the standfirst and the body (its paragraphs
joined by a blank line) as three fields, so each mention is moved into the field it
lies in, together with the sentence around it: the pages that show mentions in
context then slice the stored text and never parse it again.
"""

from __future__ import annotations

from collections import defaultdict

from .mentions import ORGANISATION, PERSON, REVIEW_BODY, Mention
from .sentences import sentence_spans
from .types import PageParts, TextSpan

TITLE, STANDFIRST, BODY = "title", "standfirst", "body"
PARAGRAPH_SEPARATOR = "\n\n"


def readable_paragraphs(page: PageParts) -> tuple[list[str], list[tuple[str, int]]]:
    """The paragraphs the entity finder reads, and where each is stored: its field and
    the offset of its first character in that field."""
    texts, places = [], []
    for part, text in ((TITLE, page.title), (STANDFIRST, page.standfirst)):
        if text:
            texts.append(text)
            places.append((part, 0))
    offset = 0
    for text in page.paragraphs:
        if text:
            texts.append(text)
            places.append((BODY, offset))
        offset += len(text) + len(PARAGRAPH_SEPARATOR)
    return texts, places


def stored_spans(
    mentions: list[Mention], paragraphs: list[str], places: list[tuple[str, int]]
) -> dict[tuple[str, str], list[TextSpan]]:
    """(kind, canonical name) -> the stored spans of its mentions, in article order."""
    sentences = {}
    found = defaultdict(list)
    for mention in sorted(mentions, key=lambda m: (m.paragraph, m.start)):
        index = mention.paragraph
        if index not in sentences:
            sentences[index] = sentence_spans(paragraphs[index])
        start, end = _sentence_around(sentences[index], mention, len(paragraphs[index]))
        part, offset = places[index]
        found[mention.kind, mention.name].append(
            TextSpan(
                part, offset + mention.start, offset + mention.end, offset + start, offset + end
            )
        )
    return found


def attach_spans(entities, paragraphs: list[str], places: list[tuple[str, int]]) -> None:
    """Give every person, organisation and body ref of ``entities`` its stored spans."""
    spans = stored_spans(entities.mentions, paragraphs, places)
    for kind, refs in (
        (PERSON, entities.people),
        (ORGANISATION, entities.organisations),
        (REVIEW_BODY, entities.review_bodies),
    ):
        for ref in refs:
            ref.spans = spans.get((kind, ref.name), [])


def _sentence_around(sentences, mention: Mention, length: int) -> tuple[int, int]:
    """The sentence(s) holding the mention: from the one it starts in to the one it ends in
    (a name across a false boundary, "Dr. Jane Doe", takes in both)."""
    starts = [s for s, e in sentences if s <= mention.start < e]
    ends = [e for s, e in sentences if s < mention.end <= e]
    return (starts[0] if starts else 0), (ends[-1] if ends else length)

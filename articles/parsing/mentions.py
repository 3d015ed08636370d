"""Where an article names someone or something: the spans every later step reads."""

from __future__ import annotations

from dataclasses import dataclass

PERSON, ORGANISATION, REVIEW_BODY, OUTLET = "person", "organisation", "review_body", "outlet"


@dataclass(frozen=True)
class Mention:
    kind: str  # PERSON, ORGANISATION, REVIEW_BODY or OUTLET
    name: str  # canonical name
    paragraph: int  # index in the list of paragraphs the parser was given
    start: int  # character offsets within that paragraph
    end: int
    text: str  # the words as written

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


def in_span(mentions: list[Mention], paragraph: int, start: int, end: int) -> list[Mention]:
    """The mentions lying inside one stretch of one paragraph, in order."""
    return sorted(
        (m for m in mentions if m.paragraph == paragraph and start <= m.start and m.end <= end),
        key=lambda m: m.start,
    )


def add_spelling(spellings: list[str], mention: Mention) -> None:
    """The words as written, on one line however the page wrapped them ("Josh\nMacAlister")."""
    spelling = " ".join(mention.text.split())
    if spelling not in spellings:
        spellings.append(spelling)

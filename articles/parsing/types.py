"""The dataclasses the parser produces: what one page of text says, before storage."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from .fuzzydate import FuzzyDate


class SourceError(Exception):
    """A source file that cannot become an article; the message says why."""


class TextSpan(NamedTuple):
    """Where an article names someone or something, in the stored article's coordinates:
    the field (``title``, ``standfirst`` or ``body``, the paragraphs joined by a blank
    line), the characters of the words as written, and those of the sentence around them.
    Stored as a JSON list in that order (articles.models.Mention.spans)."""

    part: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int


@dataclass
class PersonRef:
    """A person the article mentions, resolved to one canonical name."""

    name: str
    spellings: list[str] = field(default_factory=list)  # every form used in the text
    count: int = 0
    role: str = ""  # what the text says they are ("emeritus professor of social work")
    known: bool = False  # found in the authority file
    needs_review: bool = False
    review_reason: str = ""
    new_aliases: list[str] = field(default_factory=list)  # near-miss spellings to link
    spans: list[TextSpan] = field(default_factory=list)  # where the text names them
    # Known by a first name alone ("Danielle"): this article's own person, never another's.
    first_name_only: bool = False


@dataclass
class OrganisationRef:
    name: str
    spellings: list[str] = field(default_factory=list)
    count: int = 0
    known: bool = False
    needs_review: bool = False
    review_reason: str = ""
    spans: list[TextSpan] = field(default_factory=list)


@dataclass
class ReviewBodyRef:
    name: str
    spellings: list[str] = field(default_factory=list)
    count: int = 0
    spans: list[TextSpan] = field(default_factory=list)


@dataclass
class OutletRef:
    """An outlet of the archive that the article names (articles/parsing/outlet_mentions.py)."""

    name: str  # the profile's name (fixtures/outlets.toml)
    spellings: list[str] = field(default_factory=list)
    count: int = 0
    spans: list[TextSpan] = field(default_factory=list)


@dataclass
class MembershipRef:
    person: str  # canonical person name
    body: str  # canonical review body name
    role: str  # "chair" or "member"
    sentence: str = ""


@dataclass
class BodyFact:
    body: str
    text: str  # the sentence that states it


@dataclass
class QuoteRef:
    text: str
    speaker: str | None = None  # canonical person name
    speaker_label: str = ""  # e.g. "A spokesperson for the review" when no person
    position: int = 0  # order within the article, from 0
    needs_review: bool = False
    review_reason: str = ""


@dataclass
class MilestoneRef:
    title: str
    date: FuzzyDate
    kind: str  # see MILESTONE_KINDS
    sentence: str  # the sentence that states it
    key: str  # identifies the event across articles
    expected: bool = False  # still to come when the article was written


MILESTONE_KINDS = ("launch", "consultation", "deadline", "publication", "phase", "event", "other")


@dataclass
class PageParts:
    """The structure of a page once the furniture is gone."""

    outlet: str
    outlet_known: bool
    title: str
    standfirst: str
    published: FuzzyDate | None
    author: str
    paragraphs: list[str]
    captions: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    kind: str = "news"  # news, opinion, official
    warnings: list[str] = field(default_factory=list)  # reasons for staff review


@dataclass
class ParsedArticle:
    page: PageParts
    people: list[PersonRef] = field(default_factory=list)
    organisations: list[OrganisationRef] = field(default_factory=list)
    review_bodies: list[ReviewBodyRef] = field(default_factory=list)
    memberships: list[MembershipRef] = field(default_factory=list)
    facts: list[BodyFact] = field(default_factory=list)
    quotes: list[QuoteRef] = field(default_factory=list)
    milestones: list[MilestoneRef] = field(default_factory=list)
    outlets: list[OutletRef] = field(default_factory=list)

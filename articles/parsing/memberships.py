"""Who sits on or chairs a review body, and what the coverage states about each body."""

from __future__ import annotations

import re

from .mentions import PERSON, REVIEW_BODY, Mention, in_span
from .sentences import sentence_spans
from .types import BodyFact, MembershipRef

CHAIR, MEMBER = "chair", "member"

_CHAIRED_BY = re.compile(r"\bchaired\s+by\b", re.IGNORECASE)
# Nothing but a verb between the body and "chaired by": "The Evidence Group will be chaired by".
_BODY_THEN_CHAIRED = re.compile(
    r"[’'‘]?\s*,?\s*(?:(?:is|was|will\s+be|has\s+been|had\s+been|would\s+be|to\s+be|being)\s*)?$",
    re.IGNORECASE,
)
_CHAIRS_BEFORE_BODY = re.compile(
    r"\b(?:chairs|chairing|will\s+chair|to\s+chair|chair(?:man|woman|person)?\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_MEMBER_OF_BEFORE_BODY = re.compile(r"\bmembers?\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_MEMBER_LIST = re.compile(
    r"\b(?:features|featuring|includes|including|such\s+as|members\s+(?:are|include))\b",
    re.IGNORECASE,
)
_PERSON_BEFORE_MEMBER_OF = re.compile(
    r"^\s*,\s*(?:who\s+(?:is|was)\s+)?(?:a|an|the)?\s*(?:\w+\s+)?members?\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# How a body was recruited, what it is made of, and what it is for.
_FACT_CUES = re.compile(
    r"\b(?:applications?|applied|recruit\w*|appointed|selected|chosen|invited|"
    r"expression\s+of\s+interest|established|made\s+up\s+of|lived\s+experience|"
    r"role\s+(?:is|will\s+be)|purpose|aims?\s+to|"
    r"will\s+(?:also\s+)?(?:help|guide|tell|advise|support|sit|shape|provide|meet|bring|ensure))\b",
    re.IGNORECASE,
)


def find_memberships_and_facts(
    paragraphs: list[str], mentions: list[Mention]
) -> tuple[list[MembershipRef], list[BodyFact]]:
    memberships: list[MembershipRef] = []
    facts: list[BodyFact] = []
    with_bodies = {m.paragraph for m in mentions if m.kind == REVIEW_BODY}
    for index in sorted(with_bodies):
        text = paragraphs[index]
        for start, end in sentence_spans(text):
            sentence = text[start:end]
            inside = in_span(mentions, index, start, end)
            bodies = [m for m in inside if m.kind == REVIEW_BODY]
            if not bodies:
                continue
            people = [m for m in inside if m.kind == PERSON]
            stated = _memberships(text, start, sentence, bodies, people) if people else []
            if stated:
                memberships += stated
            elif not sentence.rstrip().endswith("?"):
                facts += _facts(sentence, start, bodies)
    return _unique_memberships(memberships), _unique_facts(facts)


def _memberships(
    text: str, offset: int, sentence: str, bodies: list[Mention], people: list[Mention]
) -> list[MembershipRef]:
    found: list[tuple[str, str, str]] = []
    for cue in _CHAIRED_BY.finditer(sentence):
        body = _last_before(bodies, offset + cue.start())
        chair = _first_after(people, offset + cue.end(), within=40)
        if body and chair and _BODY_THEN_CHAIRED.match(text, body.end, offset + cue.start()):
            found.append((chair.name, body.name, CHAIR))
    for body in bodies:
        before = text[offset : body.start]
        if _CHAIRS_BEFORE_BODY.search(before):
            chair = _last_before(people, body.start)
            if chair:
                found.append((chair.name, body.name, CHAIR))
        if _MEMBER_OF_BEFORE_BODY.search(before):
            member = _first_after(people, body.end, within=3) or _person_before_member_of(
                text, people, before, offset
            )
            if member:
                found.append((member.name, body.name, MEMBER))
    for cue in _MEMBER_LIST.finditer(sentence):
        body = _last_before(bodies, offset + cue.start())
        if body:
            chairs = {person for person, name, role in found if name == body.name and role == CHAIR}
            found += [
                (person.name, body.name, MEMBER)
                for person in people
                if person.start >= offset + cue.end() and person.name not in chairs
            ]
    return [MembershipRef(person, body, role, sentence) for person, body, role in found]


def _person_before_member_of(
    text: str, people: list[Mention], before: str, offset: int
) -> Mention | None:
    """ "Jane Doe, a member of the Board" names the member before the body."""
    for person in reversed(people):
        if person.end <= offset + len(before) and _PERSON_BEFORE_MEMBER_OF.match(
            text[person.end : offset + len(before)]
        ):
            return person
    return None


def _facts(sentence: str, offset: int, bodies: list[Mention]) -> list[BodyFact]:
    cues = list(_FACT_CUES.finditer(sentence))
    if not cues:
        return []
    # A cue speaks of the bodies named before it ("members of the board will sit
    # on both groups" is about the board); a sentence whose cues come first
    # ("We received 1,011 applications to join the Board") is about all it names.
    subjects = {b.name for cue in cues for b in bodies if b.end <= offset + cue.start()}
    subjects = subjects or {b.name for b in bodies}
    ordered = [b.name for b in bodies if b.name in subjects]
    return [BodyFact(body, sentence) for body in dict.fromkeys(ordered)]


def _last_before(mentions: list[Mention], position: int) -> Mention | None:
    before = [m for m in mentions if m.end <= position]
    return before[-1] if before else None


def _first_after(mentions: list[Mention], position: int, within: int) -> Mention | None:
    after = [m for m in mentions if position <= m.start <= position + within]
    return after[0] if after else None


def _unique_memberships(memberships: list[MembershipRef]) -> list[MembershipRef]:
    """One membership per person and body; a chair outranks a plain member."""
    chosen: dict[tuple[str, str], MembershipRef] = {}
    for membership in memberships:
        key = (membership.person, membership.body)
        if key not in chosen or (membership.role == CHAIR and chosen[key].role != CHAIR):
            chosen[key] = membership
    return list(chosen.values())


def _unique_facts(facts: list[BodyFact]) -> list[BodyFact]:
    return list({(fact.body, fact.text): fact for fact in facts}.values())

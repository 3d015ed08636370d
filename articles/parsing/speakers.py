"""Speaker headings: the turns of a transcript, a committee record or a debate.

A turn opens a paragraph with its speaker and a colon ("Josh MacAlister: …",
"JOSH MACALISTER: …", "Q3 Rachel Okonjo: …", "Chair: …", "The Minister for
Children (Will Quince): …"), or is a line of its own naming the speaker with a
constituency and party ("Tim Loughton (East Worthing and Shoreham) (Con)", a peer's
"Baroness Barran (Con)") whose speech is the paragraphs after it; once a page has
such a line, a name alone on a line ("Marcus Fenwick") heads a speech too, as
debates print later turns. A page
has speaker headings only when it reads as a dialogue: at least two, and someone
heading two speeches unless it is a debate, so that one "Name: words" line or a
list of names and roles is no transcript.

The speaker is one of the article's people (matched by name or surname, in any
case), a person named only in the heading (a new person), or a role ("Chair",
"PRESENTER") read as the person the page names with it ("Robert Halfon (Chair)").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, cached_property

from .authority import Authority
from .entities import NEW_PERSON_REASON, Entities
from .known_names import known_names
from .mentions import PERSON
from .names import normalise_name
from .person_names import HONORIFICS, is_first_name, peer_name
from .speaker_lines import HEADING_LINE, MIN_TURNS, NAME_LINE, NOTES, QUESTION_NUMBER, SPEAKER
from .types import PersonRef
from .vocabulary import lowered

_MAX_NAME_WORDS = 4
_INLINE_TURN = re.compile(
    rf"{QUESTION_NUMBER}(?P<speaker>{SPEAKER})(?P<notes>{NOTES}*)\s*:\s+(?=\S)"
)
_NOTE = re.compile(r"\(([^()]+)\)")
# An interview's answers under the interviewee's initials ("JK:", "TOR:").
_INITIALS = re.compile(r"[A-Z]{2,4}")


@dataclass(frozen=True)
class SpeakerTurn:
    """One speech: from ``start`` in paragraph ``first`` to the end of paragraph ``last``."""

    first: int
    start: int
    last: int
    heading: str  # the speaker's name or role as the heading writes it
    person: str | None  # canonical name
    label: str = ""  # a role nobody on the page is named with ("Presenter")


def find_speaker_turns(
    paragraphs: list[str], entities: Entities, authority: Authority | None = None
) -> list[SpeakerTurn]:
    """The page's speeches under speaker headings, in order; none on a page that is no
    dialogue (fewer than two headings, or nobody heading two speeches outside a debate).
    ``authority`` names the known people a heading in capitals may spell."""
    resolver = _SpeakerNames(paragraphs, entities, authority)
    headed = [
        heading
        for index, text in enumerate(paragraphs)
        if (
            heading := resolver.heading(index, _INLINE_TURN.match(text) or HEADING_LINE.match(text))
        )
    ]
    # A debate heads a speech with a name alone ("Marcus Fenwick") too, once it has headed
    # one with a constituency, party or office; a transcript repeats its speakers' names.
    speakers = {heading.person for heading in headed if heading.person}
    debate = any(heading.match.re is HEADING_LINE for heading in headed)
    headed += [
        heading
        for index, text in enumerate(paragraphs)
        if (heading := resolver.heading(index, NAME_LINE.match(text), new=debate))
        and heading.person
        and (debate or heading.person in speakers)
    ]
    headed.sort(key=lambda heading: heading.index)
    voices = Counter(heading.person or heading.label for heading in headed)
    if len(headed) < MIN_TURNS or not (debate or max(voices.values()) > 1):
        return []
    turns = []
    for number, heading in enumerate(headed):
        next_index = headed[number + 1].index if number + 1 < len(headed) else len(paragraphs)
        if heading.match.re is _INLINE_TURN:
            first, start = heading.index, heading.match.end()
            last = _speech_end(paragraphs, heading.index, next_index, number + 1 == len(headed))
        else:  # the speech is the paragraphs after the heading line
            first, start, last = heading.index + 1, 0, next_index - 1
        if first <= last:
            turns.append(
                SpeakerTurn(first, start, last, heading.written, heading.person, heading.label)
            )
    return turns


def _speech_end(paragraphs: list[str], at: int, next_turn: int, is_last: bool) -> int:
    """The last paragraph of the speech whose turn opens paragraph ``at``: it goes on over
    the paragraphs before the next turn, but not past a line opened by any label (an
    interviewer's "Q:", which names nobody); the last turn is its own paragraph, as what
    follows a transcript may be the article's own text."""
    if is_last:
        return at
    last = at
    while last + 1 < next_turn and not _INLINE_TURN.match(paragraphs[last + 1]):
        last += 1
    return last


def speaker_people(
    turns: list[SpeakerTurn], people: list[PersonRef], authority: Authority | None = None
) -> list[PersonRef]:
    """People the article names only in speaker headings, to add to its ``people``; those
    the authority file does not know are new."""
    already = {person.name for person in people}
    known = known_names(authority).people if authority else {}
    found: dict[str, PersonRef] = {}
    for turn in turns:
        if turn.person is None or turn.person in already:
            continue
        is_known = turn.person in known
        ref = found.setdefault(
            turn.person,
            PersonRef(
                name=turn.person,
                role=known[turn.person].role if is_known else "",
                known=is_known,
                needs_review=not is_known,
                review_reason="" if is_known else NEW_PERSON_REASON,
            ),
        )
        ref.count += 1
        if turn.heading not in ref.spellings:
            ref.spellings.append(turn.heading)
    return list(found.values())


@dataclass(frozen=True)
class _Heading:
    index: int  # the paragraph
    match: re.Match
    person: str | None
    label: str = ""
    written: str = ""  # the name (or role) as the heading writes it


class _SpeakerNames:
    """Who a heading names: a person of the article, a new person or a role."""

    def __init__(self, paragraphs: list[str], entities: Entities, authority: Authority | None):
        self.paragraphs = paragraphs
        self.people = entities.people
        self.known = known_names(authority).person_by_form if authority else {}
        self.mentions = [m for m in entities.mentions if m.kind == PERSON]
        self.roles = lowered("quotes.speaker_roles")
        self.answer_labels = lowered("quotes.answer_labels")

    @cached_property
    def by_form(self) -> dict[str, str]:
        return {
            normalise_name(form): person.name
            for person in self.people
            for form in (person.name, *person.spellings)
        }

    @cached_property
    def by_surname(self) -> dict[str, str]:
        """Canonical names by surname, for surnames only one person of the article has."""
        surnames: dict[str, set[str]] = {}
        for person in self.people:
            surnames.setdefault(normalise_name(person.name.split()[-1]), set()).add(person.name)
        return {key: names.pop() for key, names in surnames.items() if len(names) == 1}

    @cached_property
    def by_initials(self) -> dict[str, str]:
        """Canonical names by their initials ("Jordan Kimani": JK; "Tomas Okonkwo-Reid": TO
        and TOR), for initials only one person of the article has."""
        people: dict[str, set[str]] = {}
        for person in self.people:
            words = person.name.split()
            for parts in (words, [part for word in words for part in word.split("-")]):
                people.setdefault("".join(part[0].upper() for part in parts), set()).add(
                    person.name
                )
        return {key: names.pop() for key, names in people.items() if len(names) == 1}

    def heading(self, index: int, match: re.Match | None, new: bool = False) -> _Heading | None:
        """The speaker a heading names, or None when it names nobody; ``new`` lets a name
        the article has not met be a new person."""
        if match is None:
            return None
        start, end = match.span("speaker")
        speaker = match.group("speaker")
        if speaker.lower() in self.answer_labels:
            return _Heading(index, match, self._interviewee, written=speaker)
        if speaker.lower() in self.roles:
            holder = self._role_holder(speaker)
            return _Heading(index, match, holder, "" if holder else speaker.title(), speaker)
        mentioned = next(
            (m.name for m in self.mentions if m.paragraph == index and start <= m.start < end),
            None,
        )
        # A heading line with constituency or party, or brackets under an office, names an MP
        # whom the entity finder, reading ordinary sentences, may not have met.
        new = new or match.re is HEADING_LINE
        if person := mentioned or self._person(speaker, new=new):
            return _Heading(index, match, person, written=speaker)
        for note in _NOTE.findall(match.group("notes")):
            # "The Minister for Children and Families (Will Quince)"
            if person := self._person(note, new=True):
                return _Heading(index, match, person, written=note)
        return None

    def _person(self, text: str, new: bool = False) -> str | None:
        """The article's person ``text`` names, or a new person when ``new`` allows one or
        the name is in capitals ("JANE DOE", a transcript's convention). A peer ("Baroness
        Barran") is named by title, which stays part of the name."""
        if peer := peer_name(text):
            return self.by_form.get(normalise_name(peer)) or self.known.get(
                normalise_name(peer), peer
            )
        words = [w.strip(".,") for w in text.split()]
        if words and words[0].rstrip(".") in HONORIFICS:
            words = words[1:]
        if not words or len(words) > _MAX_NAME_WORDS:
            return None
        name = normalise_name(" ".join(words))
        if known := self.by_form.get(name) or self.known.get(name):
            return known
        if known := self.by_surname.get(normalise_name(words[-1])):
            return known
        if len(words) == 1 and _INITIALS.fullmatch(words[0]):
            return self.by_initials.get(words[0])
        capitals = all(w.isupper() for w in words)
        if len(words) >= 2 and (new or capitals) and is_first_name(words[0].title()):
            return " ".join(w.title() if capitals else w for w in words)
        return None

    @cached_property
    def _interviewee(self) -> str | None:
        """Who answers an interview's questions: the person named last before the first
        answer."""
        first_answer = min(
            (
                index
                for index, text in enumerate(self.paragraphs)
                if (turn := _INLINE_TURN.match(text))
                and turn.group("speaker").lower() in self.answer_labels
            ),
            default=0,
        )
        earlier = [m for m in self.mentions if m.paragraph < first_answer]
        return max(earlier, key=lambda m: (m.paragraph, m.start)).name if earlier else None

    def _role_holder(self, role: str) -> str | None:
        """The person the page names with this role, in brackets first ("X (Chair)"),
        then in apposition ("X, Chair, …")."""
        for form in _role_forms(role.split()[-1].lower()):
            for mention in self.mentions:
                if form.match(self.paragraphs[mention.paragraph], mention.end):
                    return mention.name
        return None


@cache
def _role_forms(role: str) -> tuple[re.Pattern, ...]:
    """How a page names the holder of a role: "X (Chair)", then "X, Chair" or "X, the chair"."""
    bare = re.escape(role)
    return (
        re.compile(rf"\s*\(\s*{bare}\s*\)", re.IGNORECASE),
        re.compile(rf",\s*(?:the\s+)?{bare}\b", re.IGNORECASE),
    )

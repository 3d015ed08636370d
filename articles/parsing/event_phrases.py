"""The phrase that names an event in a sentence, read around an event verb or a date.

A phrase counts when it is a named thing ("Call for Evidence") or is headed by an
event noun of the lexicon ("the application window", "a plan to engage ...").
Verbs and nouns are data (fixtures/lexicon.toml, ``[milestones]``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .vocabulary import alternation, lexicon, lowered


@dataclass(frozen=True)
class Verb:
    name: str
    pattern: re.Pattern
    singular: str  # the title's verb after a singular subject
    plural: str
    kind: str
    proper_object: bool  # its object may be a single proper name ("founded Frontline")
    offices: bool  # its object is an office ("named him as the chair of the review")
    subject_only: bool  # what it dates is its subject, never its object ("the board meets")


VERBS = tuple(
    Verb(
        name,
        re.compile(rf"\b(?:{alternation(f'milestones.verbs.{name}.forms')})\b", re.IGNORECASE),
        table["singular"],
        table["plural"],
        table["kind"],
        table.get("proper_object", False),
        table.get("offices", False),
        table.get("subject_only", False),
    )
    for name, table in lexicon()["milestones"]["verbs"].items()
)
EVENT_NOUNS = lowered("milestones.event_nouns")
# Who may be the subject of a verb that dates its subject's act ("the government responds").
ACTOR_NOUNS = lowered("milestones.actor_nouns")
CONSULTATION_NOUNS = lowered("milestones.consultation_nouns")
DETERMINERS = lowered("milestones.determiners")
_AUXILIARIES = lowered("milestones.auxiliaries")
_PHRASE_STOPS = lowered("milestones.phrase_stops")
_PRONOUNS = lowered("milestones.pronouns")
_OBJECT_PREPOSITIONS = lowered("milestones.object_prepositions")
_COMMITMENT_WORDS = lowered("milestones.commitment_words")
_HEAD_PREPOSITIONS = lowered("milestones.head_prepositions")
_OFFICES = lowered("milestones.appointments.offices")
_OFFICE_OPENERS = lowered("milestones.appointments.openers")
_RELATIVE_PRONOUNS = lowered("milestones.relative_pronouns")
# ", and" starts another clause; so does "and" between a date and a verb after it ("published
# its case for change in June and launched a call for evidence").
_CLAUSE_BREAK = re.compile(
    rf"\b(?:{alternation('milestones.clause_breaks')})\b|[;()]|,\s+(?:and|but)\b"
)
_AND = re.compile(r"\band\b")
_GAPPED_AND = re.compile(r"\s+and\s+")
_CLAUSE_OR_COMMA = re.compile(rf"{_CLAUSE_BREAK.pattern}|,")
_QUOTE_MARKS = "“”‘’\"'"
_TOKEN = re.compile(r"[^\s,.;:!?()–—]+|[,.;:!?()–—]")
_NAMED = re.compile(
    rf"\b[A-Z][\w’'-]*(?:\s+(?:{alternation('milestones.name_connectors')})\s+[A-Z][\w’'-]*"
    r"|\s+[A-Z][\w’'-]*)+"
)
_MAX_PHRASE_WORDS = 8
# Words that may say which office before it ("the new children's minister").
OFFICE_MODIFIERS = 2
_MAX_COMPLEMENT_WORDS = 4
_POSSESSIVE = re.compile(r"[’']s$")
_SEGMENTS_BACK = 4


def nearest_verb(
    sentence: str, start: int, end: int, other_dates: list[tuple[int, int]] = ()
) -> tuple[re.Match | None, Verb | None]:
    """The event verb closest to the date at ``start:end`` in the same clause: fewest commas
    between them first, then fewest characters. A verb with another date between it and
    this one belongs to that date."""
    best: tuple[tuple[int, int], re.Match | None, Verb | None] = ((len(sentence), 0), None, None)
    for verb in VERBS:
        for match in verb.pattern.finditer(sentence):
            if match.end() <= start:
                left, right = match.end(), start
            elif match.start() >= end:
                left, right = end, match.start()
            else:
                continue
            between = sentence[left:right]
            if _CLAUSE_BREAK.search(between) or (left == end and _AND.search(between)):
                continue
            if any(left <= s and e <= right for s, e in other_dates) and (
                right != start or gapped_object(sentence, left, start, other_dates) is None
            ):
                continue
            distance = (between.count(","), len(between))
            if distance < best[0]:
                best = (distance, match, verb)
    return best[1], best[2]


def gapped_object(
    sentence: str, verb_end: int, start: int, other_dates: list[tuple[int, int]]
) -> int | None:
    """Where the second object of a verb that has an object and a date for each starts
    ("published A on 17 June and B on 23 May": B, for the date at ``start``), or None when
    no other date between the verb and this one is followed by "and"."""
    between = [end for s, end in other_dates if verb_end <= s and end <= start]
    joined = _GAPPED_AND.match(sentence, max(between)) if between else None
    return joined.end() if joined else None


def clause_around(sentence: str, start: int, end: int) -> str:
    """The clause holding ``start:end``: from the comma or clause break before it to the one
    after it."""
    breaks = [(m.start(), m.end()) for m in _CLAUSE_OR_COMMA.finditer(sentence)]
    left = max((e for s, e in breaks if e <= start), default=0)
    right = min((s for s, e in breaks if s >= end), default=len(sentence))
    return sentence[left:right]


def named_before(sentence: str, position: int) -> str | None:
    """The last named thing before ``position``, without a leading article."""
    named = list(_NAMED.finditer(sentence[:position]))
    if not named:
        return None
    words = named[-1].group().split()
    if words[0] in ("The", "A", "An", "Its", "Our", "Their"):
        words = words[1:]
    return " ".join(words) or None


def phrase_after(sentence: str, position: int, proper_object: bool = False) -> str | None:
    """The object of a verb: "published a plan to engage the system’s workforce"; with
    ``proper_object``, a single proper name too ("founded Frontline")."""
    tokens = _TOKEN.findall(sentence[position:])
    first = 0
    while first < len(tokens) and _word(tokens[first]).lower() in DETERMINERS:
        first += 1
    taken = []
    for index, token in enumerate(tokens[first:], first):
        word = _word(token)
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if not word[:1].isalnum() or word.lower() in _PHRASE_STOPS:
            break
        if word.lower() == "for" and following.lower() in DETERMINERS | {""}:
            break
        taken.append(word)
    if proper_object and len(taken) == 1 and taken[0][:1].isupper():
        return taken[0]
    # A title of one word after a capital "The" mid-sentence ("published The Promise").
    if len(taken) == 1 and taken[0][:1].isupper() and first and _word(tokens[first - 1]) == "The":
        return f"The {taken[0]}"
    return valid_phrase(taken)


def office_after(sentence: str, position: int) -> str | None:
    """The office an appointing verb fills: "named him as the chair of the independent
    review" → "chair of the independent review"."""
    tokens = _TOKEN.findall(sentence[position:])
    first = 0
    while first < len(tokens) and _word(tokens[first]).lower() in _OFFICE_OPENERS:
        first += 1
    # The office may follow a word or two that say which ("children's minister").
    for at in range(first, first + OFFICE_MODIFIERS + 1):
        for length in (2, 1):
            office = [_word(token) for token in tokens[at : at + length]]
            if len(office) == length and " ".join(office).lower() in _OFFICES:
                named = [_word(token) for token in tokens[first : at + length]]
                if any(not word[:1].isalnum() for word in named):
                    return None
                return " ".join([*named, *_complement(tokens, at + length)])
    return None


def phrase_before(
    sentence: str, position: int, governed: bool = True, actors: bool = False
) -> str | None:
    """The subject of a verb ("the application window closed", "a consultation on the
    framework will open") or of a date ("final recommendations next spring"). Unless
    ``governed``, not a preposition's object ("on this programme last month"); with
    ``actors``, an actor too ("the government")."""
    tokens = _TOKEN.findall(sentence[:position])
    while tokens and _word(tokens[-1]).lower() in _AUXILIARIES:
        tokens.pop()
    taken = _words_before(tokens)
    start = len(tokens) - len(taken)
    if _governed(tokens, start):
        if not governed:
            return None
        preposition = _preposition_before(tokens, start)
        outer = _words_before(tokens[:preposition])
        if outer and head(outer).lower() in EVENT_NOUNS:
            taken = [*outer, *(_word(t) for t in tokens[preposition:start]), *taken]
    return valid_phrase(taken, actors)


def _words_before(tokens: list[str]) -> list[str]:
    """The words that end ``tokens`` up to a determiner, a stop or punctuation."""
    taken: list[str] = []
    for index in range(len(tokens) - 1, -1, -1):
        word = _word(tokens[index])
        lower = word.lower()
        if lower in DETERMINERS or not word[:1].isalnum():
            break
        if lower == "and" and not (
            taken and taken[0][:1].isupper() and index > 0 and tokens[index - 1][:1].isupper()
        ):
            break
        if lower in _PHRASE_STOPS:
            break
        taken.insert(0, word)
    return taken


def _preposition_before(tokens: list[str], start: int) -> int:
    while start > 0 and tokens[start - 1].lower() in DETERMINERS:
        start -= 1
    return start - 1


def _governed(tokens: list[str], start: int) -> bool:
    """Whether the phrase starting at ``start`` (after its determiners) follows a preposition,
    other than the "to" of an undertaking ("commits to a kinship care strategy"), whose
    object is what is undertaken."""
    preposition = _preposition_before(tokens, start)
    if preposition < 0 or tokens[preposition].lower() not in _OBJECT_PREPOSITIONS:
        return False
    undertaking = preposition > 0 and tokens[preposition - 1].lower() in _COMMITMENT_WORDS
    return not (undertaking and tokens[preposition].lower() == "to")


def antecedent(
    sentence: str, position: int, governed: bool = True, reach: int = _SEGMENTS_BACK
) -> str | None:
    """The event a verb or date at ``position`` is said of when no phrase touches it: the
    subject of an apposition or relative clause ("The review, published yesterday, ...",
    "The full report (published 23/05/2022)", "the Working Group, which reported in March
    2021") or of a second verb ("The review was commissioned by ... and launched in March
    2021"). Reads back over at most a few segments cut at commas and opening brackets
    (``reach``), never out of the clause. Unless ``governed``, not a preposition's object."""
    segments = re.split(r"[,(]", sentence[:position])
    own = _TOKEN.findall(segments[-1])
    if own and own[0].lower() in _RELATIVE_PRONOUNS:
        segments[-1] = segments[-1].split(own[0], 1)[1]
    for segment in reversed(segments[-reach:]):
        if _CLAUSE_BREAK.search(segment):
            return None
        phrase = event_phrase(_TOKEN.findall(segment), governed=governed)
        if phrase:
            return phrase
    return None


def phrase_opening(text: str) -> str | None:
    """The event phrase that opens a clause ("Eileen Munro’s review of child protection
    argued ...")."""
    return event_phrase(_TOKEN.findall(text), rightmost=False)


def event_phrase(tokens: list[str], rightmost: bool = True, governed: bool = True) -> str | None:
    """A noun phrase headed by an event noun, starting after a determiner or at the start,
    with an "of" complement ("independent review of children’s social care")."""
    starts = [0] + [i + 1 for i, token in enumerate(tokens) if token.lower() in DETERMINERS]
    for start in sorted(set(starts), reverse=rightmost):
        if not governed and _governed(tokens, start):
            continue
        words = _phrase_to_head(tokens, start)
        if words and (phrase := valid_phrase(words)):
            return phrase
    return None


def _phrase_to_head(tokens: list[str], start: int) -> list[str]:
    for index in range(start, min(len(tokens), start + _MAX_PHRASE_WORDS)):
        word = _word(tokens[index])
        lower = word.lower()
        if not word[:1].isalnum() or lower in _PHRASE_STOPS | DETERMINERS or lower == "and":
            return []
        if lower in EVENT_NOUNS:
            # A compound's head is its last noun: "its report stage" is a stage.
            while index + 1 < len(tokens) and _word(tokens[index + 1]).lower() in EVENT_NOUNS:
                index += 1
            return [_word(t) for t in tokens[start : index + 1]] + _complement(tokens, index + 1)
    return []


def _complement(tokens: list[str], index: int) -> list[str]:
    """ "of child protection" after a head noun, up to a stop or what looks like a verb."""
    if index >= len(tokens) or tokens[index] != "of":
        return []
    start = index + 1
    article = [tokens[start]] if start < len(tokens) and tokens[start].lower() == "the" else []
    taken = []
    for token in tokens[start + len(article) : start + len(article) + _MAX_COMPLEMENT_WORDS]:
        word = _word(token)
        lower = word.lower()
        if (
            not word[:1].isalpha()
            or lower in _PHRASE_STOPS | DETERMINERS | _HEAD_PREPOSITIONS
            or lower.endswith("ed")
        ):
            break
        taken.append(word)
    return ["of", *article, *taken] if taken else []


def valid_phrase(words: list[str], actors: bool = False) -> str | None:
    """A named thing or a phrase headed by an event noun (or, with ``actors``, by an actor
    noun). A possessor before the head goes, except a person's surname ("Eileen Munro’s
    review" → "Munro review"); a phrase too long is cut before a complement."""
    words = _without_possessor(words)
    if len(words) > _MAX_PHRASE_WORDS:
        words = _cut_at_complement(words)
    while words and words[-1].lower() in _HEAD_PREPOSITIONS:
        words = words[:-1]
    if not words or len(words) > _MAX_PHRASE_WORDS or words[0].lower() in _PRONOUNS:
        return None
    named = (
        sum(word[:1].isupper() for word in words) >= 2
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
    )
    nouns = EVENT_NOUNS | ACTOR_NOUNS if actors else EVENT_NOUNS
    if head(words).lower() not in nouns and not named:
        return None
    return " ".join(words)


def _cut_at_complement(words: list[str]) -> list[str]:
    """A phrase too long for a title, cut before its last complement that leaves it short
    enough ("final report of the Independent Review of Children’s Social Care" → "final
    report of the Independent Review"); unchanged when no cut does."""
    cuts = [
        index
        for index, word in enumerate(words[: _MAX_PHRASE_WORDS + 1])
        if index and word.lower() in _HEAD_PREPOSITIONS
    ]
    return words[: cuts[-1]] if cuts else words


def _without_possessor(words: list[str]) -> list[str]:
    head_index = _head_index(words)
    owners = [i for i, word in enumerate(words[:head_index]) if _POSSESSIVE.search(word)]
    if not owners:
        return words
    owner = owners[-1]
    person = owner > 0 and words[owner][:1].isupper() and words[owner - 1][:1].isupper()
    rest = words[owner + 1 :]
    return [_POSSESSIVE.sub("", words[owner]), *rest] if person else rest


def head(words: list[str]) -> str:
    """The noun a phrase is about: the word before its first "of", "for", "to", "on"..."""
    return words[_head_index(words)] if words else ""


def _head_index(words: list[str]) -> int:
    for index, word in enumerate(words[1:], 1):
        if word.lower() in _HEAD_PREPOSITIONS:
            return index - 1
    return len(words) - 1


def _word(token: str) -> str:
    return token.strip(_QUOTE_MARKS)

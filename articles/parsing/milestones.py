"""Dated events an article states: what happens, when, and a key shared across articles.

Each date in a sentence (relative_dates) is tied to the nearest event verb in
the same clause ("will close on 30th March 2021", "From January next year ...
will begin its delivery phase") and that verb's subject or object, which must
be a named thing ("Call for Evidence") or a phrase headed by an event noun
("the application window", "a plan to engage ..."). A date with no such event
is not a milestone.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from .dates import find_dates
from .fuzzydate import FuzzyDate
from .relative_dates import DateMention, Reference, find_date_mentions, mentions_relative_date
from .sentences import sentence_spans
from .types import MilestoneRef

_EVENT_NOUNS = frozenset(
    {
        "application",
        "applications",
        "board",
        "call",
        "calls",
        "case",
        "commission",
        "conference",
        "consultation",
        "deadline",
        "document",
        "evidence",
        "findings",
        "framework",
        "group",
        "groups",
        "inquiry",
        "meeting",
        "panel",
        "paper",
        "phase",
        "pilot",
        "plan",
        "programme",
        "publication",
        "recommendations",
        "report",
        "response",
        "review",
        "roundtable",
        "scheme",
        "stage",
        "strategy",
        "submissions",
        "summit",
        "survey",
        "window",
    }
)
_CONSULTATION_NOUNS = frozenset({"call", "calls", "consultation", "survey"})


@dataclass(frozen=True)
class _Verb:
    pattern: re.Pattern | None
    singular: str  # the title's verb after a singular subject
    plural: str
    kind: str


def _verb(words: str, singular: str, plural: str, kind: str) -> _Verb:
    return _Verb(re.compile(rf"\b(?:{words})\b", re.IGNORECASE), singular, plural, kind)


_UNTIL = _verb(r"until|till", "closes", "close", "deadline")
_VERBS = (
    _UNTIL,
    _verb(r"deadline\s+for", "closes", "close", "deadline"),
    _verb(r"clos(?:e|es|ed|ing)", "closes", "close", "deadline"),
    _verb(r"open(?:s|ed|ing)?", "opens", "open", "launch"),
    _verb(r"launch(?:es|ed|ing)?", "launches", "launch", "launch"),
    _verb(
        r"publish(?:es|ed|ing)?|set(?:s|ting)?\s+out|release[sd]?",
        "published",
        "published",
        "publication",
    ),
    _verb(r"begin(?:s|ning)?|began|start(?:s|ed|ing)?|commence[sd]?", "begins", "begin", "phase"),
    _verb(r"meet(?:s|ing)?|met", "meets", "meet", "event"),
)
# A phrase right before a date with no verb: "final recommendations next spring".
_EXPECTED = _Verb(None, "expected", "expected", "publication")

# A verb and a date on either side of one of these belong to different clauses.
_CLAUSE_BREAK = re.compile(
    r"\b(?:after|which|who|because|while|whilst|although|but|whereas|when|once)\b|[;()]"
)
_DETERMINERS = frozenset(
    {"a", "an", "the", "its", "their", "our", "his", "her", "this", "these", "both", "new"}
)
_AUXILIARIES = frozenset(
    {
        "will",
        "would",
        "shall",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "be",
        "been",
        "being",
        "due",
        "set",
        "to",
        "expected",
        "also",
        "formally",
        "officially",
        "finally",
        "now",
        "first",
        "then",
        "not",
        "in",
        "by",
        "for",
        "from",
    }
)
_PHRASE_STOPS = frozenset(
    {
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "has",
        "have",
        "had",
        "as",
        "soon",
        "that",
        "when",
        "once",
        "after",
        "before",
        "while",
        "which",
        "who",
        "because",
        "if",
        "on",
        "in",
        "by",
        "from",
        "with",
        "over",
        "until",
        "we",
        "it",
        "they",
        "he",
        "she",
        "i",
        "you",
    }
)
_PRONOUNS = frozenset({"it", "this", "that", "they", "we", "he", "she", "these", "those"})
_QUOTE_MARKS = "“”‘’\"'"
_TOKEN = re.compile(r"[^\s,.;:!?()–—]+|[,.;:!?()–—]")
_NAMED = re.compile(
    r"\b[A-Z][\w’'-]*(?:\s+(?:for|of|and|&|by|on)\s+[A-Z][\w’'-]*|\s+[A-Z][\w’'-]*)+"
)
_CHAIRED_REVIEW = re.compile(
    r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+)\s*[,–—-]?\s*who\s+(?:chaired|led|conducted)\s+"
    r"(?:the\s+|a\s+)?(?P<what>[^,–—;()]+?)\s+in\s+(?P<year>(?:19|20)\d{2})\b"
)
_MAX_PHRASE_WORDS = 8
_DIGIT = re.compile(r"\d")
_APOSTROPHES = re.compile("[’'‘`]")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_POSSESSIVE = re.compile(r"[’']s$")


@dataclass(frozen=True)
class _Event:
    title: str
    kind: str


def extract_milestones(
    paragraphs: list[str], published: FuzzyDate | None, order: str = "dmy"
) -> list[MilestoneRef]:
    """Every dated event in ``paragraphs``, one per key."""
    # Every absolute date needs a digit; most paragraphs have none and skip the search.
    absolute = [
        find_dates(text, order, allow_year=True) if _DIGIT.search(text) else []
        for text in paragraphs
    ]
    reference = Reference(published, _inferred_year(absolute))
    found: dict[str, MilestoneRef] = {}
    for text, dates in zip(paragraphs, absolute, strict=True):
        if not dates and not mentions_relative_date(text):
            continue
        for start, end in sentence_spans(text):
            sentence = text[start:end]
            within = [(s - start, e - start, d) for s, e, d in dates if start <= s and e <= end]
            for mention in find_date_mentions(sentence, reference, order, within):
                event = _event_for(sentence, mention)
                if event:
                    key = f"{slug(event.title)}:{mention.date.edtf()}"
                    found.setdefault(
                        key, MilestoneRef(event.title, mention.date, event.kind, sentence, key)
                    )
    return list(found.values())


def slug(text: str) -> str:
    """ "Plan to engage the system’s workforce" → "plan-to-engage-the-systems-workforce"."""
    text = _APOSTROPHES.sub("", text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")


def _inferred_year(absolute: list[list[tuple[int, int, FuzzyDate]]]) -> int | None:
    """For an undated article: the year its explicit dates mostly fall in."""
    years = Counter(
        date.year for dates in absolute for _, _, date in dates if date.precision != "year"
    )
    return years.most_common(1)[0][0] if years else None


def _event_for(sentence: str, mention: DateMention) -> _Event | None:
    chaired = _CHAIRED_REVIEW.search(sentence)
    if chaired and chaired.start("year") == mention.start:
        return _chaired_review(chaired)
    verb_match, verb = _nearest_verb(sentence, mention)
    phrase = None
    if verb is _UNTIL:
        named = list(_NAMED.finditer(sentence[: verb_match.start()]))
        phrase = _clean(named[-1].group()) if named else None
    elif verb is not None:
        phrase = _phrase_after(sentence, verb_match.end()) or _phrase_before(
            sentence, verb_match.start()
        )
    if phrase:
        return _titled(phrase, verb)
    phrase = _phrase_before(sentence, mention.start)
    return _titled(phrase, _EXPECTED) if phrase else None


def _chaired_review(match: re.Match) -> _Event | None:
    what = match.group("what").split()
    heads = [i for i, word in enumerate(what) if word.lower() in _EVENT_NOUNS]
    if not heads:
        return None
    surname = match.group("name").split()[-1]
    return _Event(f"{surname} {' '.join(what[heads[0] :])}", "event")


def _nearest_verb(sentence: str, mention: DateMention) -> tuple[re.Match | None, _Verb | None]:
    best: tuple[int, re.Match | None, _Verb | None] = (len(sentence) + 1, None, None)
    for verb in _VERBS:
        for match in verb.pattern.finditer(sentence) if verb.pattern else ():
            if match.end() <= mention.start:
                between = sentence[match.end() : mention.start]
            elif match.start() >= mention.end:
                between = sentence[mention.end : match.start()]
            else:
                continue
            if _CLAUSE_BREAK.search(between):
                continue
            if len(between) < best[0]:
                best = (len(between), match, verb)
    return best[1], best[2]


def _phrase_after(sentence: str, position: int) -> str | None:
    """The object of a verb: "published a plan to engage the system’s workforce"."""
    tokens = _TOKEN.findall(sentence[position:])
    first = 0
    while first < len(tokens) and tokens[first].strip(_QUOTE_MARKS).lower() in _DETERMINERS:
        first += 1
    taken = []
    for index, token in enumerate(tokens[first:], first):
        word = token.strip(_QUOTE_MARKS)
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if not word[:1].isalnum() or word.lower() in _PHRASE_STOPS:
            break
        if word.lower() == "for" and following.lower() in _DETERMINERS | {"", "the"}:
            break
        taken.append(word)
    return _valid_phrase(taken)


def _phrase_before(sentence: str, position: int) -> str | None:
    """The subject of a verb ("the application window closed") or of a date ("final
    recommendations next spring")."""
    tokens = _TOKEN.findall(sentence[:position])
    while tokens and tokens[-1].lower() in _AUXILIARIES:
        tokens.pop()
    taken: list[str] = []
    for index in range(len(tokens) - 1, -1, -1):
        word = tokens[index].strip(_QUOTE_MARKS)
        lower = word.lower()
        if lower in _DETERMINERS or not word[:1].isalnum():
            break
        if lower == "and" and not (
            taken and taken[0][:1].isupper() and _capitalised(tokens, index - 1)
        ):
            break
        if lower in _PHRASE_STOPS:
            break
        taken.insert(0, word)
    return _valid_phrase(taken)


def _capitalised(tokens: list[str], index: int) -> bool:
    return index >= 0 and tokens[index][:1].isupper()


def _valid_phrase(words: list[str]) -> str | None:
    """A named thing or a phrase headed by an event noun, without leading possessives."""
    while words and _POSSESSIVE.search(words[0]):
        words = words[1:]
    if not words or len(words) > _MAX_PHRASE_WORDS or words[0].lower() in _PRONOUNS:
        return None
    head = _head(words)
    named = (
        sum(word[:1].isupper() for word in words) >= 2
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
    )
    if head.lower() not in _EVENT_NOUNS and not named:
        return None
    return " ".join(words)


def _head(words: list[str]) -> str:
    """The noun a phrase is about: the word before its first "of", "for" or "to"."""
    for index, word in enumerate(words[1:], 1):
        if word.lower() in ("of", "for", "to"):
            return words[index - 1]
    return words[-1]


def _clean(phrase: str) -> str:
    words = phrase.split()
    if words and words[0] in ("The", "A", "An", "Its", "Our", "Their"):
        words = words[1:]
    return " ".join(words)


def _titled(phrase: str, verb: _Verb) -> _Event:
    words = phrase.split()
    plural = " and " in phrase or (
        _head(words).lower().endswith("s") and not _head(words).endswith("ss")
    )
    kind = verb.kind
    if kind == "launch" and _head(words).lower() in _CONSULTATION_NOUNS:
        kind = "consultation"
    title = f"{phrase[:1].upper()}{phrase[1:]} {verb.plural if plural else verb.singular}"
    return _Event(title, kind)

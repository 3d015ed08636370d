"""Dated events an article states: what happens, when, whether it is still to come, and a
key shared across articles.

Each date in a sentence (relative_dates) is tied to the nearest event verb in
the same clause ("will close on 30th March 2021", "From January next year ...
will begin its delivery phase") and that verb's subject or object, which must
be a named thing or a phrase headed by an event noun (event_phrases). A date
with no such event is not a milestone.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from .dates import find_dates
from .event_phrases import (
    CONSULTATION_NOUNS,
    DETERMINERS,
    VERBS,
    Verb,
    antecedent,
    clause_around,
    gapped_object,
    head,
    named_before,
    nearest_verb,
    office_after,
    phrase_after,
    phrase_before,
    phrase_opening,
)
from .fuzzydate import FuzzyDate
from .relative_dates import (
    DateMention,
    Reference,
    find_date_mentions,
    mentions_relative_date,
    tense,
)
from .sentences import sentence_spans
from .types import MilestoneRef
from .vocabulary import alternation, lexicon, word_list

_SAME_EVENT_NOUNS = {
    word.lower(): group
    for group in lexicon()["milestones"]["same_event_nouns"]
    for word in word_list(f"milestones.same_event_nouns.{group}")
}
_CHAIRED_REVIEW = re.compile(
    r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+)\s*[,–—-]?\s*who\s+"
    rf"(?:{alternation('milestones.chairing_verbs')})\s+"
    r"(?:the\s+|a\s+)?(?P<what>[^,–—;()]+?)\s+in\s+(?P<year>(?:19|20)\d{2})\b"
)
# A date that opens its sentence ("Then in 2011, ...", "Back in 2011, ...") dates the
# subject after it: at most this many words before it, and a comma after it.
_FRONTED_DATE_WORDS = 3
_OF_DATE = re.compile(r"\bof\s*$")
# "ahead of the deadline tomorrow", "before the deadline on 11 May": a deadline named alone
# is that of the consultation its sentence names before it.
_BARE_DEADLINE = re.compile(r"\bthe\s+deadline\s+(?:on\s+|of\s+)?$", re.IGNORECASE)
_CONSULTATION_NOUN = re.compile(rf"\b(?:{'|'.join(CONSULTATION_NOUNS)})\b", re.IGNORECASE)
_DEADLINE_VERB = next(verb for verb in VERBS if verb.name == "deadline")
# "with its final report due in 2022", "the review's final report, expected in spring
# 2022": a phrase followed by "due" and its date is the subject of that small clause.
_EXPECTED_AT = re.compile(
    rf",?\s*\b(?:{alternation('milestones.expectation_words')})\s+(?:(?:in|on|by|at|for)\s+)?(?:the\s+)?$"
)
_OF_AFTER = re.compile(r"\s+of\s+")
_DIGIT = re.compile(r"\d")
_APOSTROPHES = re.compile("[’'‘`]")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class _Event:
    title: str
    kind: str
    subject: str  # what the event is about, in the words every article shares
    clause: str = ""  # the clause that dates it, whose tense says whether it is to come


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
            mentions = find_date_mentions(sentence, reference, order, within)
            for mention in mentions:
                event = _event_for(sentence, mention, mentions)
                if event:
                    key = f"{event.subject}:{mention.date.edtf()}"
                    expected = _is_expected(mention.date, published, event.clause)
                    found.setdefault(
                        key,
                        MilestoneRef(
                            event.title, mention.date, event.kind, sentence, key, expected
                        ),
                    )
    return list(found.values())


def slug(text: str) -> str:
    """ "Plan to engage the system’s workforce" → "plan-to-engage-the-systems-workforce"."""
    text = _APOSTROPHES.sub("", text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")


def event_subject(phrase: str) -> str:
    """What a milestone's key says the event is about: the phrase's head noun, named the
    way other articles name the same thing ("the review", "its final report" → "report"),
    and the purpose after it ("Call for Evidence", "case for change" → "call-for-evidence",
    "case-for-change")."""
    words = phrase.split()
    main = head(words)
    subject = _SAME_EVENT_NOUNS.get(main.lower(), main)
    index = words.index(main)
    purpose = [word.lower() for word in words[index + 1 : index + 3]]
    if len(purpose) == 2 and purpose[0] == "for" and purpose[1] not in DETERMINERS:
        subject = f"{subject} for {purpose[1]}"
    return slug(subject)


def _is_expected(date: FuzzyDate, published: FuzzyDate | None, clause: str) -> bool:
    """Still to come when the page was written: dated after it, or told in the future."""
    if published is not None:
        if date.start() > published.end():
            return True
        if date.end() < published.start():
            return False
    return tense(clause) == "future"


def _inferred_year(absolute: list[list[tuple[int, int, FuzzyDate]]]) -> int | None:
    """For an undated article: the year its explicit dates mostly fall in."""
    years = Counter(
        date.year for dates in absolute for _, _, date in dates if date.precision != "year"
    )
    return years.most_common(1)[0][0] if years else None


def _event_for(sentence: str, mention: DateMention, mentions: list[DateMention]) -> _Event | None:
    chaired = _CHAIRED_REVIEW.search(sentence)
    if chaired and chaired.start("year") == mention.start:
        return _chaired_review(chaired)
    others = [(m.start, m.end) for m in mentions if m is not mention]
    verb_match, verb = nearest_verb(sentence, mention.start, mention.end, others)
    if verb is not None:
        if verb.name == "until":
            phrase = named_before(sentence, verb_match.start())
        elif verb.offices:
            phrase = office_after(sentence, verb_match.end())
        elif verb.subject_only:  # "the government will respond to the review …"
            phrase = phrase_before(sentence, verb_match.start(), actors=True)
        elif (complement := _of_complement(sentence, verb_match.end(), mention)) is not None:
            # A verb's noun: "the launch of the review in March", "the publication today of".
            stop = mention.start if mention.start >= complement else len(sentence)
            phrase = phrase_after(sentence[:stop], complement)
        else:
            # The object stops where the date starts ("published its Case for Change today").
            stop = mention.start if mention.start >= verb_match.end() else len(sentence)
            phrase = phrase_after(
                sentence[:stop],
                gapped_object(sentence, verb_match.end(), mention.start, others)
                or verb_match.end(),
                verb.proper_object,
            ) or phrase_before(sentence, verb_match.start())
        phrase = phrase or antecedent(sentence, verb_match.start())
        if phrase:
            span = (min(verb_match.start(), mention.start), max(verb_match.end(), mention.end))
            return _titled(phrase, verb, clause_around(sentence, *span))
    if deadline := _consultation_deadline(sentence, mention):
        return deadline
    # With no verb (or none with an event), the date belongs to its own clause's subject or
    # object, not to a phrase governed by a preposition, unless the date is the phrase's own
    # ("like the Munro review of 2011", "with its final report due in 2022").
    clause = clause_around(sentence, mention.start, mention.end)
    before = sentence[: mention.start]
    expected_at = _EXPECTED_AT.search(before)
    phrase = (
        _fronted_date_subject(sentence, mention)
        or phrase_before(sentence, mention.start, governed=bool(_OF_DATE.search(before)))
        or (phrase_before(sentence, expected_at.start()) if expected_at else None)
        or (
            antecedent(sentence, mention.start, governed=False, reach=1)
            if tense(clause) == "future"
            else None
        )
    )
    if not phrase:
        return None
    return _Event(_capitalised(phrase), "publication", event_subject(phrase), clause)


def _consultation_deadline(sentence: str, mention: DateMention) -> _Event | None:
    """ "responded to the consultation ahead of the deadline tomorrow": the consultation
    closes on that date."""
    before = sentence[: mention.start]
    bare = _BARE_DEADLINE.search(before)
    if bare is None:
        return None
    nouns = list(_CONSULTATION_NOUN.finditer(before, 0, bare.start()))
    if not nouns:
        return None
    phrase = phrase_after(before[: bare.start()], nouns[-1].start())
    if not phrase:
        return None
    return _titled(phrase, _DEADLINE_VERB, clause_around(sentence, mention.start, mention.end))


def _of_complement(sentence: str, verb_end: int, mention: DateMention) -> int | None:
    """Where the "of" complement of an event verb's noun starts ("the launch of the review",
    "the publication today of the final report": the date may stand between), or None
    when no "of" follows the verb."""
    at = mention.end if sentence[verb_end : mention.start].isspace() else verb_end
    found = _OF_AFTER.match(sentence, at)
    return found.end() if found else None


def _fronted_date_subject(sentence: str, mention: DateMention) -> str | None:
    before = sentence[: mention.start]
    after = sentence[mention.end :].lstrip()
    if "," in before or len(before.split()) > _FRONTED_DATE_WORDS or not after.startswith(","):
        return None
    return phrase_opening(after[1:])


def _chaired_review(match: re.Match) -> _Event | None:
    what = match.group("what").split()
    heads = [i for i, word in enumerate(what) if word.lower() in _SAME_EVENT_NOUNS]
    if not heads:
        return None
    surname = match.group("name").split()[-1]
    phrase = f"{surname} {' '.join(what[heads[0] :])}"
    return _Event(phrase, "event", event_subject(phrase))


def _capitalised(phrase: str) -> str:
    return f"{phrase[:1].upper()}{phrase[1:]}"


def _titled(phrase: str, verb: Verb, clause: str) -> _Event:
    words = phrase.split()
    main = head(words).lower()
    plural = " and " in phrase or (main.endswith("s") and not main.endswith("ss"))
    kind = verb.kind
    if kind == "launch" and main in CONSULTATION_NOUNS:
        kind = "consultation"
    title = f"{_capitalised(phrase)} {verb.plural if plural else verb.singular}"
    return _Event(title, kind, event_subject(phrase), clause)

"""Quotations and who said them.

A quotation opens with a curly or straight double quote (or, on pages that use
no double quotes at all, a single one) and may run over several paragraphs: a
paragraph that opens a quote without closing it continues in the next one that
opens with a quote mark. Scare quotes of one or two words, and quoted names in
Title Case, are not quotations; nor is a quoted phrase that nobody is said to
have said (no speaker found and no speech verb in its sentence).

The speaker is read, in this order, from an attribution right after the quote
("…,” MacAlister said", "…,” said Cllr Jones", "…,” according to X"), from a name
before it in the same sentence that is followed by a speech verb ("X, who chairs
the review, said it was “…”", "X accused the review of being “…”, adding: “…”"),
or in the paragraph before when that paragraph ends in a colon (the press-release
"X said:" on its own line, whose next paragraph is the speaker's words even without
quote marks: a block quotation copied from a web page), from the sentence's
subject, and, for a sentence that is nothing but a quote, from the quote before it.
"He" and "she" stand for the sentence's subject or the most recent person whose first
name fits. A speaker may be a label ("A spokesperson for the Association of School and
College Leaders", "a Department for Education spokesperson") or a generic speaker ("a
young carer", "one foster carer", "our 15-year-old"). Speeches under speaker headings
(speakers.py) are quotations of their speaker.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from .entities import Entities
from .mentions import ORGANISATION, PERSON, Mention
from .person_names import first_name_gender
from .sentences import sentence_spans
from .speakers import SpeakerTurn, find_speaker_turns
from .textmask import mask
from .types import QuoteRef
from .vocabulary import alternation, lowered

UNRESOLVED_REASON = "speaker not found"
_MIN_QUOTE_WORDS = 3
_MAX_NAME_WORDS = 6

_SPEECH = alternation("quotes.speech_verbs")
_ATTRIBUTING = rf"(?:{_SPEECH}|{alternation('quotes.attribution_phrases')})"
_SPEECH_VERB = re.compile(rf"\b{_ATTRIBUTING}\b", re.IGNORECASE)
_AUXILIARIES = rf"(?:(?:{alternation('quotes.verb_auxiliaries')})\s+)*"
_APPOSITION = r"(?:\s*,[^,“”\"]{1,120},)?"
# A citation or aside in brackets after a name ("MacAlister (2022, p. 8) describes").
_ASIDE = r"(?:\s*\([^()“”\"]{1,40}\))?"
# "X said", "X’s spokesman said", "X, who chairs the review, has said"
_VERB_AFTER_SPEAKER = re.compile(
    rf"(?:[’']s)?{_ASIDE}{_APPOSITION}\s+{_AUXILIARIES}(?:{_SPEECH})\b"
)
_VERB_AFTER_DESCRIBED = re.compile(rf",\s+{_AUXILIARIES}(?:{_SPEECH})\b")
# "a young carer we work with in Leeds told us"
_VERB_AFTER_GENERIC = re.compile(
    rf"{_APPOSITION}(?:\s+[\w’'-]+){{0,6}}?\s+{_AUXILIARIES}(?:{_SPEECH})\b"
)
# "…,” said Jones", "…,” said Cllr Roger Lyle", "…,” according to Labour MP Jane Smith"
_VERB_BEFORE_SPEAKER = re.compile(rf"\s*[,.!?]?\s*{_ATTRIBUTING}\s+(?:[A-Z][\w’'.-]*\s+){{0,3}}$")
# "…,” the report says." / "…,” the council said.": whoever speaks is only described.
_DESCRIBED_AFTER = re.compile(
    rf"[\s,.!?;:–—-]*(?P<label>(?i:{alternation('quotes.label_determiners')})\s+"
    rf"(?:[\w’'-]+\s+){{0,3}}?[\w’'-]+)\s+{_AUXILIARIES}(?:{_SPEECH})\b"
)
# A paragraph that introduces the next as somebody's words: "Jane Smith, the director, said:"
_INTRODUCTION = re.compile(rf"\b{_ATTRIBUTING}\s*:\s*$", re.IGNORECASE)
_PHRASE_LEAD = re.compile(rf"\b(?:{alternation('quotes.phrase_leads')})\s*$", re.IGNORECASE)
_ATTRIBUTION_LEAD = re.compile(r"\s*[,.!?;:–—-]*\s*$")
# "“…” – Sarah Jones, foster carer": a quote signed with a dash.
_SIGNATURE_LEAD = re.compile(r"\s*[.!?]?\s*(?:[–—]|\s-)\s*$")
# "…,” the review’s chair, Josh MacAlister, said."
_DESCRIPTION_LEAD = re.compile(
    rf"\s*[,.!?;:–—-]*\s*(?i:{alternation('quotes.label_determiners')})\s+[^,.“”\"\x00]{{1,60}},\s*$"
)
# Between two people who speak together ("Dev and Anita Rourke").
_JOINED = re.compile(r"\s+(?:and|&)\s+")
_IN_APPOSITION = re.compile(r"\s*,\s*")
# Between a person and the organisation they are of ("Jane Smith of the NSPCC").
_AFFILIATION = re.compile(rf",?\s+(?:{alternation('quotes.label_prepositions')})\s+(?:[Tt]he\s+)?")
_PRONOUN = re.compile(r"\b(?:he|she|they|He|She|They)\b")
_PRONOUN_GENDER = {"he": "male", "she": "female", "they": None}
_NAME_WORD = r"[A-Z][\w’'&-]*"
_ORGANISATION_NAME = (
    rf"{_NAME_WORD}(?:\s+(?:(?:{alternation('quotes.name_connectors')})\s+)*{_NAME_WORD})*"
)
_LABEL_NOUN = alternation("quotes.label_nouns")
# "A spokesperson for the Association of ...", "a spokesperson for the school leaders'
# union NAHT", "one member of the panel".
_LABEL = re.compile(
    rf"\b(?i:{alternation('quotes.label_determiners')})\s+(?:[\w’'&-]+\s+){{0,4}}?"
    rf"(?:{_LABEL_NOUN})(?:\s+(?:{alternation('quotes.label_prepositions')})\s+"
    rf"(?:the\s+)?(?:(?:[a-z][\w’'-]*\s+){{0,3}}{_ORGANISATION_NAME}|[a-z]+))?"
)
# "a young carer", "one foster carer", "our 15-year-old"
_GENERIC_SPEAKER = re.compile(
    rf"\b(?i:{alternation('quotes.generic_determiners')})\s+(?:[\w’'-]+\s+){{0,3}}?"
    rf"(?:{alternation('quotes.generic_speakers')}"
    rf"|\d{{1,2}}-year-old(?!\s+(?:{alternation('quotes.generic_speakers')})\b))\b"
)
# "who was a member of the panel": a label after a copula says what someone is.
_COPULA = re.compile(rf"\b(?:{alternation('quotes.label_copulas')})\s+")
_GENERIC = "generic"  # the kind of anchor a generic speaker is
_QUOTE_MARK = re.compile("[“”\"‘’']")
_CONNECTING_WORDS = lowered("quotes.name_connectors")


@dataclass(frozen=True)
class _Anchor:
    """Someone or something in the text that could be speaking."""

    start: int
    end: int
    kind: str  # PERSON, ORGANISATION, "pronoun", "label" or _GENERIC
    value: str  # canonical name, pronoun or label text


@dataclass
class _Quote:
    paragraph: int  # where it opens
    open_at: int  # offset of the opening mark
    end_paragraph: int  # where it closes
    close_at: int | None  # offset of the closing mark; None when it runs to the paragraph end
    parts: list[str]


@dataclass
class _Speaker:
    person: str | None = None
    label: str = ""


def extract_quotes(
    paragraphs: list[str], entities: Entities, turns: list[SpeakerTurn] | None = None
) -> list[QuoteRef]:
    """Every quotation in article order, with its speaker when the text says who.

    ``turns`` are the page's speaker headings (found here when not given); the
    speeches under them are quotations, and quote marks inside them are not.
    """
    if turns is None:
        turns = find_speaker_turns(paragraphs, entities)
    spoken = {index for turn in turns for index in range(turn.first, turn.last + 1)}
    single = not any("“" in text or '"' in text for text in paragraphs)
    spans = [[] if i in spoken else _quote_spans(text, single) for i, text in enumerate(paragraphs)]
    blocks = _block_quotations(paragraphs, spans, spoken)
    for index in blocks:
        spans[index] = [(0, None)]
    resolver = _SpeakerResolver(paragraphs, spans, entities)
    found: list[tuple[tuple[int, int], QuoteRef]] = []
    for quote in _joined(paragraphs, spans, blocks):
        words = " ".join(quote.parts)
        if _is_quotation(words):
            speaker = resolver.speaker_of(quote)
            kept = speaker.person is not None or bool(speaker.label) or resolver.is_reported(quote)
        else:
            speaker = resolver.reporter_of(quote) if _is_phrase(words) else _Speaker()
            kept = speaker.person is not None
        if kept:
            found.append(
                ((quote.paragraph, quote.open_at), _ref("\n\n".join(quote.parts), speaker))
            )
    for turn in turns:
        speech = [paragraphs[turn.first][turn.start :], *paragraphs[turn.first + 1 : turn.last + 1]]
        if _is_quotation(" ".join(speech)):
            speaker = _Speaker(turn.person, turn.label)
            found.append(((turn.first, turn.start), _ref("\n\n".join(speech), speaker)))
    refs = [ref for _, ref in sorted(found, key=lambda item: item[0])]
    for position, ref in enumerate(refs):
        ref.position = position
    return refs


def _ref(text: str, speaker: _Speaker) -> QuoteRef:
    found = speaker.person is not None or bool(speaker.label)
    return QuoteRef(
        text=text,
        speaker=speaker.person,
        speaker_label=speaker.label,
        needs_review=not found,
        review_reason="" if found else UNRESOLVED_REASON,
    )


def _quote_spans(text: str, single: bool) -> list[tuple[int, int | None]]:
    """(opening mark, closing mark or None) for each quotation in one paragraph."""
    spans: list[tuple[int, int | None]] = []
    opened: int | None = None
    for match in _QUOTE_MARK.finditer(text):
        index, char = match.start(), match.group()
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        if opened is None:
            if _opens(char, before, after, single):
                opened = index
        elif _closes(char, text[opened], before, after):
            spans.append((opened, index))
            opened = None
    if opened is not None:
        spans.append((opened, None))
    return spans


def _opens(char: str, before: str, after: str, single: bool) -> bool:
    if char == "“":
        return True
    if char == '"' or (single and char in "‘'"):
        return (before.isspace() or before in "([—–-/") and not after.isspace()
    return False


def _closes(char: str, opening: str, before: str, after: str) -> bool:
    if opening in '“"':
        return char in '”"'
    # A closing single quote is also an apostrophe: only one not followed by a letter closes.
    return char in "’'" and not before.isspace() and not after.isalpha()


def _block_quotations(paragraphs: list[str], spans, spoken: set[int]) -> set[int]:
    """Paragraphs without a quote mark that a paragraph ending "… said:" introduces: a
    block quotation, whose marks a copied web page leaves out (GOV.UK's press releases,
    councils' news pages)."""
    return {
        index
        for index in range(1, len(paragraphs))
        if paragraphs[index - 1].rstrip().endswith(":")
        and index not in spoken
        and not spans[index]
        and not _QUOTE_MARK.search(paragraphs[index])
        and not paragraphs[index].rstrip().endswith(":")
        and len(paragraphs[index].split()) >= _MIN_QUOTE_WORDS
        and _INTRODUCTION.search(paragraphs[index - 1])
    }


def _joined(paragraphs: list[str], spans, blocks: set[int] = frozenset()) -> list[_Quote]:
    """The quotations, each paragraph's spans joined where a quote runs on into the next;
    a block quotation (``blocks``) is its whole paragraph."""
    quotes: list[_Quote] = []
    continuing: _Quote | None = None
    for index, text in enumerate(paragraphs):
        for number, (open_at, close_at) in enumerate(spans[index]):
            start = open_at if index in blocks else open_at + 1
            inner = text[start : close_at if close_at is not None else len(text)]
            if continuing is not None and number == 0 and not text[:open_at].strip():
                continuing.parts.append(_clean(inner))
                continuing.end_paragraph, continuing.close_at = index, close_at
                quote = continuing
            else:
                quote = _Quote(index, open_at, index, close_at, [_clean(inner)])
                quotes.append(quote)
            continuing = quote if close_at is None and index not in blocks else None
        if not spans[index]:
            continuing = None
    return quotes


def _clean(inner: str) -> str:
    return inner.strip().rstrip(",").strip()


def _is_quotation(text: str) -> bool:
    return len(text.split()) >= _MIN_QUOTE_WORDS and not _is_title(text)


def _is_phrase(text: str) -> bool:
    """A word or two in quotes that is not a name: somebody's words only when a person
    is said to have said them (“look carefully”, he was “encouraged”)."""
    return 0 < len(text.split()) < _MIN_QUOTE_WORDS and not _is_title(text)


def _is_title(text: str) -> bool:
    """“Case for Change” names a document; it is not somebody's words."""
    words = text.split()
    significant = [w for w in words if w.lower() not in _CONNECTING_WORDS]
    return len(words) <= _MAX_NAME_WORDS and all(w[:1].isupper() for w in significant)


class _SpeakerResolver:
    def __init__(self, paragraphs: list[str], spans, entities: Entities):
        self.paragraphs = paragraphs
        self.quoted = [
            mask(text, [(o, (c if c is not None else len(text)) + 1) for o, c in spans[i]])
            for i, text in enumerate(paragraphs)
        ]
        self.spans = spans
        self.sentences: dict[int, list[tuple[int, int]]] = {}
        by_paragraph = defaultdict(list)
        for mention in entities.mentions:
            by_paragraph[mention.paragraph].append(mention)
        # Labels speak only for a quote in their paragraph or the next ("… said:").
        near_quotes = {i for i, found in enumerate(spans) if found for i in (i - 1, i)}
        self.anchors = [
            self._anchors(i, by_paragraph[i], i in near_quotes) for i in range(len(paragraphs))
        ]
        self.last: _Speaker | None = None
        self.last_end_paragraph = -1

    def _anchors(self, index: int, mentions: list[Mention], with_labels: bool) -> list[_Anchor]:
        """Possible speakers outside quotation marks in one paragraph."""
        outside = self.quoted[index]
        labels = [
            _Anchor(*match.span(), kind, match.group()[0].upper() + match.group()[1:])
            for kind, pattern in (("label", _LABEL), (_GENERIC, _GENERIC_SPEAKER))
            for match in (pattern.finditer(outside) if with_labels else ())
            if not _COPULA.search(outside, max(0, match.start() - 12), match.end())
        ]
        # "A spokesperson for Bolton Council" speaks, not the council it names.
        anchors = labels + [
            _Anchor(m.start, m.end, m.kind, m.name)
            for m in mentions
            if m.kind in (PERSON, ORGANISATION)
            and "\x00" not in outside[m.start : m.end]
            and not any(label.start <= m.start and m.end <= label.end for label in labels)
        ]
        anchors += [
            _Anchor(*match.span(), "pronoun", match.group().lower())
            for match in _PRONOUN.finditer(outside)
        ]
        return sorted(anchors, key=lambda a: a.start)

    def speaker_of(self, quote: _Quote) -> _Speaker:
        after = self._after(quote)
        named_after = after if after and after.kind != "pronoun" else None
        speaker = (
            (named_after and self._resolve(named_after, quote.end_paragraph))
            or self._before(quote.paragraph, quote.open_at)
            or self._introduced(quote)
            # ", he added" says less than a name before the quote, so it comes second.
            or (after and self._resolve(after, quote.end_paragraph))
            or self._described_after(quote)
            or self._subject(quote)
            or self._previous(quote)
            or _Speaker()
        )
        if speaker.person or speaker.label:
            self.last = speaker
            self.last_end_paragraph = quote.end_paragraph
        return speaker

    def reporter_of(self, quote: _Quote) -> _Speaker:
        """The person a speech verb before the quote, in its sentence, has saying it, when
        the words before the quote make it the predicate of what is reported."""
        before = self.paragraphs[quote.paragraph][: quote.open_at]
        if not _PHRASE_LEAD.search(before[-40:]):
            return _Speaker()
        speaker = self._before(quote.paragraph, quote.open_at, subject_only=True)
        return speaker if speaker and speaker.person else _Speaker()

    def is_reported(self, quote: _Quote) -> bool:
        """Whether a quote nobody was found for is still somebody's words: its sentence
        has a speech verb, or it is a sentence on its own."""
        start, end = self._sentence(quote.paragraph, quote.open_at)
        outside = self.quoted[quote.paragraph][start:end]
        return bool(_SPEECH_VERB.search(outside)) or not any(char.isalpha() for char in outside)

    def _after(self, quote: _Quote) -> _Anchor | None:
        """The speaker named right after the quote: "…,” MacAlister said", "…,” said Jones"
        or "“…” – Jones"."""
        if quote.close_at is None:
            return None
        index = quote.end_paragraph
        text = self.quoted[index]
        sentence_end = self._sentence(index, quote.close_at)[1]
        for anchor in self.anchors[index]:
            if not quote.close_at < anchor.start < sentence_end:
                continue
            between = text[quote.close_at + 1 : anchor.start]
            speaker_first = (
                _ATTRIBUTION_LEAD.match(between) and _VERB_AFTER_SPEAKER.match(text, anchor.end)
            ) or (
                _DESCRIPTION_LEAD.match(between) and _VERB_AFTER_DESCRIBED.match(text, anchor.end)
            )
            signed = anchor.kind == PERSON and _SIGNATURE_LEAD.match(between)
            if speaker_first or signed or _VERB_BEFORE_SPEAKER.match(between):
                return anchor
            return None
        return None

    def _described_after(self, quote: _Quote) -> _Speaker | None:
        """A description right after the quote as its speaker: "…,” the report says."""
        if quote.close_at is None:
            return None
        text = self.quoted[quote.end_paragraph]
        match = _DESCRIBED_AFTER.match(text, quote.close_at + 1)
        if match is None:
            return None
        label = match.group("label")
        return _Speaker(label=label[0].upper() + label[1:])

    def _before(self, index: int, open_at: int, subject_only: bool = False) -> _Speaker | None:
        """The name before the quote, in its sentence, that a speech verb follows: first
        one that is the verb's subject ("X, a social worker, said"), else (unless
        ``subject_only``) the nearest."""
        text = self.quoted[index]
        start = self._sentence(index, max(open_at - 1, 0))[0]
        candidates = [a for a in self.anchors[index] if start <= a.start and a.end <= open_at]
        for position in reversed(range(len(candidates))):
            anchor = candidates[position]
            verb_after = _VERB_AFTER_GENERIC if anchor.kind == _GENERIC else _VERB_AFTER_SPEAKER
            if anchor.kind != "pronoun" and verb_after.match(text, anchor.end):
                return self._resolve(
                    _person_speaking_for(candidates, position, text) or anchor, index
                )
        if subject_only:
            # "The minister, Jane Smith, said …": the name in apposition is the subject.
            for anchor in reversed([a for a in candidates if a.kind == PERSON]):
                if _VERB_AFTER_DESCRIBED.match(text, anchor.end):
                    return self._resolve(anchor, index)
            return None
        # A person, pronoun or label is a better speaker than an organisation it is part of;
        # a generic speaker ("a child") speaks only as the subject of the verb.
        for kinds in ((PERSON, "pronoun", "label"), (ORGANISATION,)):
            for anchor in reversed([a for a in candidates if a.kind in kinds]):
                if _SPEECH_VERB.search(text, anchor.end, open_at):
                    return self._resolve(anchor, index)
        return None

    def _introduced(self, quote: _Quote) -> _Speaker | None:
        """A quote opening a paragraph after one that ends in a colon ("X said:")."""
        index = quote.paragraph
        if index == 0 or self.paragraphs[index][: quote.open_at].strip():
            return None
        previous = self.paragraphs[index - 1].rstrip()
        if not previous.endswith(":"):
            return None
        return self._before(index - 1, len(previous))

    def _subject(self, quote: _Quote) -> _Speaker | None:
        """The first person the quote's sentence names, when it names one before the quote."""
        index = quote.paragraph
        start = self._sentence(index, quote.open_at)[0]
        for anchor in self.anchors[index]:
            if start <= anchor.start and anchor.end <= quote.open_at and anchor.kind == PERSON:
                return _Speaker(person=anchor.value)
        return None

    def _previous(self, quote: _Quote) -> _Speaker | None:
        """A sentence or paragraph that is nothing but a quote goes on with the speaker of
        the quote just before ("“…,” he said. “…”")."""
        start, end = self._sentence(quote.paragraph, quote.open_at)
        only_quote = not any(char.isalpha() for char in self.quoted[quote.paragraph][start:end])
        if only_quote and self.last and self.last_end_paragraph >= quote.paragraph - 1:
            return self.last
        return None

    def _sentence(self, index: int, offset: int) -> tuple[int, int]:
        if index not in self.sentences:
            text, spans = self.paragraphs[index], self.spans[index]
            protected = [(o, c if c is not None else len(text)) for o, c in spans]
            self.sentences[index] = sentence_spans(text, protected)
        for start, end in self.sentences[index]:
            if start <= offset < end:
                return start, end
        return 0, len(self.paragraphs[index])

    def _resolve(self, anchor: _Anchor, index: int) -> _Speaker | None:
        if anchor.kind == PERSON:
            return _Speaker(person=anchor.value)
        if anchor.kind in ("label", _GENERIC, ORGANISATION):
            return _Speaker(label=anchor.value)
        return self._pronoun(anchor, index)

    def _pronoun(self, anchor: _Anchor, index: int) -> _Speaker | None:
        """The sentence's subject, else the most recent person named outside quotes, else
        the last speaker, whose first name fits the pronoun."""
        gender = _PRONOUN_GENDER[anchor.value]
        start = self._sentence(index, anchor.start)[0]
        subjects = [
            a.value
            for a in self.anchors[index]
            if a.kind == PERSON and start <= a.start < anchor.start
        ]
        last_speaker = [self.last.person] if self.last and self.last.person else []
        for name in [*subjects, *self._earlier_subjects_first(index, start), *last_speaker]:
            if _fits(name, gender):
                return _Speaker(person=name)
        return None

    def _earlier_subjects_first(self, index: int, before: int) -> list[str]:
        """The people named before an offset, the nearest sentence first and, within a
        sentence, in their order: a pronoun stands for the subject of the sentence before
        ("X, who …, was chosen by Y. … he writes") rather than its last name."""
        by_sentence: dict[tuple[int, int], list[str]] = defaultdict(list)
        for i in range(index + 1):
            for a in self.anchors[i]:
                if a.kind == PERSON and (i, a.start) < (index, before):
                    by_sentence[(i, self._sentence(i, a.start)[0])].append(a.value)
        return [name for key in sorted(by_sentence, reverse=True) for name in by_sentence[key]]


def _person_speaking_for(candidates: list[_Anchor], position: int, text: str) -> _Anchor | None:
    """ "Jane Smith of the NSPCC said": the person whose organisation speaks is the speaker;
    "Dev and Anita Rourke said": the first of two people who speak together; "Lisa Harker,
    the director, said": the person a description follows."""
    anchor = candidates[position]
    if position == 0:
        return None
    person = candidates[position - 1]
    if person.kind != PERSON:
        return None
    if anchor.kind == ORGANISATION and _AFFILIATION.fullmatch(text, person.end, anchor.start):
        return person
    if anchor.kind == PERSON and _JOINED.fullmatch(text, person.end, anchor.start):
        return person
    # "Lisa Harker, the Observatory's director, who …, said": the person described speaks.
    if anchor.kind == _GENERIC and _IN_APPOSITION.fullmatch(text, person.end, anchor.start):
        return person
    return None


def _fits(name: str, gender: str | None) -> bool:
    if gender is None:
        return True
    guessed = first_name_gender(name.split()[0])
    return guessed not in ("male", "female") or guessed == gender

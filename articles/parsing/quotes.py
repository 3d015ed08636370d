"""Quotations and who said them.

A quotation opens with a curly or straight double quote (or, on pages that use
no double quotes at all, a single one) and may run over several paragraphs: a
paragraph that opens a quote without closing it continues in the next one that
opens with a quote mark. Scare quotes of one or two words, and quoted names in
Title Case, are not quotations.

The speaker is read, in this order, from an attribution right after the quote
("…,” MacAlister said", "…,” said Jones"), from the nearest name before it in
the same sentence that is followed by a speech verb ("X, who chairs the review,
said it was “…”", "X accused the review of being “…”, adding: “…”"), from the
sentence's subject, and, for a sentence that is nothing but a quote, from the
quote before it. "He" and "she" stand for the sentence's subject or the last
speaker whose first name fits.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from .entities import Entities
from .lexicon import SPEECH_VERBS
from .mentions import ORGANISATION, PERSON, Mention
from .person_names import first_name_gender
from .sentences import sentence_spans
from .textmask import mask
from .types import QuoteRef

UNRESOLVED_REASON = "speaker not found"
_MIN_QUOTE_WORDS = 3
_MAX_NAME_WORDS = 6

_SPEECH = "|".join(sorted(SPEECH_VERBS))
_SPEECH_VERB = re.compile(rf"\b(?:{_SPEECH}|according\s+to)\b", re.IGNORECASE)
_VERB_AFTER_SPEAKER = re.compile(
    rf"(?:[’']s)?(?:\s*,[^,“”\"]{{1,80}},)?\s+(?:has\s+|had\s+|also\s+|then\s+)*(?:{_SPEECH})\b"
)
_VERB_BEFORE_SPEAKER = re.compile(rf"\s*[,.!?]?\s*(?:{_SPEECH}|according\s+to)\s+$")
_ATTRIBUTION_LEAD = re.compile(r"\s*[,.!?;:–—-]*\s*$")
_PRONOUN = re.compile(r"\b(?:he|she|they|He|She|They)\b")
_PRONOUN_GENDER = {"he": "male", "she": "female", "they": None}
_LABEL_WORDS = ("spokes", "representative")
_LABEL = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?:[\w’'&-]+\s+){0,4}?"
    r"(?:spokesperson|spokesman|spokeswoman|spokespeople|representative)"  # see _LABEL_WORDS
    r"(?:\s+(?:for|from|at|of)\s+(?:the\s+)?(?:[A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*)*|[a-z]+))?"
)
_QUOTE_MARK = re.compile("[“”\"‘’']")
_CONNECTING_WORDS = frozenset({"of", "for", "and", "the", "in", "on", "to", "a", "an", "&"})


@dataclass(frozen=True)
class _Anchor:
    """Someone or something in the text that could be speaking."""

    start: int
    end: int
    kind: str  # PERSON, ORGANISATION, "pronoun" or "label"
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


def extract_quotes(paragraphs: list[str], entities: Entities) -> list[QuoteRef]:
    """Every quotation in article order, with its speaker when the text says who."""
    single = not any("“" in text or '"' in text for text in paragraphs)
    spans = [_quote_spans(text, single) for text in paragraphs]
    quotes = [q for q in _joined(paragraphs, spans) if _is_quotation(" ".join(q.parts))]
    resolver = _SpeakerResolver(paragraphs, spans, entities)
    refs = []
    for position, quote in enumerate(quotes):
        speaker = resolver.speaker_of(quote)
        found = speaker.person is not None or bool(speaker.label)
        refs.append(
            QuoteRef(
                text="\n\n".join(quote.parts),
                speaker=speaker.person,
                speaker_label=speaker.label,
                position=position,
                needs_review=not found,
                review_reason="" if found else UNRESOLVED_REASON,
            )
        )
    return refs


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
    if char == '"' or (single and char == "‘"):
        return (before.isspace() or before in "([—–-/") and not after.isspace()
    return False


def _closes(char: str, opening: str, before: str, after: str) -> bool:
    if opening in '“"':
        return char in '”"'
    # A closing single quote is also an apostrophe: only one not followed by a letter closes.
    return char in "’'" and not before.isspace() and not after.isalpha()


def _joined(paragraphs: list[str], spans) -> list[_Quote]:
    quotes: list[_Quote] = []
    continuing: _Quote | None = None
    for index, text in enumerate(paragraphs):
        for number, (open_at, close_at) in enumerate(spans[index]):
            inner = text[open_at + 1 : close_at if close_at is not None else len(text)]
            if continuing is not None and number == 0 and not text[:open_at].strip():
                continuing.parts.append(_clean(inner))
                continuing.end_paragraph, continuing.close_at = index, close_at
                quote = continuing
            else:
                quote = _Quote(index, open_at, index, close_at, [_clean(inner)])
                quotes.append(quote)
            continuing = quote if close_at is None else None
        if not spans[index]:
            continuing = None
    return quotes


def _clean(inner: str) -> str:
    return inner.strip().rstrip(",").strip()


def _is_quotation(text: str) -> bool:
    words = text.split()
    if len(words) < _MIN_QUOTE_WORDS:
        return False
    significant = [w for w in words if w.lower() not in _CONNECTING_WORDS]
    # “Case for Change” names a document; it is not somebody's words.
    is_title = len(words) <= _MAX_NAME_WORDS and all(w[:1].isupper() for w in significant)
    return not is_title


class _SpeakerResolver:
    def __init__(self, paragraphs: list[str], spans, entities: Entities):
        self.paragraphs = paragraphs
        self.entities = entities
        self.quoted = [
            mask(text, [(o, (c if c is not None else len(text)) + 1) for o, c in spans[i]])
            for i, text in enumerate(paragraphs)
        ]
        self.sentences = [
            sentence_spans(text, [(o, c if c is not None else len(text)) for o, c in spans[i]])
            for i, text in enumerate(paragraphs)
        ]
        by_paragraph = defaultdict(list)
        for mention in entities.mentions:
            by_paragraph[mention.paragraph].append(mention)
        self.anchors = [self._anchors(i, by_paragraph[i]) for i in range(len(paragraphs))]
        self.last: _Speaker | None = None
        self.last_end_paragraph = -1

    def _anchors(self, index: int, mentions: list[Mention]) -> list[_Anchor]:
        """Possible speakers outside quotation marks in one paragraph."""
        outside = self.quoted[index]
        anchors = [
            _Anchor(m.start, m.end, m.kind, m.name)
            for m in mentions
            if m.kind in (PERSON, ORGANISATION) and "\x00" not in outside[m.start : m.end]
        ]
        anchors += [
            _Anchor(*match.span(), "pronoun", match.group().lower())
            for match in _PRONOUN.finditer(outside)
        ]
        if any(word in outside for word in _LABEL_WORDS):
            anchors += [
                _Anchor(*match.span(), "label", match.group()[0].upper() + match.group()[1:])
                for match in _LABEL.finditer(outside)
            ]
        return sorted(anchors, key=lambda a: a.start)

    def speaker_of(self, quote: _Quote) -> _Speaker:
        after = self._after(quote)
        named_after = after if after and after.kind != "pronoun" else None
        speaker = (
            (named_after and self._resolve(named_after, quote.end_paragraph))
            or self._before(quote)
            # ", he added" says less than a name before the quote, so it comes second.
            or (after and self._resolve(after, quote.end_paragraph))
            or self._subject(quote)
            or self._previous(quote)
            or _Speaker()
        )
        if speaker.person or speaker.label:
            self.last = speaker
            self.last_end_paragraph = quote.end_paragraph
        return speaker

    def _after(self, quote: _Quote) -> _Anchor | None:
        """The speaker named right after the quote: "…,” MacAlister said" or "…,” said Jones"."""
        if quote.close_at is None:
            return None
        index = quote.end_paragraph
        text = self.quoted[index]
        sentence_end = self._sentence(index, quote.close_at)[1]
        for anchor in self.anchors[index]:
            if not quote.close_at < anchor.start < sentence_end:
                continue
            between = text[quote.close_at + 1 : anchor.start]
            speaker_first = _ATTRIBUTION_LEAD.match(between) and _VERB_AFTER_SPEAKER.match(
                text, anchor.end
            )
            if speaker_first or _VERB_BEFORE_SPEAKER.match(between):
                return anchor
            return None
        return None

    def _before(self, quote: _Quote) -> _Speaker | None:
        """The nearest name before the quote, in its sentence, followed by a speech verb."""
        index, text = quote.paragraph, self.quoted[quote.paragraph]
        start = self._sentence(index, quote.open_at)[0]
        candidates = [a for a in self.anchors[index] if start <= a.start and a.end <= quote.open_at]
        # A person, pronoun or label is a better speaker than an organisation it is part of.
        for kinds in ((PERSON, "pronoun", "label"), (ORGANISATION,)):
            for anchor in reversed([a for a in candidates if a.kind in kinds]):
                if _SPEECH_VERB.search(text, anchor.end, quote.open_at):
                    return self._resolve(anchor, index)
        return None

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
        for start, end in self.sentences[index]:
            if start <= offset < end:
                return start, end
        return 0, len(self.paragraphs[index])

    def _resolve(self, anchor: _Anchor, index: int) -> _Speaker | None:
        if anchor.kind == PERSON:
            return _Speaker(person=anchor.value)
        if anchor.kind in ("label", ORGANISATION):
            return _Speaker(label=anchor.value)
        return self._pronoun(anchor, index)

    def _pronoun(self, anchor: _Anchor, index: int) -> _Speaker | None:
        gender = _PRONOUN_GENDER[anchor.value]
        start = self._sentence(index, anchor.start)[0]
        subjects = [
            a.value
            for a in self.anchors[index]
            if a.kind == PERSON and start <= a.start < anchor.start
        ]
        earlier = [
            m.name
            for m in self.entities.mentions
            if m.kind == PERSON and (m.paragraph, m.start) < (index, anchor.start)
        ]
        last_speaker = [self.last.person] if self.last and self.last.person else []
        for name in [*subjects, *last_speaker, *reversed(earlier)]:
            if _fits(name, gender):
                return _Speaker(person=name)
        return None


def _fits(name: str, gender: str | None) -> bool:
    if gender is None:
        return True
    guessed = first_name_gender(name.split()[0])
    return guessed not in ("male", "female") or guessed == gender

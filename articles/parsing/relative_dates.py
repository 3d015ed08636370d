"""Dates in running text, including those that need the article's own date to read.

Absolute dates ("30th March 2021", "in 2011") come from ``dates.find_dates``.
This module adds what only makes sense relative to when the article was
written: partial dates ("31 December", "In May", "From January next year")
and relative ones ("next spring", "this year", "next month", "on Monday",
"yesterday", "that morning"). Relative dates are read against the page's own
date only: with none, they are not dates. A partial date on an undated page
takes the year its other dates mostly fall in (``Reference.year``).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .dates import MONTHS, SEASON_WORDS, WEEKDAYS, find_dates
from .fuzzydate import DAY, MONTH, FuzzyDate
from .vocabulary import alternation, lexicon


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    date: FuzzyDate


@dataclass(frozen=True)
class Reference:
    """What dates are read against: the article's date, and for partial dates on an
    undated article, a year inferred from the other dates in the same text."""

    published: FuzzyDate | None
    year: int | None

    @property
    def today(self) -> datetime.date | None:
        return self.published.start() if self.published else None

    @property
    def day(self) -> datetime.date | None:
        """The page's date when it is known to the day."""
        published = self.published
        return published.start() if published and published.precision == DAY else None


def _words(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_OFFSETS = {"next": 1, "this": 0, "last": -1}
_FULL_WEEKDAYS = WEEKDAYS[:7]  # dates.WEEKDAYS lists Monday to Sunday first, then abbreviations
_DAYS_FROM_PAGE: dict[str, int] = lexicon()["milestones"]["days_from_page"]
_MONTH_NAMES = _words(m for m in MONTHS if len(m) > 3 or m == "may")
_MONTH = rf"(?P<month>{_MONTH_NAMES})"
_YEAR_AFTER = r"(?!,?\s+(?:of\s+)?(?:19|20)\d{2})"
_DAY_MONTH = re.compile(
    rf"\b(?:(?:{_words(WEEKDAYS)}),?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"{_MONTH}\b{_YEAR_AFTER}",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b{_YEAR_AFTER}", re.IGNORECASE
)
_PREPOSITION = rf"(?:{alternation('milestones.date_prepositions')})"
_MONTH_ALONE = re.compile(
    rf"\b{_PREPOSITION}\s+(?:the\s+)?{_MONTH}\b(?P<relative>\s+(?:next|this|last)\s+year)?"
    rf"{_YEAR_AFTER}(?!\s+\d)",
    re.IGNORECASE,
)
_RELATIVE_MONTH = re.compile(
    rf"\b(?P<which>next|this|last)\s+(?:{_MONTH}\b{_YEAR_AFTER}(?!\s+\d)|month\b)", re.IGNORECASE
)
_SEASON = re.compile(
    rf"\b(?P<which>next|this|last|in\s+the|by\s+the|the|in|by|until|from)\s+"
    rf"(?P<season>{_words(SEASON_WORDS)})\b(?!\s+(?:of\s+)?(?:19|20)\d{{2}})",
    re.IGNORECASE,
)
_RELATIVE_YEAR = re.compile(
    r"\b(?:(?P<which>next|this|last)|the\s+end\s+of\s+the)\s+year\b", re.IGNORECASE
)
_WEEKDAY = re.compile(
    rf"\b(?P<which>on|next|this|last|since|by|until|from)\s+(?P<weekday>{_words(_FULL_WEEKDAYS)})"
    r"\b(?!,?\s+\d)",
    re.IGNORECASE,
)
# Not "the morning of 23 May" (that date is the mention), but "the publication today of
# the final report".
_DAY_FROM_PAGE = re.compile(
    rf"\b(?P<words>{alternation('milestones.days_from_page')})\b"
    rf"(?!\s+of\s+(?:the\s+)?(?:\d|(?:{_words(WEEKDAYS)}|{_MONTH_NAMES})\b))",
    re.IGNORECASE,
)
_BARE_YEAR_CUE = re.compile(
    rf"\b{_PREPOSITION}\s+(?:early\s+|late\s+|mid-?)?$|\b(?:early|late|mid-?)$", re.IGNORECASE
)
_FUTURE = re.compile(rf"\b(?:{alternation('milestones.future_cues')})\b", re.IGNORECASE)
_PAST = re.compile(rf"\b(?:{alternation('milestones.past_cues')})\b", re.IGNORECASE)
_RELATIVE_PRONOUN = re.compile(
    rf"\b(?:{alternation('milestones.relative_pronouns')})\b", re.IGNORECASE
)
_ANTERIOR = re.compile(
    rf",\s+(?:{alternation('milestones.anterior_prepositions')})\b", re.IGNORECASE
)
_CLAUSE_JOIN = re.compile(
    rf"[,;]\s+(?:{alternation('milestones.clause_conjunctions')})\b", re.IGNORECASE
)


def find_date_mentions(
    sentence: str,
    reference: Reference,
    order: str = "dmy",
    absolute: list[tuple[int, int, FuzzyDate]] | None = None,
) -> list[DateMention]:
    """Every date the sentence states, absolute or relative, in order of position.

    ``absolute`` may pass the sentence's ``find_dates(..., allow_year=True)``
    result when the caller already has it.
    """
    if absolute is None:
        absolute = find_dates(sentence, order, allow_year=True)
    found = [
        DateMention(start, end, date)
        for start, end, date in absolute
        if date.precision != "year" or _BARE_YEAR_CUE.search(sentence[:start])
    ]
    if not mentions_relative_date(sentence):
        return found
    sentence_tense = tense(sentence)
    for pattern, reader in _RELATIVE_READERS:
        for match in pattern.finditer(sentence):
            if any(m.start < match.end() and match.start() < m.end for m in found):
                continue
            date = reader(match, reference, _tense_at(sentence, match.start(), sentence_tense))
            if date is not None:
                found.append(DateMention(match.start(), match.end(), date))
    return sorted(found, key=lambda m: m.start)


# Every relative date names a month, a season, a year, a weekday or a day counted from the
# page; most sentences name none, and a plain substring test says so faster than any pattern.
_RELATIVE_WORDS = (
    *(m for m in MONTHS if len(m) > 3 or m == "may"),
    *SEASON_WORDS,
    *_FULL_WEEKDAYS,
    *(phrase.split()[-1] for phrase in _DAYS_FROM_PAGE),
    "year",
    "month",
)


def mentions_relative_date(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in _RELATIVE_WORDS)


def tense(sentence: str) -> str:
    """ "future" for what is still to come ("will close", "due"), "past" for what has
    happened ("was published"), else ""."""
    if _FUTURE.search(sentence):
        return "future"
    return "past" if _PAST.search(sentence) else ""


def _tense_at(sentence: str, position: int, sentence_tense: str) -> str:
    """The tense a date at ``position`` is told in: a relative clause's own ("Ministers have
    launched a consultation, which closes on 11 May": to come), else that of its clause
    when a conjunction joins two ("… closed on 11 May, and ministers will respond …"), the
    past for a clause about what came before (", following the final report in May"),
    else the sentence's."""
    segment_start = sentence.rfind(",", 0, position) + 1
    pronouns = list(_RELATIVE_PRONOUN.finditer(sentence, segment_start, position))
    if pronouns:
        segment_end = sentence.find(",", position)
        return tense(sentence[pronouns[-1].start() : None if segment_end < 0 else segment_end])
    if segment_start and _ANTERIOR.match(sentence, segment_start - 1):
        return "past"
    joins = list(_CLAUSE_JOIN.finditer(sentence))
    if not joins:
        return sentence_tense
    start = max((join.end() for join in joins if join.end() <= position), default=0)
    end = min((join.start() for join in joins if join.start() >= position), default=None)
    return tense(sentence[start:end]) or sentence_tense


def _month_number(match: re.Match) -> int:
    return MONTHS[match.group("month").lower()]


def _day_month(match: re.Match, reference: Reference, tense: str) -> FuzzyDate | None:
    month, day = _month_number(match), int(match.group("day"))
    year = _year_for(reference, tense, lambda y: (y, month, day))
    try:
        return FuzzyDate(year, month, day) if year else None
    except ValueError:
        return None


def _month_alone(match: re.Match, reference: Reference, tense: str) -> FuzzyDate | None:
    month = _month_number(match)
    relative = (match.group("relative") or "").split()
    if relative:
        if reference.published is None:
            return None
        return FuzzyDate(reference.published.year + _OFFSETS[relative[0].lower()], month)
    year = _year_for(reference, tense, lambda y: (y, month, 1), whole_month=True)
    return FuzzyDate(year, month) if year else None


def _relative_month(match: re.Match, reference: Reference, tense: str) -> FuzzyDate | None:
    """ "next month", "last month", "next January": counted from the page's month."""
    published = reference.published
    if published is None or published.precision not in (DAY, MONTH):
        return None
    which = _OFFSETS[match.group("which").lower()]
    if match.group("month") is None:
        index = published.year * 12 + published.month - 1 + which
        return FuzzyDate(index // 12, index % 12 + 1)
    month = _month_number(match)
    year = published.year
    if which == 1 and month <= published.month:
        year += 1
    elif which == -1 and month >= published.month:
        year -= 1
    return FuzzyDate(year, month)


def _year_for(reference: Reference, tense: str, key, whole_month: bool = False) -> int | None:
    """The year of a date written without one: the next such date for a future event,
    the last one for a past event, else the article's own year."""
    today = reference.today
    if today is None:
        return reference.year
    current = (today.year, today.month, 1 if whole_month else today.day)
    year = today.year
    if tense == "future" and key(year) < current:
        year += 1
    elif tense == "past" and key(year) > current:
        year -= 1
    return year


def _season(match: re.Match, reference: Reference, tense: str) -> FuzzyDate | None:
    today = reference.today
    if today is None:
        return None
    season = SEASON_WORDS[match.group("season").lower()]
    around = [FuzzyDate(year, season=season) for year in range(today.year - 2, today.year + 2)]
    current = next((s for s in around if s.start() <= today <= s.end()), None)
    upcoming = next(s for s in around if s.start() > today)
    previous = [s for s in around if s.end() < today][-1]
    which = match.group("which").lower()
    if which == "next":
        return upcoming
    if which == "last":
        return previous
    # "in the summer": the one under way, else the coming one (the last one, told in the past).
    return current or (previous if tense == "past" else upcoming)


def _relative_year(match: re.Match, reference: Reference, tense: str) -> FuzzyDate | None:
    if reference.published is None:
        return None
    which = match.group("which")  # none in "the end of the year": the page's year
    return FuzzyDate(reference.published.year + (_OFFSETS[which.lower()] if which else 0))


def _weekday(match: re.Match, reference: Reference, tense: str) -> FuzzyDate | None:
    """ "on Monday": the Monday of the page's week, the one before when told in the past
    ("published on Monday" on a Tuesday), the one after when still to come."""
    today = reference.day
    if today is None:
        return None
    which = match.group("which").lower()
    ahead = (_FULL_WEEKDAYS.index(match.group("weekday").lower()) - today.weekday()) % 7
    if which == "next" or (which != "last" and tense == "future"):
        days = ahead or 7
    else:
        days = ahead - 7 if ahead else (-7 if which == "last" else 0)
    day = today + datetime.timedelta(days=days)
    return FuzzyDate(day.year, day.month, day.day)


def _day_from_page(match: re.Match, reference: Reference, tense: str) -> FuzzyDate | None:
    """ "today", "yesterday", "that morning": a day counted from the page's date."""
    today = reference.day
    if today is None:
        return None
    offset = _DAYS_FROM_PAGE[re.sub(r"\s+", " ", match.group("words").lower())]
    day = today + datetime.timedelta(days=offset)
    return FuzzyDate(day.year, day.month, day.day)


_RELATIVE_READERS = (
    (_DAY_MONTH, _day_month),
    (_MONTH_DAY, _day_month),
    (_MONTH_ALONE, _month_alone),
    (_RELATIVE_MONTH, _relative_month),
    (_SEASON, _season),
    (_RELATIVE_YEAR, _relative_year),
    (_WEEKDAY, _weekday),
    (_DAY_FROM_PAGE, _day_from_page),
)

"""Dates in running text, including those that need the article's own date to read.

Absolute dates ("30th March 2021", "in 2011") come from ``dates.find_dates``.
This module adds what only makes sense relative to when the article was
written: "31 December" and "10th May" without a year, "From January next
year", "next spring", "in the Summer", "this year", "today".
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .dates import MONTHS, SEASON_WORDS, WEEKDAYS, find_dates
from .fuzzydate import FuzzyDate


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    date: FuzzyDate


@dataclass(frozen=True)
class Reference:
    """What relative dates are read against: the article's date, or failing that a year
    inferred from the other dates in the same text."""

    published: FuzzyDate | None
    year: int | None

    @property
    def today(self) -> datetime.date | None:
        return self.published.start() if self.published else None


def _words(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_MONTH = rf"(?P<month>{_words(m for m in MONTHS if len(m) > 3 or m == 'may')})"
_YEAR_AFTER = r"(?!,?\s+(?:of\s+)?(?:19|20)\d{2})"
_DAY_MONTH = re.compile(
    rf"\b(?:(?:{_words(WEEKDAYS)}),?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"{_MONTH}\b{_YEAR_AFTER}",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b{_YEAR_AFTER}", re.IGNORECASE
)
_PREPOSITION = r"(?:in|from|by|until|till|since|before|after|during|of|early|late|mid-?|end\s+of)"
_MONTH_ALONE = re.compile(
    rf"\b{_PREPOSITION}\s+(?:the\s+)?{_MONTH}\b(?P<relative>\s+(?:next|this|last)\s+year)?"
    rf"{_YEAR_AFTER}(?!\s+\d)",
    re.IGNORECASE,
)
_SEASON = re.compile(
    rf"\b(?P<which>next|this|last|in\s+the|by\s+the|the|in|by|until|from)\s+"
    rf"(?P<season>{_words(SEASON_WORDS)})\b(?!\s+(?:of\s+)?(?:19|20)\d{{2}})",
    re.IGNORECASE,
)
_RELATIVE_YEAR = re.compile(r"\b(?P<which>next|this|last)\s+year\b", re.IGNORECASE)
_TODAY = re.compile(r"\btoday\b", re.IGNORECASE)
_BARE_YEAR_CUE = re.compile(
    rf"\b{_PREPOSITION}\s+(?:early\s+|late\s+|mid-?)?$|\b(?:early|late|mid-?)$", re.IGNORECASE
)
_FUTURE = re.compile(
    r"\b(?:will|shall|until|due|deadline|next|ahead|expected|going\s+to|plans?\s+to)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|closed|published|launched|began|started|received|announced|met|held|"
    r"ended|opened|took\s+place)\b",
    re.IGNORECASE,
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
    tense = _tense(sentence)
    for pattern, reader in _RELATIVE_READERS:
        for match in pattern.finditer(sentence):
            if any(m.start < match.end() and match.start() < m.end for m in found):
                continue
            date = reader(match, reference, tense)
            if date is not None:
                found.append(DateMention(match.start(), match.end(), date))
    return sorted(found, key=lambda m: m.start)


# Every relative date names a month, a season, a year or today; most sentences name none,
# and a plain substring test says so faster than any of the patterns below.
_RELATIVE_WORDS = (
    *(m for m in MONTHS if len(m) > 3 or m == "may"),
    *SEASON_WORDS,
    "year",
    "today",
)


def mentions_relative_date(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in _RELATIVE_WORDS)


def _tense(sentence: str) -> str:
    if _FUTURE.search(sentence):
        return "future"
    return "past" if _PAST.search(sentence) else ""


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
    if relative and reference.published:
        offset = {"next": 1, "this": 0, "last": -1}[relative[0].lower()]
        return FuzzyDate(reference.published.year + offset, month)
    year = _year_for(reference, tense, lambda y: (y, month, 1), whole_month=True)
    return FuzzyDate(year, month) if year else None


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
    offset = {"next": 1, "this": 0, "last": -1}[match.group("which").lower()]
    return FuzzyDate(reference.published.year + offset)


def _today(match: re.Match, reference: Reference, tense: str) -> FuzzyDate | None:
    published = reference.published
    return published if published and published.precision == "day" else None


_RELATIVE_READERS = (
    (_DAY_MONTH, _day_month),
    (_MONTH_DAY, _day_month),
    (_MONTH_ALONE, _month_alone),
    (_SEASON, _season),
    (_RELATIVE_YEAR, _relative_year),
    (_TODAY, _today),
)

"""Dates as British and ISO pages write them, read into ``FuzzyDate``.

``parse_date`` reads a whole string that is nothing but a date ("Friday 5th
February 2021", "19/04/21", "2021-05-23", "January 2022"); ``find_dates`` finds
dates inside running text. Numeric dates follow ``order``: "dmy" reads 03/04/21
as 3 April 2021, "mdy" as 4 March 2021. Two-digit years are 20xx. A bare year
counts only when the caller asks for it (``allow_year=True``), because a year
on its own line is rarely a publication date.
"""

from __future__ import annotations

import calendar
import re

from .fuzzydate import FuzzyDate
from .vocabulary import alternation, lexicon, word_list

# Month and weekday names are the lexicon's (names.months, names.weekdays, with the short
# forms under header); their numbers are the calendar's.
_MONTH_ORDER = list(calendar.month_name)
_WEEKDAY_ORDER = list(calendar.day_name)
_SHORT_MONTHS = lexicon()["header"]["month_abbreviations"]

MONTHS: dict[str, int] = {
    name.lower(): _MONTH_ORDER.index(name) for name in word_list("names.months")
} | {short: _MONTH_ORDER.index(name) for short, name in _SHORT_MONTHS.items()}

SEASON_WORDS: dict[str, str] = lexicon()["header"]["seasons"]

# Monday to Sunday first, then the short forms.
WEEKDAYS: tuple[str, ...] = (
    *(name.lower() for name in sorted(word_list("names.weekdays"), key=_WEEKDAY_ORDER.index)),
    *lexicon()["header"]["weekday_abbreviations"],
)

ORDERS = ("dmy", "mdy")


def _alternation(words) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_MONTH = rf"(?:{_alternation(MONTHS)})\.?"
_WEEKDAY = rf"(?:(?:{_alternation(WEEKDAYS)})\.?,?\s+)?"
_ORDINAL = r"(?:st|nd|rd|th)?"
_YEAR4 = r"(?:19|20)\d{2}"

_DATE_PATTERN = rf"""
    (?P<iso>(?P<iso_y>{_YEAR4})[-/](?P<iso_m>\d{{1,2}})[-/](?P<iso_d>\d{{1,2}}))
  | (?P<num>(?P<num_a>\d{{1,2}})(?P<sep>[/.-])(?P<num_b>\d{{1,2}})(?P=sep)
        (?P<num_y>{_YEAR4}|\d{{2}}))
  | (?P<dmy>{_WEEKDAY}(?P<dmy_d>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?(?P<dmy_m>{_MONTH}),?\s+
        (?P<dmy_y>{_YEAR4}))
  | (?P<mdy>{_WEEKDAY}(?P<mdy_m>{_MONTH})\s+(?P<mdy_d>\d{{1,2}}){_ORDINAL},?\s+
        (?P<mdy_y>{_YEAR4}))
  | (?P<my>(?P<my_m>{_MONTH}),?\s+(?P<my_y>{_YEAR4}))
  | (?P<season>(?P<season_s>{_alternation(SEASON_WORDS)})\s+(?:of\s+)?(?P<season_y>{_YEAR4})
        (?:[/–-](?P<season_next>\d{{2}}(?!\d)|{_YEAR4}))?)
  | (?P<year>{_YEAR4})
"""

# A time of day may follow a date on its own line ("9 Nov 2021 12.01 GMT"), then the dateline's
# place or the paper ("Tuesday May 24 2022, 12.01am, The Times"), and a note of when it was
# updated ("May 23, 2022 6:00 am (Updated 9:15 am)").
_CLOCK = (
    r"\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?"
    rf"(?:\s*(?:{alternation('header.time_zones')})(?:[+-]\d{{1,2}})?|\s*,\s*UK"
    r"|\s*[+-]\d{2}:?\d{2}|Z)?"
)
_TIME_SUFFIX = rf"""
    (?:(?:T|\s*[,|]?\s*(?:at\s+)?){_CLOCK}(?:,\s*[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){{0,3}})?)?
    (?:\s*\(\s*(?:last\s+)?updated:?\s+[^()]{{1,40}}\))?
"""

# Some pages put the time first ("06:00, 23 May 2022").
_WHOLE_DATE = re.compile(
    rf"\s*(?:{_CLOCK}\s*,?\s*)?(?:{_DATE_PATTERN}){_TIME_SUFFIX}[\s.,]*",
    re.IGNORECASE | re.VERBOSE,
)
_DATE_IN_TEXT = re.compile(
    rf"(?<![\w/.-])(?:{_DATE_PATTERN})(?![\w/-]|\.\d)", re.IGNORECASE | re.VERBOSE
)


def _full_year(digits: str) -> int:
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


def _date_from_match(match: re.Match, order: str, allow_year: bool) -> FuzzyDate | None:
    """Build the date a match describes, or None when it is not a real date."""
    group = match.group
    try:
        if group("iso"):
            return FuzzyDate(int(group("iso_y")), int(group("iso_m")), int(group("iso_d")))
        if group("num"):
            first, second = int(group("num_a")), int(group("num_b"))
            day, month = (first, second) if order == "dmy" else (second, first)
            return FuzzyDate(_full_year(group("num_y")), month, day)
        if group("dmy"):
            return FuzzyDate(int(group("dmy_y")), _month(group("dmy_m")), int(group("dmy_d")))
        if group("mdy"):
            return FuzzyDate(int(group("mdy_y")), _month(group("mdy_m")), int(group("mdy_d")))
        if group("my"):
            return FuzzyDate(int(group("my_y")), _month(group("my_m")))
        if group("season"):
            season = SEASON_WORDS[group("season_s").lower()]
            year = int(group("season_y"))
            # "Winter 2022/23" spans the turn of the year; it is named by its first year.
            if group("season_next") and _full_year(group("season_next")) != year + 1:
                return None
            return FuzzyDate(year, season=season)
    except ValueError:  # 31/02/21, month 13 and the like
        return None
    return FuzzyDate(int(group("year"))) if allow_year else None


def _month(word: str) -> int:
    return MONTHS[word.rstrip(".").lower()]


def _check_order(order: str) -> None:
    if order not in ORDERS:
        raise ValueError(f"date order must be one of {ORDERS}, not {order!r}")


def parse_date(text: str, order: str = "dmy", *, allow_year: bool = False) -> FuzzyDate | None:
    """The date that ``text`` consists of, or None if it is anything more or less."""
    _check_order(order)
    match = _WHOLE_DATE.fullmatch(text)
    return _date_from_match(match, order, allow_year) if match else None


def find_dates(
    text: str, order: str = "dmy", *, allow_year: bool = False
) -> list[tuple[int, int, FuzzyDate]]:
    """Every date inside running text, as (span start, span end, date), in order.

    A lower-case "may" before a year is read as the verb, not the month.
    """
    _check_order(order)
    found = []
    for match in _DATE_IN_TEXT.finditer(text):
        month_word = match.group("my_m") or match.group("dmy_m") or match.group("mdy_m")
        if month_word and month_word.islower() and month_word.startswith("may"):
            continue
        date = _date_from_match(match, order, allow_year)
        if date is not None:
            found.append((match.start(), match.end(), date))
    return found

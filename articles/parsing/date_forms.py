"""Dates in the forms the header's own patterns do not read, read by dateparser.

The compiled patterns of dates.py read the common forms in microseconds; dateparser
knows far more ("Tuesday the 24th of May, 2022", "3 Mar '21", "May 23rd 2022 at 6am")
but costs milliseconds a call, so it is asked only about what follows a date label
("Published", "Posted on") that the patterns could not read. Only absolute dates count
(a relative "2 days ago" is no publication date), a year is required, and the precision
is what the text gives: day, month or year.
"""

from __future__ import annotations

from functools import cache, lru_cache

from dateparser.date import DateDataParser

from .fuzzydate import FuzzyDate

# dateparser's parsers that read a date written out, not one counted from today.
_ABSOLUTE_PARSERS = ["custom-formats", "absolute-time"]


@cache
def _parser(order: str) -> DateDataParser:
    return DateDataParser(
        languages=["en"],
        settings={
            "DATE_ORDER": order.upper(),
            "PARSERS": _ABSOLUTE_PARSERS,
            "REQUIRE_PARTS": ["year"],
            "PREFER_DAY_OF_MONTH": "first",
        },
    )


@lru_cache(maxsize=1024)
def labelled_date(text: str, order: str = "dmy") -> FuzzyDate | None:
    """The date a labelled header line's text is, in any written form, or None."""
    if not any(character.isdigit() for character in text):
        return None
    found = _parser(order).get_date_data(text)
    if found.date_obj is None:
        return None
    when = found.date_obj
    if found.period == "day":
        return FuzzyDate(when.year, when.month, when.day)
    if found.period == "month":
        return FuzzyDate(when.year, when.month)
    return FuzzyDate(when.year)

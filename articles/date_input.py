"""Dates as readers type them into a date filter, read into the period they name.

"2021", "June 2021", "Jun 2021", "spring 2022", "23 May 2022", "23/05/2022" and the
ISO and EDTF forms ("2021-06", "2022-05-23", "2022-21" for spring 2022) all name a
period: a ``FuzzyDate``, whose ``start()`` and ``end()`` are its first and last day
and whose ``display()`` says it in words. Numeric dates are British, day first.
Seasons are meteorological, as everywhere in the archive: spring is March to May,
summer June to August, autumn September to November, and winter December to
February, named by the year it starts in ("winter 2021" and "winter 2021/22" both
run from December 2021 to February 2022).
"""

import re

from articles.parsing.dates import parse_date
from articles.parsing.fuzzydate import FuzzyDate

MAX_LENGTH = 40
EXAMPLES = "2021, June 2021, spring 2022, 23 May 2022 or 2022-05-23"

# The ISO and EDTF forms that the header reader does not take on their own.
_YEAR_MONTH = re.compile(r"((?:19|20)\d{2})-(\d{1,2})", re.ASCII)


class DateInputError(ValueError):
    """Text that names no date; its message is a sentence for the reader."""


def read_date(text: str) -> FuzzyDate:
    """The period ``text`` names, or ``DateInputError`` saying why it names none."""
    typed = " ".join(text.split())
    if not typed:
        raise DateInputError("Enter a date, for example " + EXAMPLES + ".")
    if len(typed) > MAX_LENGTH:
        raise DateInputError(f"That is too long for a date: use a form such as {EXAMPLES}.")
    found = _year_month(typed) or parse_date(typed, "dmy", allow_year=True)
    if found is None:
        raise DateInputError(f"“{typed}” is not a date the archive can read: try {EXAMPLES}.")
    return found


def _year_month(typed: str) -> FuzzyDate | None:
    """ "2021-06" as June 2021 and the EDTF season codes "2022-21" to "2022-24"."""
    match = _YEAR_MONTH.fullmatch(typed)
    if match is None:
        return None
    year, second = int(match[1]), int(match[2])
    try:
        if 21 <= second <= 24:
            return FuzzyDate.from_edtf(f"{year:04d}-{second}")
        return FuzzyDate(year, second)
    except ValueError as error:
        raise DateInputError(f"“{typed}” is not a date: there is no month {second}.") from error


def range_in_words(start: FuzzyDate | None, end: FuzzyDate | None) -> str:
    """A date filter's range as the heading says it: "from June 2021 to spring 2022"."""
    if start and end and start == end:
        return f"in {start.display()}" if start.precision != "day" else f"on {start.display()}"
    words = [f"from {start.display()}"] if start else []
    if end:
        words.append(f"to {end.display()}")
    return " ".join(words)

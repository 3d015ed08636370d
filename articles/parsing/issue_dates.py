"""The date of an issue, from a line above the headline of a magazine, newsletter or PDF.

"PSW | July 2021", "Autumn 2022 Newsletter", "Summer 2021", "12 | PSW July 2021":
the line holds a date and otherwise only the publication's name, issue words
(fixtures/lexicon.toml, ``header.issue_words``), an issue number and a page number.
"""

from __future__ import annotations

import re

from .dates import parse_date
from .fuzzydate import FuzzyDate
from .masthead import is_name_shaped
from .vocabulary import lowered

# How many lines above the headline may hold the issue line.
ISSUE_LOOKBACK = 12
ISSUE_LINE_MAX_WORDS = 12
_PARTS = re.compile(r"\s+[|–—]\s+|\s*,\s+")
_PAGE_NUMBER = re.compile(r"\d{1,3}")
_YEAR = re.compile(r"\d{2,4}")
# The longest date an issue line gives, in words ("Tuesday 24th of May 2022").
DATE_MAX_WORDS = 5


def issue_date(lines: list[str], headline_at: int, order: str) -> FuzzyDate | None:
    """The first issue line's date among the lines above the headline, if any.

    An issue is dated by month, season or year: a day above the headline is the
    site's today, not the story's date.
    """
    for line in lines[max(headline_at - ISSUE_LOOKBACK, 0) : headline_at]:
        date = read_issue_line(line, order)
        if date is not None and date.day is None:
            return date
    return None


def read_issue_line(line: str, order: str = "dmy") -> FuzzyDate | None:
    """The date of a line that is nothing but an issue's name, date and page number."""
    if len(line.split()) > ISSUE_LINE_MAX_WORDS or not _YEAR.search(line):
        return None
    dates = []
    for part in _PARTS.split(line.strip()):
        if _PAGE_NUMBER.fullmatch(part) or _is_name(part) or _is_issue_number(part):
            continue
        date = _dated_part(part, order)
        if date is None:
            return None
        dates.append(date)
    return dates[0] if len(dates) == 1 else None


def _dated_part(part: str, order: str) -> FuzzyDate | None:
    """The date in "PSW July 2021" or "Autumn 2022 Newsletter": a name or issue word around it."""
    words = part.split()
    for start in range(len(words)):
        for end in range(min(len(words), start + DATE_MAX_WORDS), start, -1):
            date = parse_date(" ".join(words[start:end]), order)
            if date is not None:
                rest = words[:start] + words[end:]
                return date if all(_is_name(word) for word in rest) else None
    return None


def _is_issue_number(text: str) -> bool:
    """ "Issue 14", "Vol. 3 No. 2"."""
    words = text.split()
    issue_words = lowered("header.issue_words")
    return all(word.lower() in issue_words or _PAGE_NUMBER.fullmatch(word) for word in words)


def _is_name(text: str) -> bool:
    issue_words = lowered("header.issue_words")
    words = text.split()
    return all(word.lower() in issue_words for word in words) or (
        is_name_shaped(text) and not any(char.isdigit() for char in text)
    )

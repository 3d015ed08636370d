"""The date of an issue, from a line above the headline of a magazine, newsletter or PDF.

"PSW | July 2021", "Autumn 2022 Newsletter", "Summer 2021", "12 | PSW July 2021":
the line holds a date and otherwise only the publication's name, issue words
(fixtures/lexicon.toml, ``header.issue_words``), an issue number and a page number.
A journal's issue line dates it by its year alone ("Vol. 18 No. 3, 2023", "2023, VOL.
29, NO. 4, 388–396"), above the headline or in the front matter under it.
"""

from __future__ import annotations

import re

from .dates import parse_date
from .fuzzydate import FuzzyDate
from .lines import ends_sentence
from .masthead import is_name_shaped
from .vocabulary import lowered

# How many lines above the headline may hold the issue line.
ISSUE_LOOKBACK = 12
ISSUE_LINE_MAX_WORDS = 12
_PARTS = re.compile(r"\s+[|–—]\s+|\s*,\s+")
_PAGE_NUMBER = re.compile(r"\d{1,3}|(?:pp?\.\s*)?\d{1,4}\s*[–-]\s*\d{1,4}")
_BARE_YEAR = re.compile(r"(?:19|20)\d\d")
# What a journal prints beside its issue line: the article's pages, its DOI or address.
_BESIDE_ISSUE = re.compile(
    r"\s*(?:\bpp?\.\s*\d+(?:\s*[–-]\s*\d+)?|https?://\S+|\bdoi:?\s+\S+)", re.IGNORECASE
)
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


def issue_date_below(lines: list[str], start: int, order: str) -> FuzzyDate | None:
    """The year of a numbered issue line ("Vol. 18 No. 3, 2023") in the front matter that
    starts at ``start`` (under a journal article's headline and abstract), before the
    article's first sentence."""
    for line in lines[start : start + ISSUE_LOOKBACK]:
        if ends_sentence(line):
            return None
        date = read_issue_line(line, order, numbered=True)
        if date is not None and date.day is None:
            return date
    return None


def read_issue_line(line: str, order: str = "dmy", numbered: bool = False) -> FuzzyDate | None:
    """The date of a line that is nothing but an issue's name, date and page number; a bare
    year dates a line with an issue number, and ``numbered`` asks for one."""
    if not _YEAR.search(line):
        return None
    line = _BESIDE_ISSUE.sub("", line)
    if len(line.split()) > ISSUE_LINE_MAX_WORDS or not _YEAR.search(line):
        return None
    parts = _PARTS.split(line.strip())
    has_number = any(_is_issue_number(part) and not part.isdigit() for part in parts)
    if numbered and not has_number:
        return None
    dates = []
    for part in parts:
        if has_number and _BARE_YEAR.fullmatch(part):
            dates.append(FuzzyDate(int(part)))
            continue
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

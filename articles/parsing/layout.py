"""Print layouts in a page dump: PDF pages and magazine pages laid end to end.

A PDF's text comes with form feeds between its pages, a running header or footer
repeated on each page ("The care review and the family courts | Briefing paper",
"1 nuffieldfjo.org.uk") and sentences cut by the page break. A magazine's text
carries page footers with the page number ("12 | PSW July 2021"). Both kinds of
running line are left out here, and a sentence cut by a page break is put back
together, so the stages after this one read the text as a reader does.
"""

from __future__ import annotations

import re
from collections import defaultdict

from . import lines as line_shapes  # a module reference: lines.py cleans layouts with this one
from .dates import find_dates

PAGE_BREAK = "\f"
# A running header or footer is a short line ...
RUNNING_MAX_WORDS = 14
# ... among the first or last few lines of at least two pages of a PDF,
RUNNING_EDGE_LINES = 3
RUNNING_MIN_PAGES = 2
# ... or, in any layout, a line carrying a page number that recurs with other page numbers.

_DIGITS = re.compile(r"\d+")
# A page number standing at the start or the end of a line ("12 | PSW July 2021", "... | 14").
_PAGE_NUMBER = re.compile(r"^(?P<start>\d{1,3})(?=[\s|–—-])|(?<=[\s|–—-])(?P<end>\d{1,3})$")
_PAGE_OF = re.compile(r"page \d+(?: (?:of|/) \d+)?", re.IGNORECASE)


def clean_layout(text: str) -> str:
    """The text without running headers, footers and page breaks; cut sentences re-joined."""
    raw_lines = text.split("\n")
    running = running_lines(raw_lines)
    if not running and PAGE_BREAK not in text:
        return text
    kept: list[str] = []
    # Page breaks and running lines stand between pages; a sentence cut by them closes up.
    between_pages = False
    for raw in raw_lines:
        line = _collapsed(raw)
        if PAGE_BREAK in raw or line in running:
            between_pages = True
        if line in running:
            continue
        if between_pages and line:
            while kept and not kept[-1].strip():
                kept.pop()
            if not _continues_over_break(kept, line):
                kept.append("")
            between_pages = False
        if line or not between_pages:
            kept.append(raw.replace(PAGE_BREAK, ""))
    return "\n".join(kept)


def running_lines(raw_lines: list[str]) -> set[str]:
    """The lines (collapsed) that are a running header or footer, or a "Page N of M"."""
    pages = _pages(raw_lines)
    lines_of: dict[str, set[str]] = defaultdict(set)
    numbers_of: dict[str, set[str]] = defaultdict(set)
    for line in (line for page_lines in pages for line in page_lines):
        if len(line.split()) > RUNNING_MAX_WORDS or line_shapes.ends_sentence(line):
            continue
        key = _shape(line)
        lines_of[key].add(line)
        number = _PAGE_NUMBER.search(line)
        if number and _names_a_publication(line[: number.start()] + line[number.end() :]):
            numbers_of[key].add(number["start"] or number["end"])
    numbered = {key for key, numbers in numbers_of.items() if len(numbers) >= 2}
    # A PDF copied without its page breaks still ends each page on its numbered footer.
    if numbered:
        pages = [page for page_lines in pages for page in _split_after(page_lines, numbered)]
    pages_of: dict[str, set[int]] = defaultdict(set)
    for page, page_lines in enumerate(pages):
        for line in {*page_lines[:RUNNING_EDGE_LINES], *page_lines[-RUNNING_EDGE_LINES:]}:
            pages_of[_shape(line)].add(page)
    running = {line for page_lines in pages for line in page_lines if _PAGE_OF.fullmatch(line)}
    for key, lines in lines_of.items():
        on_pages = len(pages_of[key]) >= RUNNING_MIN_PAGES
        if on_pages or key in numbered:
            # A dated line is running only where it comes back word for word on the pages'
            # edges (a committee's name and meeting date), not as a list of datelines.
            exact = on_pages and len(lines) == 1
            running.update(line for line in lines if exact or not _has_day_date(line))
    return running


def _split_after(page_lines: list[str], numbered: set[str]) -> list[list[str]]:
    """A page's lines cut into the pages that its numbered footers end."""
    pages: list[list[str]] = [[]]
    for line in page_lines:
        pages[-1].append(line)
        if _shape(line) in numbered:
            pages.append([])
    return [page for page in pages if page]


def _shape(line: str) -> str:
    """A line with its numbers blanked: the same running line on every page. Its parts
    between bars are taken in any order, as facing pages mirror a footer ("PAGE 201 |
    JOURNAL | VOL. 18" on one, "VOL. 18 | JOURNAL | PAGE 202" on the next)."""
    shape = _DIGITS.sub("#", line.lower())
    return " | ".join(sorted(shape.split(" | "))) if " | " in shape else shape


def _names_a_publication(rest: str) -> bool:
    """What stands beside a page number names the publication ("| PSW July 2021",
    "nuffieldfjo.org.uk"), unlike a numbered heading ("Step 2", "Recommendation 3")."""
    words = [word for word in rest.split() if any(char.isalnum() for char in word)]
    return len(words) >= 2 or any("." in word for word in words)


def _pages(raw_lines: list[str]) -> list[list[str]]:
    """The non-empty collapsed lines of each page.

    A page ends at a page break, or at a "Page N" line (a PDF copied without its page
    breaks); without either, the whole text is one page.
    """
    pages: list[list[str]] = [[]]
    for raw in raw_lines:
        if PAGE_BREAK in raw:
            pages.append([])
        line = _collapsed(raw)
        if line:
            pages[-1].append(line)
        if _PAGE_OF.fullmatch(line):
            pages.append([])
    return pages


def _continues_over_break(kept: list[str], line: str) -> bool:
    previous = _collapsed(kept[-1]) if kept else ""
    return bool(previous) and not line_shapes.ends_sentence(previous) and line[0].islower()


def _has_day_date(line: str) -> bool:
    """A line with a whole date on it is a dateline or a list of stories, not a page footer."""
    return any(date.day for _, _, date in find_dates(line))


def _collapsed(raw: str) -> str:
    return " ".join(raw.split())

"""A paper's cover sheet: the labelled fields over a council or committee report.

Reports to a council's committees, board papers and briefings open on a sheet of
fields ("Title: ...", "Date of meeting: 14 September 2022", "Report author: Jane
Doe, Head of Service") rather than a headline, dateline and byline. The title's
value may wrap over the lines of its block. A sheet has a title field and at
least one date or author field; its labels are in fixtures/lexicon.toml
([header.cover_fields]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .dates import parse_date
from .fuzzydate import FuzzyDate
from .header import bare_name
from .lines import wrapped_blocks
from .vocabulary import alternation

# The cover sheet stands in the first few blocks of the page.
COVER_LOOKAHEAD_BLOCKS = 20
# A title wraps over a few lines at most; a line with a label of its own is the next field.
TITLE_MAX_LINES = 4
_ANY_LABEL = re.compile(r"[A-Z][\w ’'-]{0,30}:\s")


@dataclass(frozen=True)
class CoverSheet:
    title: str = ""
    title_line: str = ""  # the title field's last line, as the page's lines have it
    published: FuzzyDate | None = None
    author: str = ""

    @property
    def found(self) -> bool:
        return bool(self.title and (self.published or self.author))


@cache
def _field(labels_key: str) -> re.Pattern:
    labels = alternation(labels_key)
    return re.compile(rf"\s*(?:{labels})\s*:\s*(?P<value>\S.*)", re.IGNORECASE)


def read_cover_sheet(text: str, order: str = "dmy") -> CoverSheet:
    """The cover sheet's title, date and author; an empty sheet if the page has none."""
    title = title_line = author = ""
    published = None
    for block in wrapped_blocks(text)[:COVER_LOOKAHEAD_BLOCKS]:
        for at, line in enumerate(block):
            if not title and (field := _field("header.cover_fields.title").fullmatch(line)):
                wrapped = _wrapped_title(block[at + 1 :])
                title = " ".join([field["value"], *wrapped])
                title_line = wrapped[-1] if wrapped else line
            elif published is None and (
                field := _field("header.cover_fields.date").fullmatch(line)
            ):
                published = parse_date(field["value"], order)
            elif not author and (field := _field("header.cover_fields.author").fullmatch(line)):
                author = bare_name(field["value"])
    return CoverSheet(title=title, title_line=title_line, published=published, author=author)


def _wrapped_title(after: tuple[str, ...]) -> list[str]:
    """The lines under the title field's that carry on its title."""
    lines: list[str] = []
    for line in after[: TITLE_MAX_LINES - 1]:
        if _ANY_LABEL.match(line):
            break
        lines.append(line)
    return lines

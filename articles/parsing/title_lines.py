"""A headline set over several lines, as PDFs and narrow layouts break it.

The lines after a headline's first that start in lower case continue it
("The care review and the family" / "courts: what the final report means" /
"for family justice"): a new line of a page never starts a sentence in lower case,
unless it is a byline ("by Alex Turner on May 23, 2022").
"""

from __future__ import annotations

from .header import read_header_line

# A headline is not longer than this many lines.
MAX_TITLE_LINES = 4


def title_end(lines: list[str], at: int) -> int:
    """The index of the last line of the headline starting at ``at``."""
    end = at
    while end + 1 < len(lines) and end - at + 1 < MAX_TITLE_LINES and _continues(lines[end + 1]):
        end += 1
    return end


def title_text(lines: list[str], at: int) -> str:
    return " ".join(lines[at : title_end(lines, at) + 1])


def _continues(line: str) -> bool:
    return line[:1].islower() and read_header_line(line) is None

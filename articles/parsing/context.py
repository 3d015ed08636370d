"""What every stage of reading a page needs, worked out once per page."""

from __future__ import annotations

from dataclasses import dataclass

from .furniture import Furniture
from .outlet import OutletMatch


@dataclass(frozen=True)
class PageContext:
    text: str  # the decoded page
    lines: list[str]  # its lines, wrapped lines re-joined, learned chrome left out
    outlet: OutletMatch
    masthead: str  # the name the page's masthead gives (masthead.py), or ""
    furniture: Furniture  # general furniture plus the outlet's own
    order: str  # how the outlet writes numeric dates: "dmy" or "mdy"
    menus: set[int]  # indexes of lines that are runs of menu items
    faq: bool  # the page is a page of questions and answers
    speech_headings: frozenset[int]  # indexes of lines heading a debate's speeches

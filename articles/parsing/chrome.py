"""An outlet's chrome learned from the archive: lines that recur across its pages.

This is template detection. A line's fingerprint ignores case, spacing and
typography, so the same menu or footer line matches on every page of the outlet
that prints it. What counts as chrome, and why:

- A line counts once per page (a page's own repeated line is not chrome), and
  once per article: pages that share their longest prose line are versions of one
  article (an update, a re-post), not two pages of the template.
- A short label (up to ``LABEL_MAX_WORDS`` words: a menu item, a button, a section
  name) is chrome on at least ``LABEL_MIN_ARTICLES`` articles and
  ``LABEL_MIN_SHARE`` of the outlet's articles. A longer line (a headline in a
  "most read" list, a sentence quoted verbatim in two stories, a footer) needs
  ``LINE_MIN_ARTICLES`` articles and ``LINE_MIN_SHARE`` of them: the template
  prints it on most pages, a story's text recurs on a few.
- A line that states a page's own facts (a date, a byline, a writer's name or
  job, a section label that sets the article's kind) is never chrome: it recurs
  because one writer writes many of the pages, or many appear on one day.
- A line that heads a header on any of the pages (a headline-shaped line with a
  date or byline in the few lines under it) is a story's headline, never chrome,
  however many "most read" boxes list it.
- Nothing is learned for "Unknown outlet": its pages share no template.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .header import read_header_line
from .kind import OPINION_LABEL
from .lines import is_headline, is_prose, join_wrapped_lines, word_count
from .names import normalise_name
from .outlet import UNKNOWN_OUTLET

LABEL_MAX_WORDS = 5
LABEL_MIN_ARTICLES, LABEL_MIN_SHARE = 3, 0.2
LINE_MIN_ARTICLES, LINE_MIN_SHARE = 4, 0.4
# A headline's date or byline stands within this many lines under it.
HEADER_LINES = 3


def fingerprint(line: str) -> str:
    return hashlib.blake2b(normalise_name(line).encode(), digest_size=8).hexdigest()


def without_learned_chrome(lines: list[str], learned: frozenset[str]) -> list[str]:
    if not learned:
        return lines
    return [line for line in lines if fingerprint(line) not in learned]


@dataclass(frozen=True)
class PageLines:
    """What learning needs of one page."""

    # Fingerprint -> the line as printed.
    lines: dict[str, str]
    # The fingerprint of its longest prose line ("" without one): versions of one article share it.
    article: str
    # The fingerprints of its lines that head a header: headlines, its own or other stories'.
    headlines: frozenset[str] = frozenset()


@dataclass(frozen=True)
class LearnedLine:
    fingerprint: str
    line: str
    articles: int  # on how many of the articles learned from it stands


def page_lines(text: str) -> PageLines:
    """The page's lines as the parser reads them (wrapped lines joined), by fingerprint."""
    lines = join_wrapped_lines(text)
    prose = [line for line in lines if is_prose(line)]
    article = fingerprint(max(prose, key=len)) if prose else ""
    headlines = frozenset(
        fingerprint(line) for at, line in enumerate(lines) if _heads_a_header(lines, at)
    )
    return PageLines(
        lines={fingerprint(line): line for line in lines}, article=article, headlines=headlines
    )


def learn_chrome(outlet: str, pages: Iterable[PageLines]) -> list[LearnedLine]:
    """The lines that recur across enough of one outlet's articles to be its chrome."""
    if outlet == UNKNOWN_OUTLET:
        return []
    by_article: dict[str, dict[str, str]] = {}
    headlines: set[str] = set()
    for index, page in enumerate(pages):
        key = page.article or f"page {index}"
        by_article.setdefault(key, {}).update(page.lines)
        headlines |= page.headlines
    counts = Counter(fp for lines in by_article.values() for fp in lines)
    printed = {fp: line for lines in by_article.values() for fp, line in lines.items()}
    total = len(by_article)
    return sorted(
        (
            LearnedLine(fp, printed[fp], count)
            for fp, count in counts.items()
            if count >= _articles_needed(printed[fp], total)
            and fp not in headlines
            and not _states_page_facts(printed[fp])
        ),
        key=lambda learned: (-learned.articles, learned.line),
    )


def _articles_needed(line: str, total: int) -> float:
    if word_count(line) <= LABEL_MAX_WORDS:
        return max(LABEL_MIN_ARTICLES, LABEL_MIN_SHARE * total)
    return max(LINE_MIN_ARTICLES, LINE_MIN_SHARE * total)


def _heads_a_header(lines: list[str], at: int) -> bool:
    below = lines[at + 1 : at + 1 + HEADER_LINES]
    return is_headline(lines[at]) and any(_is_date_or_byline(line) for line in below)


def _is_date_or_byline(line: str) -> bool:
    return any(
        (header := read_header_line(line, order)) is not None and bool(header.date or header.author)
        for order in ("dmy", "mdy")
    )


def _states_page_facts(line: str) -> bool:
    if OPINION_LABEL.fullmatch(line):
        return True
    return any(read_header_line(line, order) is not None for order in ("dmy", "mdy"))

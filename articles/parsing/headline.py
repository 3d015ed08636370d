"""The headline: the first headline-shaped line before the prose, chosen among candidates."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from .boxes import is_pitch_and_button
from .captions import caption
from .context import PageContext
from .header import read_header_line
from .header_block import Header, read_header
from .issue_dates import read_issue_line
from .lines import HEADLINE_WORDS, is_breadcrumb, is_headline, is_prose, is_question, word_count
from .masthead import MASTHEAD_LOOKAHEAD, is_leading_chrome, is_masthead_line
from .outlet import OutletMatch
from .title_lines import title_text
from .vocabulary import alternation

INFERRED_TITLE_WORDS = 12
# A section title ("Children's social care reform") is short; a headline may be too.
SECTION_TITLE_MAX_WORDS = 7
# A title this short counts only right under a date line (``_dated_short_title``).
SHORT_TITLE_MIN_WORDS = 2
# A headline written as a sentence or two, counted only with a header under it.
SENTENCE_TITLE_MAX_WORDS = 25
_QUESTIONS_ABOUT = re.compile(
    r"questions about (?P<subject>(?:the )?[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*)"
)
_FIRST_SENTENCE = re.compile(r".+?[.!?](?=\s|$)")
_LINK = re.compile(rf"(?:{alternation('header.link_prefixes')})\b", re.IGNORECASE)
_TAGLINE = re.compile(
    rf"(?:the|a|your)\s+(?:[\w’'-]+\s+)?(?:{alternation('header.publication_nouns')})\s+"
    r"(?:for|of|from)\b",
    re.IGNORECASE,
)


def find_headline(ctx: PageContext) -> int | None:
    """The headline: a headline-shaped line before the prose, skipping menus and furniture.

    Of several candidates (a site's name, a section title, a banner), the one
    with a header under it (standfirst, byline, date) or a date above it wins;
    failing that, the last before the prose (a site's tagline and banners come
    first; the headline stands over its text), never the tagline right under
    the masthead. A page with no other headline may write it as a sentence or
    two ("Here's what the Case for Change gets wrong."): a prose line counts
    then, but only with a header under it; before that, a title too short for a
    headline counts right under a date line (``_dated_short_title``). The prose
    starts with two prose lines in a row: a lone sentence above the headline (a
    site's tagline) does not end the search, but a candidate after it must have a
    header to count.
    (The header lookahead is a few lines, so this stays linear.)
    """
    lines, order = ctx.lines, ctx.order
    candidates: list[int] = []
    plain_candidates: list[int] = []  # before any prose line, not the tagline
    sentence_candidates: list[int] = []  # prose lines short enough to be a headline
    short_candidates: list[int] = []  # titles of two or three words under a date line
    seen_prose = False
    tagline_at = _tagline_at(ctx)
    for index, following in pairwise(_kept_lines(ctx)):
        line = lines[index]
        header_line = read_header_line(line, order)
        # Header matter is not a headline: a date, a byline, an age ("2y ago · 52 min").
        if header_line is not None and (
            header_line.date or header_line.author or header_line.relative
        ):
            continue
        if is_headline(title_text(lines, index)) and not (ctx.faq and is_question(line)):
            candidates.append(index)
            if not seen_prose and index != tagline_at:
                plain_candidates.append(index)
        elif _dated_short_title(ctx, index):
            short_candidates.append(index)
        elif is_prose(line):
            if word_count(line) <= SENTENCE_TITLE_MAX_WORDS:
                sentence_candidates.append(index)
            if seen_prose or following is None or is_prose(lines[following]):
                break
            seen_prose = True
    # A tagline over menus and the headline could take the headline for its standfirst.
    headed = [
        (at, header)
        for at, header in _headed(ctx, candidates)
        if not (at == tagline_at and header.standfirst)
    ]
    if not headed and plain_candidates:
        return plain_candidates[-1]
    if not headed:
        headed = _headed(ctx, short_candidates)[:1] or _headed(ctx, sentence_candidates)[:1]
    if not headed:
        return None
    chosen, header = headed[0]
    for at, later in headed[1:]:
        # A section title above the headline takes headline and standfirst for its
        # standfirst; the headline, under the same date, is longer and has its own.
        longer = word_count(lines[at]) > word_count(lines[chosen])
        section_title = word_count(lines[chosen]) <= SECTION_TITLE_MAX_WORDS
        if at < header.body_start and later.standfirst and longer and section_title:
            chosen, header = at, later
    return chosen


def _dated_short_title(ctx: PageContext, index: int) -> bool:
    """A title of two or three words right under the page's date line ("Volume 728:
    debated on Wednesday 8 March 2023" over "Kinship Care"): too short to be taken for a
    headline on its own, and read as a menu item among the page's short links, but the
    date above it says what it is."""
    title = title_text(ctx.lines, index)
    too_short = word_count(title) < HEADLINE_WORDS[0]
    if not index or not too_short or not is_headline(title, fewest_words=SHORT_TITLE_MIN_WORDS):
        return False
    above = read_header_line(ctx.lines[index - 1], ctx.order)
    return above is not None and above.date is not None


def _headed(ctx: PageContext, candidates: list[int]) -> list[tuple[int, Header]]:
    headers = ((at, read_header(ctx, at)) for at in candidates)
    return [(at, header) for at, header in headers if header.found]


def _tagline_at(ctx: PageContext) -> int | None:
    """The line right under the masthead ("Academic rigour, journalistic flair")."""
    for index, line in enumerate(ctx.lines[:MASTHEAD_LOOKAHEAD]):
        if is_masthead_line(line, ctx.masthead):
            return index + 1
    return None


def _kept_lines(ctx: PageContext) -> Iterator[int | None]:
    """Indexes of the lines that may be the headline, read lazily, then None."""
    for index, line in enumerate(ctx.lines):
        if _may_be_headline(ctx, index, line):
            yield index
    yield None


def _may_be_headline(ctx: PageContext, index: int, line: str) -> bool:
    """Not a menu, furniture, caption, breadcrumb, link, issue line, a box's pitch and
    button, the page's masthead or a periodical's tagline, nor a debate's speaker heading
    or the speech under it."""
    return not (
        (index in ctx.menus and not _dated_short_title(ctx, index))
        or index in ctx.speech_headings
        or index - 1 in ctx.speech_headings  # a speech's first line
        or ctx.furniture.is_furniture(line)
        or caption(line)
        or is_breadcrumb(line)
        or is_leading_chrome(line)
        or is_masthead_line(line, ctx.masthead)
        or read_issue_line(line, ctx.order) is not None
        or _LINK.match(line)
        or _TAGLINE.match(line)
        or is_pitch_and_button(line)
    )


def inferred_title(text: str, paragraphs: list[str], outlet: OutletMatch, faq: bool) -> str:
    """A descriptive title for a page without a headline."""
    if faq:
        about = _QUESTIONS_ABOUT.search(text)
        subject = about["subject"] if about else (outlet.name if outlet.known else "")
        return f"Frequently asked questions about {subject}".strip().removesuffix(" about")
    first = _FIRST_SENTENCE.match(paragraphs[0])
    words = (first.group() if first else paragraphs[0]).rstrip(".!?").split()
    if len(words) <= INFERRED_TITLE_WORDS:
        return " ".join(words)
    return " ".join(words[:INFERRED_TITLE_WORDS]) + "…"

"""From the text of a page to its parts: outlet, headline, header, body, captions, links.

The page is read as lines. The headline is the first headline-shaped line that
comes before any prose; the header is the few lines after it (standfirst, then
byline and date); the body runs from there until the article ends — at an end
marker (furniture.py) or a sidebar of other stories — losing its inline
furniture, captions and repeated headlines on the way. Nothing is guessed: a
date outside the header is not the publication date, and a page without a
headline gets a descriptive title and a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .authority import Authority
from .dates import parse_date
from .decode import MAX_SOURCE_BYTES
from .furniture import Furniture, furniture_for, is_picture_credit, menu_runs
from .fuzzydate import FuzzyDate
from .header import HeaderLine, read_header_line
from .lines import (
    ends_sentence,
    is_headline,
    is_prose,
    is_question,
    join_wrapped_lines,
    word_count,
)
from .names import normalise_name
from .outlet import OutletMatch, identify_outlet
from .types import PageParts, SourceError

MAX_TEXT_CHARS = MAX_SOURCE_BYTES
# How many lines after the headline may hold the standfirst, byline and date.
HEADER_LOOKAHEAD = 6
MAX_STANDFIRST_LINES = 2
# A standfirst line says something: shorter lines ("News", "Blog") are menus and labels.
STANDFIRST_MIN_WORDS = 4
# This many prose paragraphs in a row after an end marker mean the article goes on.
RESUME_PROSE_RUN = 3
# A page with this many question lines is a page of questions and answers.
FAQ_MIN_QUESTIONS = 3
# A body does not start or end on a heading: short unpunctuated lines there are furniture.
STRAY_HEADING_WORDS = 8
INFERRED_TITLE_WORDS = 12
# A section label ("Opinion") may stand this many lines above the headline.
KICKER_LINES = 3
# A line this short right after a byline is the writer's role.
ROLE_WORDS = 8
# A line printed twice in a row is a picture's caption, unless it is a whole paragraph.
CAPTION_MAX_WORDS = 40

NO_DATE_WARNING = "no publication date found"
INFERRED_TITLE_WARNING = "title inferred from the content: the page has no headline"

# A description, then who took the picture ("... earlier this year. Picture: Josh MacAlister").
_CAPTION = re.compile(
    r".{10,}?[\s.,;:–—-](?:Picture|Photo|Photograph|Image|Illustration)s?"
    r"(?: credits?)?\s*:\s*\S.{0,100}"
)
_LABELLED_CAPTION = re.compile(r"(?:image )?caption\s*[,:]\s*(?P<text>.+)", re.IGNORECASE)
_OPINION_LABEL = re.compile(
    r"(?:opinion|comment|blog|viewpoint|column|editorial|guest (?:post|blog|column)|"
    r"comment is free)(?:\s*[|:/–—-].{0,60})?",
    re.IGNORECASE,
)
_OPINION_PREFIX = re.compile(
    r"(?:opinion|comment|blog|viewpoint|column|editorial)\s*[|:–—-]\s", re.IGNORECASE
)
_URL = re.compile(r"https?://[^\s<>\"“”‘’()\[\]{}]+")
_QUESTIONS_ABOUT = re.compile(
    r"questions about (?P<subject>(?:the )?[A-Z][\w’'-]*(?: [A-Z][\w’'-]*)*)"
)
_FIRST_SENTENCE = re.compile(r".+?[.!?](?=\s|$)")


@dataclass
class _Header:
    body_start: int
    standfirst: str = ""
    published: FuzzyDate | None = None
    author: str = ""
    captions: list[str] = field(default_factory=list)
    found: bool = False  # a date or byline stood under the headline (or a date above it)


@dataclass
class _Body:
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)


def split_page(text: str, authority: Authority) -> PageParts:
    """Split a decoded page into its parts; raises SourceError when no article is left."""
    if len(text) > MAX_TEXT_CHARS:
        raise SourceError(f"text is over the {MAX_TEXT_CHARS // (1024 * 1024)} MB limit")
    outlet = identify_outlet(text, authority.outlets)
    profile = outlet.profile
    order = profile.date_order if profile else "dmy"
    furniture = furniture_for(profile.furniture if profile else ())
    lines = join_wrapped_lines(text)

    questions = sum(1 for line in lines if is_question(line) and not furniture.is_furniture(line))
    faq = questions >= FAQ_MIN_QUESTIONS
    menus = menu_runs(lines)
    title_at = _find_headline(lines, menus, furniture, order, faq)
    headline = lines[title_at] if title_at is not None else None
    header = _read_header(lines, title_at, furniture, order)
    body = _read_body(lines, header.body_start, headline, furniture, order)
    if not body.paragraphs:
        raise SourceError("no article text found after removing page furniture")

    warnings = []
    if title_at is None:
        title = _inferred_title(text, body.paragraphs, outlet, faq)
        warnings.append(INFERRED_TITLE_WARNING)
    else:
        title = lines[title_at]
    if not outlet.known:
        warnings.append(f"unknown outlet “{outlet.name}”")
    if header.published is None:
        warnings.append(NO_DATE_WARNING)
    return PageParts(
        outlet=outlet.name,
        outlet_known=outlet.known,
        title=title,
        standfirst=header.standfirst,
        published=header.published,
        author=header.author,
        paragraphs=body.paragraphs,
        captions=list(dict.fromkeys(header.captions + body.captions)),
        links=_links(text),
        kind=_kind(outlet, title, _label_lines(lines, menus, title_at, header.body_start)),
        warnings=warnings,
    )


def _find_headline(
    lines: list[str], menus: set[int], furniture: Furniture, order: str, faq: bool
) -> int | None:
    """The headline: a headline-shaped line before the prose, skipping menus and furniture.

    Of several candidates (a site's name, a section title, a banner), the one
    with a header under it (standfirst, byline, date) or a date above it wins;
    failing that, the first. The prose starts with two prose lines in a row: a
    lone sentence above the headline (a site's tagline) does not end the search,
    but a candidate after it must have a header to count.
    (The header lookahead is a few lines, so this stays linear.)
    """
    candidates: list[int] = []
    plain_candidates: list[int] = []  # before any prose line
    seen_prose = False
    kept = [
        index
        for index, line in enumerate(lines)
        if index not in menus and not furniture.is_furniture(line) and not _caption(line)
    ]
    for position, index in enumerate(kept):
        line = lines[index]
        header_line = read_header_line(line, order)
        if header_line is not None and (header_line.date or header_line.author):
            continue
        if is_headline(line) and not (faq and is_question(line)):
            candidates.append(index)
            if not seen_prose:
                plain_candidates.append(index)
        elif is_prose(line):
            following = kept[position + 1] if position + 1 < len(kept) else None
            if seen_prose or following is None or is_prose(lines[following]):
                break
            seen_prose = True
    headers = ((at, _read_header(lines, at, furniture, order)) for at in candidates)
    headed = [(at, header) for at, header in headers if header.found]
    if not headed:
        return plain_candidates[0] if plain_candidates else None
    chosen, header = headed[0]
    for at, later in headed[1:]:
        # A section title above the headline takes headline and standfirst for its
        # standfirst; the headline, under the same date, is longer and has its own.
        longer = word_count(lines[at]) > word_count(lines[chosen])
        if at < header.body_start and later.standfirst and longer:
            chosen, header = at, later
    return chosen


def _read_header(
    lines: list[str], title_at: int | None, furniture: Furniture, order: str
) -> _Header:
    """Standfirst, date and byline from the few lines after the headline.

    The header is found only when a date or byline line follows the headline
    after at most ``MAX_STANDFIRST_LINES`` lines of standfirst; the lines before
    it are the standfirst. Without one, the body starts right after the headline
    (and a date right above the headline may still date the page).
    """
    start = 0 if title_at is None else title_at + 1
    entries: list[tuple[int, str, HeaderLine | None]] = []
    for index in range(start, len(lines)):
        if len(entries) == HEADER_LOOKAHEAD:
            break
        line = lines[index]
        repeats_headline = title_at is not None and _repeats(line, lines[title_at])
        if repeats_headline or furniture.is_furniture(line):
            continue
        entries.append((index, line, read_header_line(line, order)))

    is_meta = [
        _is_meta(entries, position, title_at is not None) for position in range(len(entries))
    ]
    first = next((position for position, meta in enumerate(is_meta) if meta), None)
    allowed_before = 0 if title_at is None else MAX_STANDFIRST_LINES
    leading = entries[:first] if first is not None else []
    texts = [line for _, line, _ in leading if not _caption(line)]
    too_short = any(word_count(text) < STANDFIRST_MIN_WORDS for text in texts)
    if first is None or len(texts) > allowed_before or too_short:
        header = _Header(body_start=start)
    else:
        header = _header_from(entries, is_meta, first, standfirst=" ".join(texts))
        header.captions[:0] = [_caption(line) for _, line, _ in leading if _caption(line)]
    if header.published is None and title_at is not None:
        return _with_date_before_headline(header, lines, title_at, order)
    return header


def _header_from(
    entries: list[tuple[int, str, HeaderLine | None]],
    is_meta: list[bool],
    first: int,
    standfirst: str,
) -> _Header:
    """The header whose date and byline lines start at entry ``first``.

    Captions may stand between them, and a short line right after a byline is
    the writer's role ("Education correspondent, BBC News"). Some pages put the
    standfirst between byline and date: one line between two header lines is it
    when there was none above.
    """
    last = first
    for position in range(first + 1, len(entries)):
        line = entries[position][1]
        if is_meta[position]:
            last = position
        elif _standfirst_between(entries, is_meta, position, standfirst):
            standfirst = line
        elif not _caption(line):
            break
    run = entries[first : last + 1]
    metas = [entries[position][2] for position in range(first, last + 1) if is_meta[position]]
    captions = [_caption(line) for _, line, _ in run if _caption(line)]
    dates = [meta.date for meta in metas if meta.date]
    authors = [meta.author or meta.name for meta in metas if meta.author or meta.name]
    end = last
    role = entries[last + 1][1] if last + 1 < len(entries) else ""
    if metas[-1].author and role and not ends_sentence(role) and word_count(role) <= ROLE_WORDS:
        end = last + 1
    label = entries[end + 1][1] if end + 1 < len(entries) else ""
    if _OPINION_LABEL.fullmatch(label):
        end += 1
    return _Header(
        body_start=entries[end][0] + 1,
        standfirst=standfirst,
        published=dates[0] if dates else None,
        author=authors[0] if authors else "",
        captions=captions,
        found=bool(dates or authors),
    )


def _standfirst_between(
    entries: list[tuple[int, str, HeaderLine | None]],
    is_meta: list[bool],
    position: int,
    standfirst: str,
) -> bool:
    line = entries[position][1]
    return (
        not standfirst
        and is_meta[position - 1]
        and position + 1 < len(is_meta)
        and is_meta[position + 1]
        and word_count(line) >= STANDFIRST_MIN_WORDS
        and not _caption(line)
    )


def _is_meta(
    entries: list[tuple[int, str, HeaderLine | None]], position: int, after_headline: bool
) -> bool:
    """A date or explicit byline line, or a bare name or job under the headline or by a date.

    A bare name counts beside a date or a job line ("Eleanor Busby" / "Education
    Correspondent"), a job line beside a name or a date.
    """
    header_line = entries[position][2]
    if header_line is None:
        return False
    neighbours = [
        other for _, _, other in entries[max(position - 1, 0) : position + 2] if other is not None
    ]
    if header_line.role:
        return any(other.date or other.author or other.name for other in neighbours)
    if not header_line.is_byline_candidate or (after_headline and position == 0):
        return True
    return any(other.date or other.role for other in neighbours)


def _with_date_before_headline(
    header: _Header, lines: list[str], title_at: int, order: str
) -> _Header:
    """Some pages date the story on the line right above the headline."""
    header_line = read_header_line(lines[title_at - 1], order) if title_at else None
    if header_line is not None and header_line.date is not None:
        header.published = header_line.date
        header.author = header.author or header_line.author
        header.found = True
    return header


def _read_body(
    lines: list[str], start: int, headline: str | None, furniture: Furniture, order: str
) -> _Body:
    """The article's paragraphs and captions, up to where the article ends."""
    body = _Body()
    ended = doubled = False
    for position in range(start, len(lines)):
        line = lines[position]
        if doubled:  # the second copy of a doubled line
            doubled = False
            continue
        if ended and not _resumes(lines, position, furniture):
            continue
        ended = bool(body.paragraphs) and _ends_article(lines, position, furniture, order)
        if ended or furniture.is_furniture(line) or (headline and _repeats(line, headline)):
            continue
        doubled = position + 1 < len(lines) and lines[position + 1] == line
        caption = _caption(line) or _credited_caption(lines, position)
        if caption or (doubled and word_count(line) <= CAPTION_MAX_WORDS):
            body.captions.append(caption or line)
        else:
            body.paragraphs.append(line)
    while body.paragraphs and _is_stray_heading(body.paragraphs[-1]):
        body.paragraphs.pop()
    # Nor does it start on one: topic tags and section names left above the first paragraph.
    lead = 0
    while lead < len(body.paragraphs) - 1 and _is_stray_heading(body.paragraphs[lead]):
        lead += 1
    del body.paragraphs[:lead]
    return body


def _ends_article(lines: list[str], index: int, furniture: Furniture, order: str) -> bool:
    """An end marker, a sidebar entry (headline + date) or a list of doubled headlines."""
    line = lines[index]
    if furniture.ends_article(line):
        return True
    following = lines[index + 1 : index + 4]
    if is_headline(line) and following and parse_date(following[0], order):
        return True
    return (
        len(following) == 3
        and line == following[0]
        and following[1] == following[2]
        and is_headline(line)
        and is_headline(following[1])
    )


def _repeats(line: str, headline: str) -> bool:
    """Whether a line repeats the headline (ignoring case and typography)."""
    return abs(len(line) - len(headline)) <= 2 and normalise_name(line) == normalise_name(headline)


def _resumes(lines: list[str], index: int, furniture: Furniture) -> bool:
    run = lines[index : index + RESUME_PROSE_RUN]
    return len(run) == RESUME_PROSE_RUN and all(
        is_prose(line) and not furniture.is_furniture(line) for line in run
    )


def _is_stray_heading(paragraph: str) -> bool:
    return (
        not ends_sentence(paragraph)
        and word_count(paragraph) <= STRAY_HEADING_WORDS
        and not _URL.search(paragraph)
    )


def _caption(line: str) -> str:
    """The caption a line is ("... Picture: Jane Doe", "Image caption, ..."), or ""."""
    labelled = _LABELLED_CAPTION.fullmatch(line)
    if labelled:
        return labelled["text"]
    return line if _CAPTION.fullmatch(line) else ""


def _credited_caption(lines: list[str], index: int) -> str:
    """An unpunctuated line under a picture agency's credit is the picture's caption."""
    line = lines[index]
    credited = index > 0 and is_picture_credit(lines[index - 1])
    return (
        line
        if credited and not ends_sentence(line) and word_count(line) <= CAPTION_MAX_WORDS
        else ""
    )


def _inferred_title(text: str, paragraphs: list[str], outlet: OutletMatch, faq: bool) -> str:
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


def _label_lines(lines: list[str], menus: set[int], title_at: int | None, end: int) -> list[str]:
    """The lines that may label the article ("Opinion"): the header and a kicker above the
    headline, but not a menu that lists every section. A menu word repeated right above
    the headline, where the menu runs into the kicker, is the kicker."""
    start = 0 if title_at is None else max(title_at - KICKER_LINES, 0)
    earlier = set(lines[:start])
    return [
        lines[index]
        for index in range(start, end)
        if index not in menus or (index < (title_at or 0) and lines[index] in earlier)
    ]


def _kind(outlet: OutletMatch, title: str, header_lines: list[str]) -> str:
    if outlet.profile and outlet.profile.article_kind == "official":
        return "official"
    if _OPINION_PREFIX.match(title) or any(_OPINION_LABEL.fullmatch(line) for line in header_lines):
        return "opinion"
    return outlet.profile.article_kind if outlet.profile else "news"


def _links(text: str) -> list[str]:
    return list(dict.fromkeys(url.rstrip(".,;:!?'’") for url in _URL.findall(text)))

"""The header under the headline: standfirst, byline and date, read from a few lines."""

from __future__ import annotations

from dataclasses import dataclass, field

from .boxes import block_ids
from .captions import caption
from .context import PageContext
from .fuzzydate import FuzzyDate
from .header import HeaderLine, read_header_line
from .issue_dates import issue_date
from .kind import OPINION_LABEL
from .lines import ends_sentence, is_breadcrumb, repeats, word_count, wrapped_blocks
from .title_lines import title_end, title_text
from .vocabulary import lowered

# How many lines after the headline may hold the standfirst, byline and date.
HEADER_LOOKAHEAD = 6
MAX_STANDFIRST_LINES = 2
# A standfirst of summary points, none a finished sentence, may run longer (MailOnline's bullets).
MAX_SUMMARY_LINES = 4
# A standfirst line says something: shorter lines ("News", "Blog") are menus and labels.
STANDFIRST_MIN_WORDS = 4
# A byline may stand this many lines above the headline.
WRITER_ABOVE_LINES = 2
# A line this short right after a byline is the writer's role.
ROLE_WORDS = 8
# A heading after a labelled summary is a short line that is no sentence.
HEADING_MAX_WORDS = 8
# An abstract's label may stand under this many lines of front matter (the affiliations).
ABSTRACT_LOOKAHEAD = 4


@dataclass
class Header:
    body_start: int
    standfirst: str = ""
    published: FuzzyDate | None = None
    author: str = ""
    captions: list[str] = field(default_factory=list)
    found: bool = False  # a date or byline stood under the headline (or a date above it)


def read_header(ctx: PageContext, title_at: int | None) -> Header:
    """Standfirst, date and byline from the few lines after the headline.

    The header is found only when a date or byline line follows the headline
    after at most ``MAX_STANDFIRST_LINES`` lines of standfirst; the lines before
    it are the standfirst. Without one, the body starts right after the headline
    (and a date right above the headline, or an issue line above it, may still date the page).
    """
    lines, furniture, order = ctx.lines, ctx.furniture, ctx.order
    start = 0 if title_at is None else title_end(lines, title_at) + 1
    headline = "" if title_at is None else title_text(lines, title_at)
    entries: list[tuple[int, str, HeaderLine | None]] = []
    for index in range(start, len(lines)):
        if len(entries) == HEADER_LOOKAHEAD:
            break
        line = lines[index]
        repeats_headline = title_at is not None and repeats(line, headline)
        # A header line (a date, a byline, a relative time) is read as one even where the
        # body would drop it as furniture ("3 days ago" beside a comment).
        header_line = read_header_line(line, order)
        if entries and _announces_role(entries[-1]) and header_line and not header_line.date:
            header_line = HeaderLine(role=True)  # "Jane Doe," / "Local Democracy Reporter"
        furniture_line = header_line is None and furniture.is_furniture(line)
        if repeats_headline or furniture_line or _is_kind_label(line) or is_breadcrumb(line):
            continue
        entries.append((index, line, header_line))

    is_meta = [
        _is_meta(entries, position, title_at is not None) for position in range(len(entries))
    ]
    first = next((position for position, meta in enumerate(is_meta) if meta), None)
    leading = entries[:first] if first is not None else []
    texts = _without_label_above_byline([line for _, line, _ in leading if not caption(line)])
    allowed_before = _standfirst_lines_allowed(texts) if title_at is not None else 0
    too_short = any(word_count(text) < STANDFIRST_MIN_WORDS for text in texts)
    if first is None or len(texts) > allowed_before or too_short:
        header = Header(body_start=start)
    else:
        header = _header_from(entries, is_meta, first, standfirst=" ".join(texts))
        header.captions[:0] = [caption(line) for _, line, _ in leading if caption(line)]
    if header.published is None and title_at is not None:
        header = _with_date_before_headline(header, lines, title_at, order)
    if header.published is None and title_at is not None:
        header.published = issue_date(lines, title_at, order)
    if not header.author and title_at is not None:
        header.author = _writer_above(lines, title_at, order)
    return header


def _writer_above(lines: list[str], title_at: int, order: str) -> str:
    """A byline over the headline, perhaps over its time, as forums put it ("Posted by
    u/jane_doe" / "3 hr. ago" / the headline)."""
    for line in reversed(lines[max(title_at - WRITER_ABOVE_LINES, 0) : title_at]):
        header_line = read_header_line(line, order)
        if header_line is None:
            return ""
        if header_line.author:
            return header_line.author
    return ""


def _without_label_above_byline(texts: list[str]) -> list[str]:
    """The standfirst lines without a short label under them, just above the byline (a
    series or topic tag: "Children in care"); a label with no standfirst over it stays,
    and so stops the header (a menu is no standfirst)."""
    label_under_standfirst = (
        len(texts) >= 2
        and word_count(texts[-1]) < STANDFIRST_MIN_WORDS
        and word_count(texts[-2]) >= STANDFIRST_MIN_WORDS
    )
    return texts[:-1] if label_under_standfirst else texts


def _announces_role(entry: tuple[int, str, HeaderLine | None]) -> bool:
    """A name closed by a comma: the writer's role is on the next line."""
    _, line, header_line = entry
    return line.endswith(",") and header_line is not None and bool(header_line.name)


def _is_kind_label(line: str) -> bool:
    return line.strip(" :").lower() in lowered("header.kind_labels")


def _standfirst_lines_allowed(texts: list[str]) -> int:
    summary = not any(ends_sentence(text) for text in texts)
    return MAX_SUMMARY_LINES if summary else MAX_STANDFIRST_LINES


def _header_from(
    entries: list[tuple[int, str, HeaderLine | None]],
    is_meta: list[bool],
    first: int,
    standfirst: str,
) -> Header:
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
        elif not caption(line):
            break
    run = entries[first : last + 1]
    metas = [entries[position][2] for position in range(first, last + 1) if is_meta[position]]
    captions = [caption(line) for _, line, _ in run if caption(line)]
    dated = sorted((meta for meta in metas if meta.date), key=lambda meta: meta.rank)
    dates = [meta.date for meta in dated]
    authors = [meta.author or meta.name for meta in metas if meta.author or meta.name]
    end = last
    role = entries[last + 1][1] if last + 1 < len(entries) else ""
    if metas[-1].author and role and not ends_sentence(role) and word_count(role) <= ROLE_WORDS:
        end = last + 1
    label = entries[end + 1][1] if end + 1 < len(entries) else ""
    if OPINION_LABEL.fullmatch(label):
        end += 1
    return Header(
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
        and not caption(line)
    )


def _is_meta(
    entries: list[tuple[int, str, HeaderLine | None]], position: int, after_headline: bool
) -> bool:
    """A date or explicit byline line, or a bare name or job under the headline or by a date.

    A bare name counts beside other header matter: a date, a relative or reading time
    ("3 days ago", "6 min read") or a job line ("Eleanor Busby" / "Education
    Correspondent"); a job line counts beside a name or a date.
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
    return any(other.is_header_matter for other in neighbours)


def _with_date_before_headline(
    header: Header, lines: list[str], title_at: int, order: str
) -> Header:
    """Some pages date the story on the line right above the headline."""
    header_line = read_header_line(lines[title_at - 1], order) if title_at else None
    if header_line is not None and header_line.date is not None:
        header.published = header_line.date
        header.author = header.author or header_line.author
        header.found = True
    return header


def labelled_summary(lines: list[str], body_start: int, paragraphs: list[str]) -> str:
    """The standfirst of a page that labels it ("Summary" over "This briefing summarises
    ..."): the label ends the header or opens the body, and its section is one paragraph,
    the next a heading ("Overview"). A summary of several paragraphs is the body's own
    first section."""
    labels = lowered("header.summary_labels")
    around = lines[max(body_start - 1, 0) : body_start + 1]
    if not any(line.strip().rstrip(":").lower() in labels for line in around):
        return ""
    if len(paragraphs) < 3 or not ends_sentence(paragraphs[0]):
        return ""
    heading = paragraphs[1]
    if ends_sentence(heading) or word_count(heading) > HEADING_MAX_WORDS:
        return ""
    return paragraphs[0]


def labelled_abstract(ctx: PageContext, body_start: int) -> tuple[str, int] | None:
    """A journal article's abstract under its label ("Abstract", "ABSTRACT") where the
    article would start, perhaps under the authors' affiliations: (the standfirst, where
    the article starts after it), or None.

    The abstract is the label's block of lines (or the next block, when the label stands
    alone) up to a front-matter label ("Keywords", "Paper type"); the article starts
    after that block.
    """
    lines = ctx.lines
    labels = lowered("header.abstract_labels")
    at = next(
        (
            index
            for index in range(body_start, min(body_start + ABSTRACT_LOOKAHEAD, len(lines)))
            if _label(lines[index]) in labels
        ),
        None,
    )
    if at is None or any(ends_sentence(line) for line in lines[body_start:at]):
        return None
    blocks = block_ids(lines, wrapped_blocks(ctx.text))
    first = at + 1
    # A label alone on its block heads the next block.
    abstract = blocks[first] if first < len(lines) else blocks[at]
    end = first
    while end < len(lines) and blocks[end] == abstract:
        end += 1
    ending = lowered("header.abstract_end_labels")
    texts = []
    for line in lines[first:end]:
        if any(_label(line).startswith(label) for label in ending):
            break
        texts.append(line)
    return (" ".join(texts), end) if texts else None


def _label(line: str) -> str:
    return line.strip().rstrip(":").lower()

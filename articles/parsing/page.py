"""From the text of a page to its parts: outlet, headline, header, body, captions, links.

The page is read as lines, around one PageContext (context.py) built once. The
masthead (masthead.py) and the outlet (outlet.py) come first; the headline is
chosen among candidates (headline.py): headline-shaped lines near the top that
are not the masthead, its tagline, menus, breadcrumbs, links, issue lines or
furniture, the one with a header under it winning. The header is the few lines
after it (header_block.py: standfirst, then byline and date, labelled or not);
the body runs from there until the article ends — at an end marker
(furniture.py) or a sidebar of other stories — losing its inline furniture,
captions and repeated headlines on the way. Nothing is guessed: a date outside
the header is not the publication date (an issue line above the headline
excepted), and a page without a headline gets a descriptive title and a warning.
"""

from __future__ import annotations

from .authority import Authority
from .body import links, read_body
from .chrome import without_learned_chrome
from .context import PageContext
from .cover_sheet import read_cover_sheet
from .decode import MAX_SOURCE_BYTES
from .furniture import furniture_for, menu_runs
from .header_block import labelled_abstract, labelled_summary, read_header
from .headline import find_headline, inferred_title
from .issue_dates import issue_date_below
from .kind import article_kind, label_lines
from .lines import is_question, join_wrapped_lines
from .masthead import find_masthead
from .outlet import identify_outlet
from .speaker_lines import speech_headings
from .title_lines import title_text
from .types import PageParts, SourceError
from .writer import is_writer_bio, unsigned_title, writer_of, writer_on_platform

MAX_TEXT_CHARS = MAX_SOURCE_BYTES
# A page with this many question lines is a page of questions and answers.
FAQ_MIN_QUESTIONS = 3

NO_DATE_WARNING = "no publication date found"
INFERRED_TITLE_WARNING = "title inferred from the content: the page has no headline"


def split_page(text: str, authority: Authority) -> PageParts:
    """Split a decoded page into its parts; raises SourceError when no article is left."""
    if len(text) > MAX_TEXT_CHARS:
        raise SourceError(f"text is over the {MAX_TEXT_CHARS // (1024 * 1024)} MB limit")
    masthead = find_masthead(text)
    outlet = identify_outlet(text, authority.outlets, masthead)
    profile = outlet.profile
    order = profile.date_order if profile else "dmy"
    furniture = furniture_for(profile.furniture if profile else ())
    lines = without_learned_chrome(
        join_wrapped_lines(text), authority.learned_chrome.get(outlet.name, frozenset())
    )
    questions = sum(1 for line in lines if is_question(line) and not furniture.is_furniture(line))
    ctx = PageContext(
        text=text,
        lines=lines,
        outlet=outlet,
        masthead=masthead,
        furniture=furniture,
        order=order,
        menus=menu_runs(lines),
        faq=questions >= FAQ_MIN_QUESTIONS,
        speech_headings=speech_headings(lines),
    )
    cover = read_cover_sheet(text, order)
    if cover.found and cover.title_line in lines:  # a paper's labelled title, not a headline
        title_at = lines.index(cover.title_line)
        headline = cover.title
    else:
        title_at = find_headline(ctx)
        headline = title_text(lines, title_at) if title_at is not None else None
    header = read_header(ctx, title_at)
    abstract = (
        None if title_at is None or header.standfirst else labelled_abstract(ctx, header.body_start)
    )
    if abstract:
        header.standfirst, header.body_start = abstract
    if title_at is not None and header.published is None:
        header.published = issue_date_below(lines, header.body_start, ctx.order)
    body = read_body(ctx, header.body_start, headline)
    if not body.paragraphs:
        raise SourceError("no article text found after removing page furniture")
    standfirst = header.standfirst
    if title_at is None and standfirst:  # with no headline over it, the lead is the body's
        body.paragraphs.insert(0, standfirst)
        standfirst = ""
    if title_at is not None and not standfirst:
        standfirst = labelled_summary(lines, header.body_start, body.paragraphs)
        if standfirst:
            body.paragraphs.pop(0)

    labels = label_lines(lines, ctx.menus, title_at, header.body_start)
    warnings = []
    if title_at is None:
        title = inferred_title(text, body.paragraphs, outlet, ctx.faq)
        warnings.append(INFERRED_TITLE_WARNING)
    else:
        title = headline
    if not outlet.known:
        warnings.append(f"unknown outlet “{outlet.name}”")
    published = header.published or cover.published
    if published is None:
        warnings.append(NO_DATE_WARNING)
    after_body = lines[lines.index(body.paragraphs[-1], header.body_start) + 1 :]
    platform_names = (outlet.profile.name, *outlet.profile.aliases) if outlet.known else ()
    author = (
        header.author
        or cover.author
        or writer_of(standfirst, body.paragraphs, masthead, after_body)
        or writer_on_platform(lines[0] if lines else "", platform_names)
    )
    if is_writer_bio(body.paragraphs, author):
        body.paragraphs.pop()
    title = unsigned_title(title, author)
    return PageParts(
        outlet=outlet.name,
        outlet_known=outlet.known,
        title=title,
        standfirst=standfirst,
        published=published,
        author=author,
        paragraphs=body.paragraphs,
        captions=list(dict.fromkeys(header.captions + body.captions)),
        links=links(text),
        kind=article_kind(outlet, title, labels),
        warnings=warnings,
    )

"""The article's body: its paragraphs and captions, up to where the article ends."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .boilerplate import classify_lines, is_boilerplate, is_running_prose
from .boxes import block_ids, boxed_lines, dated_lists, framed_boxes
from .captions import CAPTION_MAX_WORDS, caption, credited_caption
from .context import PageContext
from .dates import parse_date
from .furniture import Furniture
from .header import is_post_header
from .lines import ends_sentence, is_headline, repeats, word_count, wrapped_blocks

# After an end marker, the article goes on where this many paragraphs of running prose
# in a row, of this many words together, follow (an inline advert or register wall ended).
RESUME_PROSE_RUN = 2
RESUME_MIN_WORDS = 20
# A body does not start or end on a heading: short unpunctuated lines there are furniture.
STRAY_HEADING_WORDS = 8

_URL = re.compile(r"https?://[^\s<>\"“”‘’()\[\]{}]+")


@dataclass
class Body:
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)


def read_body(ctx: PageContext, start: int, headline: str | None) -> Body:
    """The article's paragraphs and captions, up to where the article ends."""
    lines, furniture, order = ctx.lines, ctx.furniture, ctx.order
    classes = classify_lines(lines, furniture, ctx.menus)
    blocks = block_ids(lines, wrapped_blocks(ctx.text))
    boxed = (
        boxed_lines(lines, blocks)
        | framed_boxes(lines, blocks, furniture.is_furniture)
        | dated_lists(lines, blocks, order)
    )
    # A debate's speaker headings look like furniture (short, capitalised, no sentence).
    headings = ctx.speech_headings
    body = Body()
    ended = doubled = final = False
    # An end marker ends the article once its prose has begun: above it, a copyright
    # line or a box is the front matter of a journal article or a report.
    begun = False
    for position in range(start, len(lines)):
        line = lines[position]
        if doubled:  # the second copy of a doubled line
            doubled = False
            continue
        if ended and (final or not _resumes(lines, position, furniture)):
            continue
        ended = begun and _ends_article(lines, position, furniture, order)
        final = ended and furniture.ends_page(line)
        if begun and is_post_header(line, order):  # a thread's next post: replies follow
            ended = final = True
        if ended or furniture.is_furniture(line) or position in boxed:
            continue
        if headline and repeats(line, headline):
            continue
        doubled = position + 1 < len(lines) and lines[position + 1] == line
        found = caption(line) or credited_caption(lines, position)
        if found or (doubled and word_count(line) <= CAPTION_MAX_WORDS):
            body.captions.append(found or line)
        elif position in headings or not is_boilerplate(line, classes[position]):
            body.paragraphs.append(line)
            begun = begun or not _is_stray_heading(line)
    kept = {lines[position] for position in headings}

    def stray(paragraph: str) -> bool:
        return paragraph not in kept and _is_stray_heading(paragraph)

    while body.paragraphs and stray(body.paragraphs[-1]):
        body.paragraphs.pop()
    # Nor does it start on one: topic tags and section names left above the first paragraph.
    lead = 0
    while lead < len(body.paragraphs) - 1 and stray(body.paragraphs[lead]):
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


def _resumes(lines: list[str], index: int, furniture: Furniture) -> bool:
    run = lines[index : index + RESUME_PROSE_RUN]
    return (
        len(run) == RESUME_PROSE_RUN
        and all(is_running_prose(line, furniture) for line in run)
        and sum(word_count(line) for line in run) >= RESUME_MIN_WORDS
    )


def _is_stray_heading(paragraph: str) -> bool:
    return (
        not ends_sentence(paragraph)
        and word_count(paragraph) <= STRAY_HEADING_WORDS
        and not _URL.search(paragraph)
    )


def links(text: str) -> list[str]:
    return list(dict.fromkeys(url.rstrip(".,;:!?'’") for url in _URL.findall(text)))

"""Mentions in context: the sentences of each article that name a person, organisation,
review body or outlet, with the words as written marked (key word in context).

The loader stores where each mention lies (``Mention.spans``, articles/parsing/spans.py),
so a page of contexts is two queries (the count and the page) and slicing, never a
parse. A span is shown only while the stored text still has the spelling there: an
article staff have edited since it was loaded, or one loaded before spans were stored
(``load_articles --reparse`` fills them in), shows no line rather than a wrong one.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import F
from django.utils.safestring import SafeString

from archivecache.memo import count_once_per_version
from articles.models import Article
from articles.parsing.spans import BODY, STANDFIRST, TITLE
from articles.search import MARK_START, MARK_STOP, render_marked
from curation.visibility import public

PAGE_SIZE = 10
PAGE_PARAMETER = "mentions_page"
SENTENCES_SHOWN = 3
# A long sentence (a transcript's, a list's) is cut to this many characters around its marks.
CONTEXT_RADIUS = 240
_PART_ORDER = (TITLE, STANDFIRST, BODY)


@dataclass(frozen=True)
class MentionContext:
    article: Article  # with only what the section shows loaded
    lines: list[SafeString]
    hidden: int  # sentences naming it beyond those shown


def context_lines(fields: dict[str, str], spans, spellings) -> list[str]:
    """The sentences that ``spans`` lie in, in article order, each with its mentions
    between the markers of articles/search.py; spans whose words are no longer one of
    ``spellings`` in ``fields`` (title, standfirst, body) are left out."""
    written = {" ".join(spelling.split()) for spelling in spellings if isinstance(spelling, str)}
    marks: dict[tuple, list[tuple[int, int]]] = {}
    for span in spans:
        part, start, end, sentence_start, sentence_end = span
        text = fields.get(part) or ""
        if not sentence_start <= start < end <= sentence_end <= len(text):
            continue
        if " ".join(text[start:end].split()) not in written:
            continue
        marks.setdefault((part, sentence_start, sentence_end), []).append((start, end))
    ordered = sorted(marks, key=lambda key: (_PART_ORDER.index(key[0]), key[1]))
    return [
        _marked(fields[part], start, end, marks[part, start, end]) for part, start, end in ordered
    ]


def _marked(text: str, start: int, end: int, marks: list[tuple[int, int]]) -> str:
    first, last = min(m[0] for m in marks), max(m[1] for m in marks)
    cut_start, cut_end = max(start, first - CONTEXT_RADIUS), min(end, last + CONTEXT_RADIUS)
    if cut_start > start:
        space = text.find(" ", cut_start, first)
        cut_start = space + 1 if space != -1 else cut_start
    if cut_end < end:
        space = text.rfind(" ", last, cut_end)
        cut_end = space if space != -1 else cut_end
    pieces, position = [], cut_start
    for mark_start, mark_end in sorted(set(marks)):
        if mark_start < position:  # overlapping spans: mark the first only
            continue
        pieces += [text[position:mark_start], MARK_START, text[mark_start:mark_end], MARK_STOP]
        position = mark_end
    pieces.append(text[position:cut_end])
    line = " ".join("".join(pieces).split())
    return ("… " if cut_start > start else "") + line + (" …" if cut_end < end else "")


def contexts_page(mention_model, entity: dict, number) -> Page:
    """One page of the mention rows of one entity (``entity``: the mention model's field
    and the entity, ``{"person": ray}``), newest article first, as MentionContext objects.
    ``number`` as typed: a bad one gives the nearest page."""
    rows = (
        public(mention_model.objects.filter(**entity), "article")
        .select_related("article__outlet")
        .only(
            "spans",
            "spellings",
            *(f"article__{name}" for name in ("slug", "title", "standfirst", "body")),
            *(f"article__{name}" for name in ("published", "published_precision")),
            "article__outlet__name",
        )
        .order_by(F("article__published").desc(nulls_last=True), "article__title", "pk")
    )
    paginator = Paginator(rows, PAGE_SIZE)
    # The same for every reader until a write: counted once per archive version (the most
    # mentioned person's 51,050 at 100,000 articles: 4-5 ms a request).
    named = (mention_model._meta.label, *((field, e.pk) for field, e in entity.items()))
    paginator.count = count_once_per_version(named, rows)
    page = paginator.get_page(number)
    page.object_list = [_context(row) for row in page.object_list]
    return page


def _context(mention) -> MentionContext:
    article = mention.article
    fields = {TITLE: article.title, STANDFIRST: article.standfirst, BODY: article.body}
    lines = context_lines(fields, mention.spans, mention.spellings)
    return MentionContext(
        article=article,
        lines=[render_marked(line) for line in lines[:SENTENCES_SHOWN]],
        hidden=max(0, len(lines) - SENTENCES_SHOWN),
    )


def contexts_for(request, mention_model, **entity) -> Page:
    """The page of contexts a request asks for (``?mentions_page=``)."""
    return contexts_page(mention_model, entity, request.GET.get(PAGE_PARAMETER))

"""Full-text search over articles.

The query is read as a web-search expression on both databases: words, "quoted
phrases", -exclusions, or.

PostgreSQL: matched against the stored weighted vector that a trigger keeps current
(title A, standfirst B, body C; migration 0003), ranked with ``SearchRank`` and
excerpted with ``SearchHeadline``.

SQLite: matched against the FTS5 index that triggers keep in step (articles/fts.py),
the query translated term by term so that user text is never FTS5 syntax
(articles/search_syntax.py), ranked with ``bm25`` (title above standfirst above body)
and excerpted with ``snippet()`` over the body, for a page's articles only.

Excerpts mark matches with two control characters rather than HTML, because the
database copies the source text unescaped: ``render_marked`` escapes the text and
only then turns the markers into ``<mark>`` elements.
"""

import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, FloatField, Value
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles import fts
from articles.search_syntax import match_expression, to_fts5

CONFIG = "english"
MARK_START, MARK_STOP = "\x02", "\x03"
_MARKERS = re.compile(f"([{MARK_START}{MARK_STOP}])")
EXCERPT_RADIUS = 120


def uses_full_text() -> bool:
    return connection.vendor == "postgresql"


def query_terms(q: str) -> list[str]:
    """The words of a query, for cutting an excerpt in Python around the first of them."""
    return [term.strip('"') for term in q.split() if term.strip('"')]


def _search_query(q: str) -> SearchQuery:
    return SearchQuery(q, search_type="websearch", config=CONFIG)


class _IndexedSearchQuery(SearchQuery):
    """The query as a one-row sub-select, ``(SELECT websearch_to_tsquery(...))``.

    PostgreSQL then cannot estimate how many articles match, and reads the matches
    from the GIN index. Given the constant, it scans the table for a word that nearly
    every article contains, and pays, uncosted, for unpacking each article's stored
    vector: 10,000 articles, 70 ms per query against 10 ms (docs/performance.md).
    """

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = super().as_sql(compiler, connection, **extra_context)
        return f"(SELECT {sql})", params


def _fts_rowids(expression: str) -> RawSQL:
    return RawSQL(f"SELECT rowid FROM {fts.TABLE} WHERE {fts.TABLE} MATCH %s", [expression])


def filter_matching(queryset, q: str):
    """Restrict articles to those that match ``q``."""
    if uses_full_text():
        return queryset.filter(
            search_vector=_IndexedSearchQuery(q, search_type="websearch", config=CONFIG)
        )
    query = to_fts5(q)
    if query.empty:
        return queryset.none()
    expression = match_expression(query)
    if expression is None:
        return queryset.exclude(pk__in=_fts_rowids(query.exclude))
    return queryset.filter(pk__in=_fts_rowids(expression))


def annotate_relevance(queryset, q: str):
    """Add ``relevance`` (higher is better) and, on PostgreSQL, the ``headline`` excerpt."""
    if uses_full_text():
        query = _search_query(q)
        return queryset.annotate(
            relevance=SearchRank(F("search_vector"), query),
            headline=SearchHeadline(
                "body",
                query,
                config=CONFIG,
                start_sel=MARK_START,
                stop_sel=MARK_STOP,
                max_words=35,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
    expression = match_expression(to_fts5(q))
    if expression is None:
        return queryset.annotate(relevance=Value(0.0, output_field=FloatField()))
    weights = ", ".join(str(weight) for weight in fts.WEIGHTS)
    # Every match is ranked once, in one pass over the index (a materialised CTE), then
    # looked up by id; bm25 is lower for better matches. Asking the index for one rowid
    # at a time instead costs a full-text query per article (10,000 articles: 7 s).
    rank = RawSQL(
        f"WITH ranked AS MATERIALIZED (SELECT rowid AS id, -bm25({fts.TABLE}, {weights}) AS score"
        f" FROM {fts.TABLE} WHERE {fts.TABLE} MATCH %s)"
        f" SELECT score FROM ranked WHERE ranked.id = {queryset.model._meta.db_table}.id",
        [expression],
        output_field=FloatField(),
    )
    return queryset.annotate(relevance=rank)


def _snippets(ids: list[int], q: str) -> dict[int, str]:
    """FTS5 excerpts of the body of the articles ``ids``, matches between markers."""
    expression = match_expression(to_fts5(q))
    if expression is None or not ids:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, snippet({fts.TABLE}, {fts.BODY_COLUMN}, %s, %s, ' … ', 32)"
            f" FROM {fts.TABLE} WHERE {fts.TABLE} MATCH %s"
            f" AND rowid IN ({', '.join(['%s'] * len(ids))})",
            [MARK_START, MARK_STOP, expression, *ids],
        )
        return {article_id: snippet.strip() for article_id, snippet in cursor.fetchall()}


def marked_excerpt(text: str, terms: list[str], radius: int = EXCERPT_RADIUS) -> str:
    """The part of ``text`` around the first match of any term, matches between markers."""
    if not terms:
        return ""
    pattern = re.compile("|".join(re.escape(term) for term in terms), re.IGNORECASE)
    first = pattern.search(text)
    if first is None:
        return ""
    start = max(0, first.start() - radius)
    if start > 0:
        space = text.find(" ", start, first.start())
        start = space + 1 if space != -1 else start
    end = min(len(text), first.end() + radius)
    if end < len(text):
        space = text.rfind(" ", first.end(), end)
        end = space if space != -1 else end
    excerpt = pattern.sub(lambda m: f"{MARK_START}{m.group(0)}{MARK_STOP}", text[start:end])
    return ("… " if start > 0 else "") + excerpt.strip() + (" …" if end < len(text) else "")


def render_marked(text: str) -> SafeString:
    """Escape an excerpt and turn its match markers into balanced ``<mark>`` elements."""
    parts, inside = [], False
    for chunk in _MARKERS.split(text):
        if chunk == MARK_START:
            inside = True
        elif chunk == MARK_STOP:
            inside = False
        elif chunk:
            parts.append(f"<mark>{escape(chunk)}</mark>" if inside else escape(chunk))
    return mark_safe("".join(parts))


def attach_excerpts(articles, q: str) -> None:
    """Give each article of a result page its highlighted ``excerpt``."""
    if not uses_full_text():
        by_id = {article.pk: article for article in articles}
        for article_id, snippet in _snippets(list(by_id), q).items():
            by_id[article_id].headline = snippet
    terms = query_terms(q)
    for article in articles:
        marked = getattr(article, "headline", None)
        if marked is None:
            marked = marked_excerpt(article.body, terms)
        article.excerpt = render_marked(marked) if MARK_START in marked else None

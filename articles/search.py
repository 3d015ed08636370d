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

Ranking is bounded: only the ``ARCHIVE_SEARCH_RANKED`` newest matches (the list's own
order, which an index serves: migration 0012) are ranked, the rest follow them newest
first, so a word in every article costs the ranking of a thousand, not of every one
(reading each match's stored vector is most of a common word's search: 515 ms for
100,000 articles on PostgreSQL). When there are no more matches than that, every match
is ranked; the page says when the ranking was bounded (``ranked_among``).

A page's excerpts are the database's work once per archive version for the same search
and articles (``_kept_excerpts``): on PostgreSQL they are most of the SQL of a search
asked again. Excerpts mark matches with two control characters rather than HTML,
because the database copies the source text unescaped: ``render_marked`` escapes the
text and only then turns the markers into ``<mark>`` elements.
"""

import re

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import BooleanField, Case, F, FloatField, Func, Value, When
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from archivecache.memo import OWN_LISTS, once_per_version
from articles import fts
from articles.models import Article
from articles.ordering import NEWEST
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


class _InFullTextIndex(Func):
    """``+id IN (the rowids FTS5 finds for expression)``, a condition to filter on.

    The unary ``+`` keeps SQLite from looking every match up by its rowid: it reads
    an index instead (the list's newest-first one, or the dates' for the date facet),
    probing the matches as it goes. By rowid, each match's row is read past its body
    (the columns the list sorts on come after it): 10,000 matches, 31 ms, not 1.7.
    """

    template = f"+%(expressions)s IN (SELECT rowid FROM {fts.TABLE} WHERE {fts.TABLE} MATCH %%s)"
    output_field = BooleanField()

    def __init__(self, expression: str):
        super().__init__(F("pk"))
        self.fts_expression = expression

    def as_sql(self, compiler, connection, **extra_context):
        sql, params = super().as_sql(compiler, connection, **extra_context)
        return sql, (*params, self.fts_expression)


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
        return queryset.exclude(_InFullTextIndex(query.exclude))
    return queryset.filter(_InFullTextIndex(expression))


def rank_bound() -> int | None:
    """How many matches at most a search ranks (None: all of them)."""
    return settings.ARCHIVE_SEARCH_RANKED or None


def ranked_among(match_count: int) -> int | None:
    """How many of ``match_count`` matches were ranked, if not all of them."""
    bound = rank_bound()
    return bound if bound is not None and match_count > bound else None


def _candidates(queryset):
    """The matches to rank: the newest ``rank_bound()`` of them, or None for all."""
    bound = rank_bound()
    return None if bound is None else queryset.order_by(*NEWEST).values("pk")[:bound]


def _headline(q: str) -> SearchHeadline:
    return SearchHeadline(
        "body",
        _search_query(q),
        config=CONFIG,
        start_sel=MARK_START,
        stop_sel=MARK_STOP,
        max_words=35,
        min_words=15,
        max_fragments=2,
        fragment_delimiter=" … ",
    )


NEWEST_MATCHES = object()  # ``among``'s default: the newest ``rank_bound()`` rows


def annotate_relevance(queryset, q: str, among=NEWEST_MATCHES):
    """Add ``relevance`` (higher is better; None for a match left unranked) to the
    rows of ``among`` (a query of ids), by default the newest ``rank_bound()`` matches;
    None ranks every row."""
    if among is NEWEST_MATCHES:
        among = _candidates(queryset)
    if uses_full_text():
        rank = SearchRank(F("search_vector"), _search_query(q))
        if among is not None:
            # Only a candidate's stored vector is read (and unpacked) to rank it.
            rank = Case(When(pk__in=among, then=rank), default=None)
        return queryset.annotate(relevance=rank)
    expression = match_expression(to_fts5(q))
    if expression is None:
        return queryset.annotate(relevance=Value(0.0, output_field=FloatField()))
    return queryset.annotate(relevance=_bm25(queryset.model, expression, among))


def by_relevance(queryset, q: str, among=NEWEST_MATCHES):
    """``queryset`` best match first (of those ranked), then newest first."""
    ranked = annotate_relevance(queryset, q, among)
    return ranked.order_by(F("relevance").desc(nulls_last=True), *NEWEST)


class RankedMatches:
    """The matches ``by_relevance``, cut into pages without sorting them all.

    The same order as ``by_relevance(matches, q)``, which exports read whole; the
    paginator takes slices. The ranked candidates are the newest ``rank_bound()``
    matches: their ids in ranked order are worked out once (a thousand rows ranked and
    sorted, not every match), and a slice within the first ``rank_bound()`` positions is
    read by id from them; a slice past them is the same slice of the newest-first order,
    which the index of migration 0012 serves. A slice across the boundary costs one
    query of each.
    """

    def __init__(
        self,
        matches,
        q: str,
        rows=lambda queryset: queryset,
        known=lambda: None,
        kept=lambda ranking: ranking(),
    ):
        """``rows`` chooses what is read of each article of a page (a function of a
        queryset): the candidates' page is read by id from all articles. ``known``
        gives the candidates' ids as a query, if they were read already, else None.
        ``kept`` is given the function that ranks the candidates, and may keep what it
        gives (their ids, best first) for every page of the list."""
        self.matches, self.q, self.rows, self.known, self.kept = matches, q, rows, known, kept

    def count(self) -> int:
        return self.matches.count()

    def __getitem__(self, cut: slice) -> list:
        bound = rank_bound()
        if bound is None:
            return list(by_relevance(self.rows(self.matches), self.q)[cut])
        start, stop = cut.start or 0, cut.stop
        found = []
        if start < bound:
            chosen = self.kept(self._ranked_ids)[start : min(stop, bound)]
            by_id = self.rows(self.matches.model.objects.filter(pk__in=chosen)).in_bulk()
            found += [by_id[pk] for pk in chosen if pk in by_id]
        if stop > bound:
            found += self._unranked()[max(start, bound) : stop]
        return found

    def _ranked_ids(self) -> list[int]:
        """The candidates' ids, best match first."""
        candidates = self.known()
        if candidates is None:
            candidates = _candidates(self.matches)
        # Every row is a candidate; FTS5's ranking pass needs telling which they are.
        among = None if uses_full_text() else candidates
        chosen = self.matches.model.objects.filter(pk__in=candidates)
        return list(by_relevance(chosen, self.q, among).values_list("pk", flat=True))

    def _unranked(self):
        return self.rows(self.matches).order_by(*NEWEST)


def _bm25(model, expression: str, among) -> RawSQL:
    """Each article's FTS5 score (negated bm25), for the rows of ``among`` only if given.

    The matches are ranked once, in one pass over the index (a materialised CTE), then
    looked up by id; bm25 is lower for better matches. Asking the index for one rowid at
    a time instead costs a full-text query per article (10,000 articles: 7 s).
    """
    weights = ", ".join(str(weight) for weight in fts.WEIGHTS)
    restriction, among_params = "", []
    if among is not None:
        sql, among_params = among.query.get_compiler(connection=connection).as_sql()
        # "+rowid": filtered after the match, not handed to FTS5, which would run the
        # full-text query once per listed rowid (10,000 articles: 400 ms, not 20).
        restriction = f" AND +rowid IN ({sql})"
    return RawSQL(
        f"WITH ranked AS MATERIALIZED (SELECT rowid AS id, -bm25({fts.TABLE}, {weights}) AS score"
        f" FROM {fts.TABLE} WHERE {fts.TABLE} MATCH %s{restriction})"
        f" SELECT score FROM ranked WHERE ranked.id = {model._meta.db_table}.id",
        [expression, *among_params],
        output_field=FloatField(),
    )


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


def _headlines(ids: list[int], q: str) -> dict[int, str]:
    """PostgreSQL's excerpts of the body of the articles ``ids``, matches between markers.

    Asked for a page's articles only: as a column of the page's own query, PostgreSQL
    would excerpt every row an OFFSET skips too (page 60 of a common word: a second).
    """
    found = Article.objects.filter(pk__in=ids).annotate(headline=_headline(q))
    return dict(found.values_list("pk", "headline"))


def _kept_excerpts(ids: list[int], q: str) -> dict[int, str]:
    """The database's excerpts of ``ids`` for ``q``, worked out once per archive version:
    PostgreSQL's cost a search asked again most of its SQL (?q=children at 100,000
    articles: 15 of 18 ms, a page's twenty bodies read and parsed)."""
    excerpts = _headlines if uses_full_text() else _snippets
    return once_per_version(
        "search-excerpts", (q, tuple(ids)), lambda: excerpts(ids, q), cache=OWN_LISTS
    )


def attach_excerpts(articles, q: str) -> None:
    """Give each article of a result page its highlighted ``excerpt``: the database's
    (one query for the page, kept once per archive version for the same search and
    articles), else one cut here around the first word found."""
    by_id = {article.pk: article for article in articles}
    found = _kept_excerpts(list(by_id), q) if by_id else {}
    terms = query_terms(q)
    for article in articles:
        marked = found.get(article.pk) or marked_excerpt(article.body, terms)
        article.excerpt = render_marked(marked) if MARK_START in marked else None

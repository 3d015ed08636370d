"""One declaration per filter of a list page, and the facet counts it gives.

Each filter of the article list and the quotes index is declared once, below, as
an instance of one of five kinds (a search, entities named by slug, fixed choices,
a date bound, a tick box). The declaration is all a list knows about a filter:
``articles.filters`` turns it into the FilterSet field, and the same object gives
the facet counts, the active-filter chips, the words of the page summary, the
words of an export's file name and the export column. Adding a facet is adding
one line to ``ARTICLE_FACETS`` or ``QUOTE_FACETS``.

Every lookup is a ``path`` from the listed row (an article, or a quote) to what it
filters on, so one kind serves both lists: "person" is
``person_mentions__person`` from an article and ``article__person_mentions__person``
from a quote.

Counting is one grouped query per facet, never one per value. An AND facet
(people, organisations, review bodies: an article mentions many at once) counts
within the current results, so each count says how many results remain if the
value is added. An OR facet (outlet, kind, speaker: a row has only one) counts
within the results of every other filter, so its values stay visible and
selectable side by side.

Where they count (``CountScope``): on the unfiltered /articles/ the counts are the
precomputed ones (``facetcounts``), exact and read in one query. Anywhere else
they count among the first ``count_window()`` results in the list's order, which is
every result up to that many; above it the facet is marked ``bounded`` and the page
says so. The window is read once, beside the count of the results for the paginator
(``first_results``), and each facet's query counts over its ids. Each groups by the
entity's id (its slug and name ride along as MAX(), since they depend on the id). An
OR facet whose own value is chosen counts other rows: their window is a subquery of
its query, which also learns from a one-off subquery whether it was full.
"""

import json
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field

import django_filters
from django.conf import settings
from django.db import connection
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.utils.text import slugify

from archivecache.memo import once_per_version
from articles import quote_search, search
from articles.date_input import range_in_words
from articles.filter_fields import (
    MAX_QUERY_LENGTH,
    FuzzyDateFilter,
    SlugChoiceFilter,
    TickFilter,
    printable,
)
from articles.list_memo import kept_for_list
from articles.models import Article, Outlet, Quote
from curation.visibility import reviewed
from facetcounts import read as stored_counts
from facetcounts.models import EntityCount
from people.models import Organisation, Person, ReviewBody

FACET_LIMIT = 20
AND, OR = " and ", " or "


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    name: str  # the GET parameter
    title: str
    values: list[FacetValue]
    truncated: bool  # more values exist than are shown
    bounded: bool = False  # counted among the first count_window() rows, not all of them

    @property
    def has_selection(self) -> bool:
        return any(value.selected for value in self.values)


@dataclass(frozen=True)
class Chip:
    """One active filter value; ``value`` None stands for the whole parameter."""

    label: str
    value: str | None = None


@dataclass(frozen=True, kw_only=True)
class Declared:
    """What every declared filter knows: its GET parameter and its label."""

    name: str
    label: str

    def form_filter(self) -> django_filters.Filter:
        raise NotImplementedError

    def apply(self, queryset, value):
        raise NotImplementedError

    def chips(self, value) -> list[Chip]:
        return []

    def phrase(self, value) -> str:
        """The filter in the words of the page summary ("mentioning Ian Dickson")."""
        return ""

    def phrase_in(self, data: dict) -> str:
        """The filter's phrase, given every cleaned value (a date range is said once)."""
        return self.phrase(data.get(self.name))

    def file_words(self, value, data: dict) -> list[str]:
        """The filter as words of an export's file name."""
        return []

    def count(self, filterset, scope: "CountScope") -> Facet | None:
        return None


@dataclass(frozen=True, kw_only=True)
class Search(Declared):
    """Full-text search; ``matcher(queryset, text)`` restricts the rows."""

    matcher: Callable

    def form_filter(self):
        return django_filters.CharFilter(
            label=self.label, max_length=MAX_QUERY_LENGTH, method="filter_declared"
        )

    def apply(self, queryset, value):
        return self.matcher(queryset, value) if value else queryset

    def chips(self, value):
        return [Chip(f"Search: {printable(value)}")] if value else []

    def phrase(self, value):
        return f"matching “{printable(value)}”" if value else ""

    def file_words(self, value, data):
        return [slugify(value)[:40]] if value else []


def _selected_first(lookup: str, selected: list[str]) -> Case:
    return Case(
        When(**{f"{lookup}__in": selected}, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )


def _facet(name, title, rows, selected, bounded: bool = False) -> Facet:
    values = [
        FacetValue(row["value"], row["label"], row["count"], row["value"] in selected)
        for row in rows[:FACET_LIMIT]
    ]
    return Facet(name, title, values, truncated=len(rows) > FACET_LIMIT, bounded=bounded)


@dataclass(frozen=True)
class Window:
    """How many results a list has, and the ids of its first count_window() of them."""

    total: int
    ids: list[int]

    @property
    def overflows(self) -> bool:
        return self.total > count_window()


_WINDOWS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def first_results(filterset) -> Window | None:
    """The list's window, and the count of its results (it stands for the paginator's);
    None where every facet reads the precomputed counts. Read once per filterset, and
    once per archive version in a process for the same list (``articles.list_memo``).

    The window is read with room for one more row, so that the database can stop once
    it has them (in the list's order, from an index); only a window that overflows
    needs the results counted, by a query that sorts nothing. One query that did both,
    with COUNT(*) OVER (), had to read and sort every result before it could stop."""
    if filterset.whole_archive and not filterset.active():
        return None
    if filterset not in _WINDOWS:
        # The same for every page of the list: once per archive version, per order.
        depends_on = (filterset.counting_word, count_window())
        _WINDOWS[filterset] = kept_for_list(
            filterset, "list-window", depends_on, lambda: _read_window(filterset)
        )
    return _WINDOWS[filterset]


def _read_window(filterset) -> Window:
    ordered = filterset.counting_order(filterset.matching())
    ids, more = first_ids(filterset.window_rows(ordered))
    total = filterset.results_count(ordered) if more else len(ids)
    return Window(total, ids)


def first_ids(ordered) -> tuple[list[int], bool]:
    """The ids of ``ordered``'s first count_window() rows, and whether it has more: read
    with room for one more row, so that the database can stop once it has them."""
    ids = list(ordered.values_list("pk", flat=True)[: count_window() + 1])
    return ids[: count_window()], len(ids) > count_window()


class CountScope:
    """The rows a filterset's facets count: see the module's docstring.

    ``window``: the results' first rows (``first_results``), which the facets that count
    the results count, each in its own query, without working out the window again.
    An OR facet with its own value chosen counts other rows: their window is a subquery
    of its query, which learns their number from ``seen``."""

    def __init__(self, filterset, window: Window | None):
        self.filterset, self.window = filterset, window
        self._stored = None

    def stored(self, name: str, without: tuple[str, ...]) -> list | None:
        """The precomputed values of facet ``name``, if its counts are the whole archive's."""
        narrowed = self.filterset.active() - set(without)
        if not self.filterset.whole_archive or narrowed:
            return None
        if self._stored is None:
            selected = {
                declared.name: _selected_values(self.filterset, declared)
                for declared in self.filterset.declaration
                if isinstance(declared, Entities | Choices)
            }
            self._stored = stored_counts.top_values(selected, FACET_LIMIT + 1) or {}
        return self._stored.get(name, []) if self._stored else None

    def _ordered(self, without: tuple[str, ...]):
        return self.filterset.counting_order(self.filterset.matching(without))

    def _known(self, without: tuple[str, ...]) -> bool:
        """Whether these rows are the results, whose window is known; ``without`` names
        only filters that are in use (an unused one leaves out nothing)."""
        return self.window is not None and not set(without) & self.filterset.active()

    def rows(self, without: tuple[str, ...] = ()):
        """The first count_window() rows of the results (leaving out ``without``'s filters)."""
        if self._known(without):
            model = self.filterset.queryset.model
            return model._base_manager.filter(pk__in=one_parameter(self.window.ids)).order_by()
        return first_rows(self._ordered(without))

    def seen(self, without: tuple[str, ...] = ()) -> dict:
        """The annotation that tells ``bounded`` the rows' number, if it is not known."""
        return {} if self._known(without) else {"seen": window_seen(self._ordered(without))}

    def bounded(self, without: tuple[str, ...], rows: list[dict]) -> bool:
        """Whether the rows counted were only the window's (``rows``: the counts)."""
        if self._known(without):
            return self.window.overflows
        return bool(rows) and rows[0]["seen"] > count_window()


class EveryResult(CountScope):
    """The scope of a shared list that overflows the window (``shared_list``): its
    facets count every result, exactly, once per archive version (``facet_counts``)."""

    def __init__(self, filterset):
        super().__init__(filterset, None)

    def rows(self, without: tuple[str, ...] = ()):
        return self.filterset.matching(without).order_by()

    def seen(self, without: tuple[str, ...] = ()) -> dict:
        return {}

    def bounded(self, without: tuple[str, ...], rows: list[dict]) -> bool:
        return False


def one_parameter(ids: list[int]) -> RawSQL:
    """``ids`` as one query parameter (an array, or JSON on SQLite), for ``pk__in``: two
    thousand parameters, one per id, cost more to prepare than the count they feed. The
    array goes as its text, which the database casts: psycopg adapting a Python list
    checks every item (2,000 ids: a query took 1.4 ms as a list, 0.6–0.8 ms as text, and
    a filtered list runs six)."""
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", ["{" + ",".join(map(str, ids)) + "}"])
    return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])


def count_window() -> int:
    """How many first results the facets count among (``ARCHIVE_FACET_WINDOW``)."""
    return settings.ARCHIVE_FACET_WINDOW


def first_rows(ordered):
    """The first count_window() rows of ``ordered``, as a queryset to count over."""
    window = ordered.values("pk")[: count_window()]
    return ordered.model._base_manager.filter(pk__in=window).order_by()


def window_seen(ordered) -> Max:
    """An aggregate to add to a count over ``first_rows(ordered)``: how many rows the
    window would hold with room for one more (above count_window(): the count is bounded).
    Its subquery does not depend on the row, so the database runs it once."""
    window = ordered.values("pk")[: count_window() + 1]
    counted = ordered.model._base_manager.filter(pk__in=window).order_by()
    # Func, not Count: an aggregate here would make Django group the subquery.
    size = counted.annotate(size=Func(F("pk"), function="COUNT")).values("size")
    return Max(Subquery(size, output_field=IntegerField()))


def _selected_values(filterset, declared) -> list[str]:
    chosen = filterset.cleaned(declared.name) or ()
    return [item.slug for item in chosen] if isinstance(declared, Entities) else list(chosen)


@dataclass(frozen=True, kw_only=True)
class Entities(Declared):
    """People, organisations, review bodies, outlets or speakers, chosen by slug.

    ``combine`` AND keeps rows related to every chosen value, OR to any of them.
    ``export`` names the export column that lists them (None: not exported from here).
    """

    noun: str
    model: type
    path: str
    combine: str = AND
    verb: str = "mentioning"
    export: str | None = None
    hides_unreviewed: bool = True  # hidden names are not offered (curation.visibility)

    def form_filter(self):
        return SlugChoiceFilter(
            label=self.label,
            noun=self.noun,
            queryset=self.model.objects.only("pk", "slug", "name"),
            method="filter_declared",
        )

    def apply(self, queryset, value):
        if not value:
            return queryset
        if self.combine == OR:
            return queryset.filter(**{f"{self.path}__in": value})
        through, link, outer, field = self._through(queryset.model)
        for chosen in value:
            mentions = through._base_manager.filter(**{link: OuterRef(outer), field: chosen})
            queryset = queryset.filter(Exists(mentions))
        return queryset

    def _through(self, model) -> tuple[type, str, str, str]:
        """(the mention model, its field to the article, the listed row's path to the
        article, its field to the entity) of an AND path such as
        ``article__person_mentions__person``: the condition asks the mentions alone,
        not the articles joined to them again (100,000 articles: the date facet of
        ``?person=`` 164 → 86 ms under EXPLAIN ANALYZE)."""
        *hops, relation, field = self.path.split("__")
        for hop in hops:
            model = model._meta.get_field(hop).related_model
        mentions = model._meta.get_field(relation)  # the reverse of the mention's key
        return mentions.related_model, mentions.field.name, "__".join([*hops, "pk"]), field

    def chips(self, value):
        return [Chip(item.name, item.slug) for item in value or ()]

    def phrase(self, value):
        return f"{self.verb} " + self.combine.join(item.name for item in value) if value else ""

    def file_words(self, value, data):
        return [item.slug for item in value or ()]

    def count(self, filterset, scope):
        selected = _selected_values(filterset, self)
        without = (self.name,) if self.combine == OR else ()
        stored = scope.stored(self.name, without)
        if stored is not None:
            rows = [{"value": r.value, "label": r.label, "count": r.articles} for r in stored]
            return _facet(self.name, self.label, rows, selected)
        visible = reviewed(self.path) if self.hides_unreviewed else Q()
        rows = (
            scope.rows(without)
            .filter(visible, **{f"{self.path}__isnull": False})
            .values(entity=F(self.path))
            .annotate(
                count=Count("pk"),
                value=Max(f"{self.path}__slug"),
                label=Max(f"{self.path}__name"),
                chosen=Max(_selected_first(f"{self.path}__slug", selected)),
                **scope.seen(without),
            )
            .order_by("-chosen", "-count", "label")
        )
        rows = list(rows[: FACET_LIMIT + 1])
        return _facet(self.name, self.label, rows, selected, scope.bounded(without, rows))


@dataclass(frozen=True, kw_only=True)
class Choices(Declared):
    """A fixed set of values of one column (the kind of article), combined with OR."""

    choices: list[tuple[str, str]]
    path: str
    noun: str
    verb: str = "of kind"

    def form_filter(self):
        return django_filters.MultipleChoiceFilter(
            label=self.label,
            choices=self.choices,
            method="filter_declared",
            error_messages={"invalid_choice": f"There is no {self.noun} called “%(value)s”."},
        )

    def apply(self, queryset, value):
        return queryset.filter(**{f"{self.path}__in": value}) if value else queryset

    def chips(self, value):
        labels = dict(self.choices)
        return [Chip(labels[item], item) for item in value or ()]

    def phrase(self, value):
        labels = dict(self.choices)
        return f"{self.verb} " + OR.join(labels[item] for item in value) if value else ""

    def file_words(self, value, data):
        return list(value or ())

    def count(self, filterset, scope):
        selected = _selected_values(filterset, self)
        without = (self.name,)
        stored = scope.stored(self.name, without)
        if stored is not None:
            counts, bounded = {row.value: row.articles for row in stored}, False
        else:
            rows = scope.rows(without).values(value=F(self.path))
            counted = list(rows.annotate(count=Count("pk"), **scope.seen(without)))
            counts = {row["value"]: row["count"] for row in counted}
            bounded = scope.bounded(without, counted)
        values = [
            FacetValue(value, label, counts.get(value, 0), value in selected)
            for value, label in self.choices
            if counts.get(value) or value in selected
        ]
        return Facet(self.name, self.label, values, truncated=False, bounded=bounded)


@dataclass(frozen=True, kw_only=True)
class DateBound(Declared):
    """One end of the date range. An article dated only to a month or a season counts
    if that period overlaps the range; ``article`` is the path to the dated article."""

    starts: bool  # True for "from", False for "to"
    other: str  # the parameter of the range's other end
    article: str = ""

    def form_filter(self):
        return FuzzyDateFilter(label=self.label, method="filter_declared")

    def apply(self, queryset, value):
        if not value:
            return queryset
        if self.starts:
            return queryset.filter(**{f"{self.article}published_end__gte": value.start()})
        return queryset.filter(**{f"{self.article}published__lte": value.end()})

    def chips(self, value):
        return [Chip(f"{self.label} {value.display()}")] if value else []

    def phrase_in(self, data):
        """ "from June 2021 to spring 2022", "in 2021": said by the range's start, or by
        its end when there is no start."""
        value, other = data.get(self.name), data.get(self.other)
        if not value or (other and not self.starts):
            return ""
        return range_in_words(value, other) if self.starts else range_in_words(None, value)

    def file_words(self, value, data):
        """ "2021" for a range from 2021 to 2021, else "from-2021", "to-2022-05"."""
        if not value:
            return []
        if data.get(self.other) == value:
            return [value.edtf()] if self.starts else []
        return [f"{self.label.lower()}-{value.edtf()}"]


@dataclass(frozen=True, kw_only=True)
class Tick(Declared):
    """A tick box keeping only the rows for which ``condition`` (an expression) holds."""

    condition: Callable[[], object]
    chip: str

    def form_filter(self):
        return TickFilter(label=self.label, method="filter_declared")

    def apply(self, queryset, value):
        return queryset.filter(self.condition()) if value else queryset

    def chips(self, value):
        return [Chip(self.chip)] if value else []

    def phrase(self, value):
        return self.chip.lower() if value else ""

    def file_words(self, value, data):
        return [slugify(self.chip)] if value else []

    def tally(self, filterset, scope) -> int:
        """How many of the current results the tick would keep (among the window's)."""
        stored = scope.stored(self.name, ())
        if stored is not None:
            return sum(row.articles for row in stored)
        return scope.rows().filter(self.condition()).count()


def _has_public_quotes():
    return Exists(Quote.public.filter(article=OuterRef("pk")))


def _dates(article: str = "") -> list[DateBound]:
    return [
        DateBound(name="date_from", label="From", starts=True, other="date_to", article=article),
        DateBound(name="date_to", label="To", starts=False, other="date_from", article=article),
    ]


def _mentioned(article: str = "") -> list[Entities]:
    """The people, organisations and review bodies a row's article mentions (AND)."""
    return [
        Entities(
            name="person",
            label="People",
            noun="person",
            model=Person,
            path=f"{article}person_mentions__person",
            export="people",
        ),
        Entities(
            name="organisation",
            label="Organisations",
            noun="organisation",
            model=Organisation,
            path=f"{article}organisation_mentions__organisation",
            export="organisations",
        ),
        Entities(
            name="review_body",
            label="Review bodies",
            noun="review body",
            model=ReviewBody,
            path=f"{article}review_body_mentions__review_body",
            export="review_bodies",
        ),
    ]


def _outlet(article: str = "") -> Entities:
    return Entities(
        name="outlet",
        label="Outlets",
        noun="outlet",
        model=Outlet,
        path=f"{article}outlet",
        combine=OR,
        verb="in",
        hides_unreviewed=False,
    )


ARTICLE_FACETS: list[Declared] = [
    Search(name="q", label="Search the articles", matcher=search.filter_matching),
    *_mentioned(),
    _outlet(),
    *_dates(),
    Choices(
        name="kind", label="Kind", choices=Article.KIND_CHOICES, path="kind", noun="kind of article"
    ),
    Tick(
        name="has_quotes",
        label="Only articles with quotes",
        condition=_has_public_quotes,
        chip="With quotes",
    ),
]

QUOTE_FACETS: list[Declared] = [
    Search(name="q", label="Search the quotes", matcher=quote_search.filter_matching),
    Entities(
        name="speaker",
        label="Speakers",
        noun="person",
        model=Person,
        path="speaker",
        combine=OR,
        verb="said by",
    ),
    *_mentioned("article__"),
    _outlet("article__"),
    *_dates("article__"),
]


@dataclass
class FacetCounts:
    """The facets of a bound, valid filterset, in declaration order, and the tick tallies."""

    facets: list[Facet] = field(default_factory=list)
    tallies: dict[str, int] = field(default_factory=dict)
    total: int | None = None  # the results' number, where it was read with the counts

    @property
    def bounded(self) -> list[Facet]:
        return [facet for facet in self.facets if facet.bounded]


def facet_counts(filterset, window: Window | None) -> FacetCounts:
    """``window``: ``first_results(filterset)``, which the page read for its count; where
    there is none, the precomputed counts give the count (``total``).

    A list that is the same for every reader (``shared_list``: one entity's articles,
    every quote) and overflows the window counts all of its results instead, exactly,
    once per archive version in a process (archivecache.memo): every page, order and
    reader of that list shares the counts until the next write (100,000 articles, the
    most mentioned person: six window queries of 8–25 ms each become one read)."""
    shared = filterset.shared_list() if window is not None and window.overflows else None
    if shared is None:
        depends_on = (filterset.counting_word, count_window())
        return kept_for_list(
            filterset,
            "list-facets",
            depends_on,
            lambda: _counted(filterset, CountScope(filterset, window)),
        )
    return once_per_version(
        "shared-list-facets",
        shared,
        lambda: _counted(filterset, EveryResult(filterset)),
    )


def _counted(filterset, scope: CountScope) -> FacetCounts:
    found = FacetCounts()
    for declared in filterset.declaration:
        if isinstance(declared, Tick):
            found.tallies[declared.name] = declared.tally(filterset, scope)
        elif (facet := declared.count(filterset, scope)) is not None:
            found.facets.append(facet)
    stored_total = scope.stored(EntityCount.ARTICLES, ())
    found.total = stored_total[0].articles if stored_total else None
    return found

"""The filters of the article list and of the quotes index: every state is a URL.

Both FilterSets are generated from their declaration in ``articles.facets``: each
declared filter becomes a field, and gives the words of the summary, the
active-filter chips and the export's file name. Within one kind of entity the
selected values are combined with AND ("articles mentioning both Ian Dickson and
Ray Jones"), because an article mentions many people at once; outlets, kinds and
speakers with OR, because a row has only one of each.
"""

from functools import cached_property

import django_filters
from django.db.models import F
from django_filters.filterset import FilterSetMetaclass

from archivecache.memo import once_per_version
from articles import entity_search, ordering, search
from articles.facets import (
    ARTICLE_FACETS,
    QUOTE_FACETS,
    Chip,
    Entities,
    count_window,
    first_results,
    one_parameter,
)
from articles.filter_fields import DateRangeForm, printable
from articles.list_memo import kept_for_list
from articles.models import Article, Quote
from facetcounts import read as stored_counts

NEWEST, OLDEST, RELEVANCE = "newest", "oldest", "relevance"
SORT_CHOICES = [(NEWEST, "Newest first"), (OLDEST, "Oldest first"), (RELEVANCE, "Relevance")]
MAX_FILE_NAME = 120


class DeclaredFilters(FilterSetMetaclass):
    """Adds a field for every filter in the class's ``declaration``."""

    def __new__(mcs, name, bases, attrs):
        for declared in attrs.get("declaration", ()):
            attrs.setdefault(declared.name, declared.form_filter())
        return super().__new__(mcs, name, bases, attrs)


class DeclaredFilterSet(django_filters.FilterSet, metaclass=DeclaredFilters):
    """``whole_archive``: the queryset is every public article, so that facets may read the
    precomputed counts (``facetcounts``) when no filter narrows it. ``subject``: the
    queryset is every public article of the page's own subject, as a facet's value
    (``{"person": "ian-dickson"}`` on a person's page)."""

    declaration: list = []
    counting_word = "newest"  # the facets' window is the first results in this order

    def __init__(
        self,
        data=None,
        queryset=None,
        *,
        whole_archive: bool = False,
        subject: dict[str, str] | None = None,
        **kwargs,
    ):
        super().__init__(data, queryset, **kwargs)
        self.whole_archive = whole_archive
        self.subject = subject or {}

    def results_count(self, ordered) -> int:
        """The number of results, when they overflow the facets' window (``ordered``:
        the results)."""
        return ordered.count()

    def window_rows(self, ordered):
        """``ordered`` (the results in the counting order), narrowed where that is known
        to leave its first count_window() + 1 rows as they are; here, unchanged."""
        return ordered

    def shared_list(self, without: tuple[str, ...] = ()) -> tuple | None:
        """A name for this list (leaving out the filters named in ``without``) when its
        results are the same for every reader, page and order (and for nothing else):
        its facets then count every result, once per archive version
        (``articles.facets.facet_counts``). None otherwise."""
        return None

    def own_list(self, without: tuple[str, ...] = ()) -> tuple:
        """A name for this list (leaving out the filters named in ``without``) that any
        list with the same results shares: its kind, subject and declared filters as the
        reader wrote them (the same words always find the same results at one archive
        version; two spellings of one filter only keep two copies). Sorting is not in it:
        what depends on the order names its counting word."""
        getlist = getattr(self.data, "getlist", None) or (lambda name: [self.data[name]])
        written = tuple(
            (declared.name, tuple(getlist(declared.name)))
            for declared in self.declaration
            if declared.name not in without and declared.name in self.data
        )
        subject = tuple(sorted(self.subject.items()))
        return ("own", type(self).__name__, self.whole_archive, subject, written)

    def one_entity(self, without: tuple[str, ...] = ()) -> tuple[str, str] | None:
        """(facet, slug) when the results (leaving out the filters named in ``without``)
        are exactly the public articles of one entity, which the precomputed counts
        count; None otherwise (quotes: always)."""
        return None

    def filter_declared(self, queryset, name, value):
        return self.declared(name).apply(queryset, value)

    def declared(self, name: str):
        return next(item for item in self.declaration if item.name == name)

    def cleaned(self, name: str):
        return self.form.cleaned_data.get(name) if self.is_valid() else None

    def matching(self, without: tuple[str, ...] = ()):
        """The filtered rows, leaving out the filters named in ``without`` (for facets)."""
        queryset = self.queryset.all()
        if not self.is_bound or not self.is_valid():
            return queryset if not self.is_bound else queryset.none()
        for name, value in self.form.cleaned_data.items():
            if name not in without:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def active(self) -> set[str]:
        """The declared filters that have a value."""
        names = {declared.name for declared in self.declaration}
        return {name for name, value in self._valid_data().items() if value and name in names}

    def counting_order(self, queryset):
        """``queryset`` in the order whose first rows the facets count among."""
        raise NotImplementedError

    def problems(self) -> list[str]:
        """The form's error messages, one line each, prefixed with their field's label."""
        found = []
        for name, messages in self.errors.items():
            field = self.form.fields.get(name)
            found += [
                printable(f"{field.label}: {message}" if field else message) for message in messages
            ]
        return found

    def _valid_data(self) -> dict:
        return self.form.cleaned_data if self.is_bound and self.is_valid() else {}

    def chips(self) -> list[tuple[str, Chip]]:
        """(parameter, chip) for every active filter value, in declaration order."""
        data = self._valid_data()
        return [
            (declared.name, chip)
            for declared in self.declaration
            for chip in declared.chips(data.get(declared.name))
        ]

    def summary(self) -> str:
        """The active filters in words: "mentioning Ian Dickson, from March 2021"."""
        data = self._valid_data()
        phrases = (declared.phrase_in(data) for declared in self.declaration)
        return ", ".join(phrase for phrase in phrases if phrase)

    def file_stem(self, stem: str, scope: dict[str, str]) -> str:
        """``stem`` followed by the page's subject and the filters, as in
        ``care-review-articles-ian-dickson-2021`` (an export's name, before its extension)."""
        data = self._valid_data()
        words = [stem, *scope.values()]
        for declared in self.declaration:
            words += declared.file_words(data.get(declared.name), data)
        name = "-".join(dict.fromkeys(word for word in words if word))
        return name[:MAX_FILE_NAME].rstrip("-")

    @property
    def search_text(self) -> str:
        return self.cleaned("q") or ""


class ArticleFilter(DeclaredFilterSet):
    declaration = ARTICLE_FACETS
    sort = django_filters.ChoiceFilter(
        label="Sort by", choices=SORT_CHOICES, empty_label=None, method="keep"
    )

    class Meta:
        model = Article
        fields = []
        form = DateRangeForm

    def keep(self, queryset, name, value):
        """Sorting is not a filter: ``ordered`` applies it."""
        return queryset

    def filter_declared(self, queryset, name, value):
        """The article search also finds the articles that mention whoever it names
        (``articles.entity_search``), looked up once for every use of the filter."""
        if name == "q" and value:
            return entity_search.filter_matching(queryset, value, self.named_entities)
        return super().filter_declared(queryset, name, value)

    @cached_property
    def named_entities(self) -> list[entity_search.NamedEntity]:
        """Who and what the search names, for the filter and the results page."""
        return entity_search.entities_named(self.search_text) if self.search_text else []

    @property
    def chosen_sort(self) -> str:
        chosen = self.cleaned("sort")
        if chosen == RELEVANCE and not self.search_text:
            chosen = None
        return chosen or (RELEVANCE if self.search_text else NEWEST)

    def ordered(self):
        """The matching articles in the chosen order, undated ones last (exports read it
        whole; the list pages through ``listed``)."""
        return self.ordered_by(self.matching(), self.chosen_sort)

    def ordered_by(self, queryset, sort: str):
        if sort == OLDEST:
            return queryset.order_by(F("published").asc(nulls_last=True), "title", "pk")
        if sort == RELEVANCE:
            return search.by_relevance(queryset, self.search_text)
        return queryset.order_by(*ordering.NEWEST)

    def listed(self, rows):
        """``ordered()``, with ``rows`` (a function of a queryset) choosing what is read
        of each article, in a form the paginator cuts cheaply: by relevance, the page's
        share of the ranking only (``search.RankedMatches``)."""
        if self.chosen_sort == RELEVANCE:
            return search.RankedMatches(
                self.matching(), self.search_text, rows, self.newest_matches, self._kept_ranking
            )
        return rows(self.ordered())

    def _kept_ranking(self, ranking) -> list[int]:
        """The ranked candidates' ids, once per archive version for this search: its every
        page within them is then read by id (?q=children at 100,000 articles: a page 17 →
        3 ms)."""
        depends_on = (search.rank_bound(),)
        return kept_for_list(self, "list-ranking", depends_on, ranking)

    def newest_matches(self):
        """The ids of the ``search.rank_bound()`` newest results, which the ranking ranks,
        as a query, when the facets' window holds them all (its query found them: the
        page need not search again, ?q=children at 100,000 articles: 96 → 19 ms); else
        None."""
        window, bound = first_results(self), search.rank_bound()
        if window is None or bound is None or (window.overflows and len(window.ids) < bound):
            return None
        chosen = window.ids[:bound]
        return self.queryset.model._base_manager.filter(pk__in=one_parameter(chosen)).values("pk")

    @property
    def counting_word(self) -> str:
        """Facets count among the first results by date (newest first unless sorted oldest
        first): ranking them again for every facet would cost what the search did."""
        return "oldest" if self.chosen_sort == OLDEST else "newest"

    def counting_order(self, queryset):
        return self.ordered_by(queryset, OLDEST if self.counting_word == "oldest" else NEWEST)

    def results_count(self, ordered):
        """Precomputed where the results are one entity's articles (100,000 articles, the
        most mentioned person's 51,050: a 29 ms count becomes a 1 ms read); else the sum
        of the date rows, where they count every result (?q=children: a 36 ms count
        saved); else counted."""
        from articles import coverage  # it reads this filterset

        if entity := self.one_entity():
            stored = stored_counts.articles_of(*entity)
            return stored if stored is not None else ordered.count()
        if self.dates_count_every_result():
            return sum(row.count for row in coverage.list_date_rows(self))
        return ordered.count()

    def dates_count_every_result(self) -> bool:
        """Whether the list's date rows (its chart and date facet, which the page reads
        anyway) count every one of its results: no date filter narrows the results, and
        the list is not one entity's, whose stored date rows would ask for its window."""
        from articles import coverage

        return not self.one_entity() and not self.active() & set(coverage.DATE_FILTERS)

    def window_rows(self, ordered):
        """Narrowed to the dates of the first count_window() + 1 results, where the date
        rows count every result (``coverage.window_edge``): a common word's window is
        then read from a few thousand rows, not from every match (?q=children, 100,000
        articles on PostgreSQL: 83 ms, 17 ms with the edge)."""
        from articles import coverage

        if not self.dates_count_every_result():
            return ordered
        oldest = self.counting_word == "oldest"
        edge = coverage.window_edge(coverage.list_date_rows(self), count_window() + 1, oldest)
        if edge is None:
            return ordered
        return ordered.filter(**{"published__lte" if oldest else "published__gte": edge})

    def shared_list(self, without=()):
        """The whole archive's articles with no filter (``("archive",)``), or one entity's
        (``one_entity``): one person, organisation, review body or outlet chosen and
        nothing else, or the entity's own page with no filter."""
        if self.whole_archive and not self.active() - set(without):
            return ("archive",)
        entity = self.one_entity(without)
        return ("articles of", *entity, bool(self.subject)) if entity else None

    def one_entity(self, without=()):
        active = self.active() - set(without)
        if len(self.subject) == 1 and not active:
            return next(iter(self.subject.items()))
        if not self.whole_archive or len(active) != 1:
            return None
        (name,) = active
        chosen = self.cleaned(name)
        if isinstance(self.declared(name), Entities) and len(chosen) == 1:
            return name, chosen[0].slug
        return None


class QuoteFilter(DeclaredFilterSet):
    declaration = QUOTE_FACETS

    class Meta:
        model = Quote
        fields = []
        form = DateRangeForm

    def ordered(self):
        """The matching quotes, newest article first, in their order within it."""
        return self.counting_order(self.matching())

    def shared_list(self, without=()):
        """Every public quote: /quotes/ unfiltered (its one view gives the filter them all)."""
        return None if self.active() - set(without) else ("every quote",)

    def results_count(self, ordered) -> int:
        """Counted once per archive version for the shared list (133,214 quotes at
        100,000 articles: 28 ms on PostgreSQL)."""
        if (shared := self.shared_list()) is None:
            return ordered.count()
        return once_per_version("list-total", shared, ordered.count)

    def counting_order(self, queryset):
        return queryset.order_by(
            F("article__published").desc(nulls_last=True), "article__title", "article", "position"
        )

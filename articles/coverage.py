"""The data behind the coverage charts: one aggregate query per chart.

Articles are counted grouped by (publication start, precision), so one query
gives every period's count, whatever the grain the chart then chooses, and the
number of articles it leaves out (dated only to a season or a year, or undated).
The compare page counts up to four series in the same single query.

A filtered list's chart and its date facet share one query: the list without its
date filters, counted by (start, end, precision). The facet needs exactly that;
the chart applies the date filters to the rows in Python, as the filters do in SQL
(an article overlapping the range is in it). The whole archive's rows, for the
unfiltered list and the timeline, are the precomputed ones (``facetcounts``).
"""

import weakref
from collections import Counter
from typing import NamedTuple

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse

from articles.chart_periods import Dated
from articles.date_histogram import count_overlaps
from articles.facets import count_window, first_results
from articles.list_memo import kept_for_list
from articles.milestone_reports import review_milestones
from articles.models import (
    Article,
    Milestone,
    OrganisationMention,
    PersonMention,
    ReviewBodyMention,
)
from articles.review import the_review
from articles.views.chart import Chart, Series, coverage_chart
from curation.visibility import public
from facetcounts import read as stored_counts

MILESTONE_FIELDS = ("title", "slug", "date", "date_precision")
DATE_FILTERS = ("date_from", "date_to")


class DateRow(NamedTuple):
    """Articles counted by one (start, end, precision) of publication. A tuple: a page
    makes or unpickles a thousand or more (a frozen dataclass takes three times as long)."""

    start: object  # datetime.date, or None when undated
    end: object
    precision: str
    count: int


def archive_date_rows() -> list[DateRow]:
    """Every public article counted by date: the precomputed counts (facetcounts), or
    counted here if there is no archive version to count at."""
    stored = stored_counts.date_rows()
    if stored is not None:
        return [DateRow(*row) for row in stored]
    return counted_by_date(public(Article.objects))


def counted_by_date(articles) -> list[DateRow]:
    rows = (
        articles.order_by()
        .values_list("published", "published_end", "published_precision")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return [DateRow(*row) for row in rows]


_LIST_ROWS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def list_date_rows(filterset) -> list[DateRow]:
    """A valid ``ArticleFilter``'s articles, date filters left out, counted by date (the
    query runs once per filterset, for its chart and its date facet, and once per archive
    version for the same list: ``articles.list_memo``)."""
    if filterset not in _LIST_ROWS:
        _LIST_ROWS[filterset] = kept_for_list(
            filterset,
            "list-dates",
            (count_window(),),
            lambda: _list_rows(filterset),
            without=DATE_FILTERS,
        )
    return _LIST_ROWS[filterset]


def _list_rows(filterset) -> list[DateRow]:
    stored = _stored_list_rows(filterset)
    return stored if stored is not None else counted_by_date(filterset.matching(DATE_FILTERS))


def _stored_list_rows(filterset) -> list[DateRow] | None:
    """The precomputed rows, where the list (date filters left out) is the whole archive,
    or one entity's articles that overflow the facets' window: only those are kept, so a
    smaller list is not asked for them (100,000 articles, the most mentioned person's
    51,050: a 30–45 ms count becomes a 2 ms read)."""
    if shared_rows(filterset) == ("archive",):
        return archive_date_rows()
    entity = filterset.one_entity(without=DATE_FILTERS)
    if entity is None or not first_results(filterset).overflows:
        return None
    stored = stored_counts.entity_date_rows(*entity)
    return [DateRow(*row) for row in stored] if stored else None


def date_facet_counts(filterset, months_of: int | None) -> tuple[Counter, Counter]:
    """The date facet's articles per year (and per month of ``months_of``) of a valid
    ``ArticleFilter``'s list, its date filters left out (``count_overlaps``). Once per
    archive version for the same list (``articles.list_memo``), which then reads no date
    rows: at 100,000 articles, unpickling the most mentioned person's and
    counting their overlaps cost 2–2.5 ms a request."""

    def counted():
        rows = list_date_rows(filterset)
        return count_overlaps(((row.start, row.end, row.count) for row in rows), months_of)

    depends_on = (months_of, count_window())
    return kept_for_list(filterset, "date-facet", depends_on, counted, without=DATE_FILTERS)


def window_edge(rows: list[DateRow], size: int, oldest: bool = False):
    """The publication date that a list in date order (newest first, or ``oldest``
    first; undated last) has reached by its ``size``-th row, from the list's ``rows``:
    its first ``size`` rows are all dated on or after it (on or before it, oldest
    first), so a condition on that date leaves them as they are. None when they reach
    the undated rows, or the list is shorter."""
    dated = sorted((row for row in rows if row.start is not None), key=lambda row: row.start)
    seen = 0
    for row in dated if oldest else reversed(dated):
        seen += row.count
        if seen >= size:
            return row.start
    return None


def within(rows: list[DateRow], date_from, date_to) -> list[Dated]:
    """The rows the date filters keep (``FuzzyDate`` bounds or None), as the chart's rows."""
    kept = []
    for row in rows:
        if (date_from or date_to) and row.start is None:
            continue
        if date_from and (row.end is None or row.end < date_from.start()):
            continue
        if date_to and row.start > date_to.end():
            continue
        kept.append(Dated(row.start, row.precision, row.count))
    return kept


def filtered_chart(filterset) -> Chart | None:
    """The bar chart of a valid ``ArticleFilter``'s list."""
    data = filterset.form.cleaned_data
    rows = within(list_date_rows(filterset), data.get("date_from"), data.get("date_to"))
    return coverage_chart([Series("Articles", rows)], chart_milestones(), url_of=_timeline_anchor())


def chart_dates(filterset) -> tuple:
    """The periods of a valid ``ArticleFilter``'s date filters, (start, end) or None each:
    what its chart depends on besides its list's date rows."""
    data = filterset.form.cleaned_data
    dates = (data.get(name) for name in DATE_FILTERS)
    return tuple((date.start(), date.end()) if date else None for date in dates)


def shared_rows(filterset) -> tuple | None:
    """A name for the list's date rows (its date filters left out) when they are the
    same for every reader: the whole archive's, or one entity's articles; else None."""
    return filterset.shared_list(without=DATE_FILTERS)


def _by_start(rows: list[DateRow]) -> list[Dated]:
    """``rows`` counted by (start, precision) alone: the bars of a chart."""
    counts = Counter()
    for row in rows:
        counts[row.start, row.precision] += row.count
    return [Dated(start, precision, count) for (start, precision), count in counts.items()]


def chart_milestones() -> list[Milestone]:
    """The dated milestones of this review (earlier events are not marked)."""
    dated = Milestone.objects.filter(date__isnull=False).only(*MILESTONE_FIELDS)
    return list(review_milestones(dated, the_review()))


def _timeline_anchor():
    """A milestone's address on the timeline (``get_absolute_url`` without a reverse each)."""
    timeline = reverse("articles:timeline")
    return lambda milestone: f"{timeline}#{milestone.slug}"


def timeline_chart() -> Chart | None:
    """The whole archive's bar chart, reaching to the milestones near its coverage."""
    return coverage_chart(
        [Series("Articles", _by_start(archive_date_rows()))],
        chart_milestones(),
        url_of=_timeline_anchor(),
        reach_milestones=True,
    )


def mentioning(entity) -> Q:
    """Articles about ``entity``: a person, organisation or review body it mentions, or
    an outlet that published it."""
    mention = {
        "person": PersonMention,
        "organisation": OrganisationMention,
        "reviewbody": ReviewBodyMention,
    }
    kind = entity._meta.model_name
    if kind == "outlet":
        return Q(outlet=entity)
    field = "review_body" if kind == "reviewbody" else kind
    return Q(Exists(mention[kind].objects.filter(article=OuterRef("pk"), **{field: entity})))


def compare_chart(entities) -> Chart | None:
    """Lines for up to four ``entities`` side by side, counted in one query."""
    conditions = [mentioning(entity) for entity in entities]
    either = Q()
    for condition in conditions:
        either |= condition
    counted = {f"n{i}": Count("pk", filter=condition) for i, condition in enumerate(conditions)}
    rows = list(
        public(Article.objects)
        .filter(either)
        .order_by()
        .values("published", "published_precision")
        .annotate(**counted)
        .order_by()
    )
    series = [
        Series(
            entity.name,
            [Dated(row["published"], row["published_precision"], row[f"n{i}"]) for row in rows],
        )
        for i, entity in enumerate(entities)
    ]
    return coverage_chart(series, chart_milestones(), url_of=_timeline_anchor())

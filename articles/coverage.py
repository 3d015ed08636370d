"""The data behind the coverage charts: one aggregate query per chart.

Articles are counted grouped by (publication start, precision), so one query
gives every period's count, whatever the grain the chart then chooses, and the
number of articles it leaves out (dated only to a season or a year, or undated).
The compare page counts up to four series in the same single query.
"""

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse

from articles.chart_periods import Dated
from articles.models import (
    Article,
    Milestone,
    OrganisationMention,
    PersonMention,
    ReviewBodyMention,
)
from articles.views.chart import Chart, Series, coverage_chart
from curation.visibility import public

MILESTONE_FIELDS = ("title", "slug", "date", "date_precision")


def dated_rows(articles) -> list[Dated]:
    rows = (
        articles.order_by()
        .values_list("published", "published_precision")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return [Dated(start, precision, count) for start, precision, count in rows]


def chart_milestones() -> list[Milestone]:
    return list(Milestone.objects.filter(date__isnull=False).only(*MILESTONE_FIELDS))


def _timeline_anchor():
    """A milestone's address on the timeline (``get_absolute_url`` without a reverse each)."""
    timeline = reverse("articles:timeline")
    return lambda milestone: f"{timeline}#{milestone.slug}"


def list_chart(articles, name: str = "Articles", reach_milestones: bool = False) -> Chart | None:
    """The bar chart of ``articles`` (a queryset) with the milestones in its span."""
    return coverage_chart(
        [Series(name, dated_rows(articles))],
        chart_milestones(),
        url_of=_timeline_anchor(),
        reach_milestones=reach_milestones,
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

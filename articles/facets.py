"""Facet counts for an article list: one grouped query per facet, never one per value.

An AND facet (people, organisations, review bodies) counts within the current
results, so each count says how many results remain if the value is added. An OR
facet (outlet, kind) counts within the results of every other filter, so its
values stay visible and selectable side by side.
"""

from dataclasses import dataclass

from django.db.models import Case, Count, Exists, F, IntegerField, OuterRef, Value, When

from articles.models import Article, OrganisationMention, PersonMention, Quote, ReviewBodyMention
from curation.visibility import public

FACET_LIMIT = 20


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

    @property
    def has_selection(self) -> bool:
        return any(value.selected for value in self.values)


def _selected_first(relation: str, selected: list[str]) -> Case:
    return Case(
        When(**{f"{relation}__in": selected}, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )


def _facet(name, title, rows, selected) -> Facet:
    rows = list(rows[: FACET_LIMIT + 1])
    values = [
        FacetValue(row["value"], row["label"], row["count"], row["value"] in selected)
        for row in rows[:FACET_LIMIT]
    ]
    return Facet(name, title, values, truncated=len(rows) > FACET_LIMIT)


def mention_facet(name, title, mention_model, field, articles, selected) -> Facet:
    """Count the results that mention each person, organisation or review body."""
    rows = (
        public(mention_model.objects, field)
        .filter(article__in=articles.order_by().values("pk"))
        .values(value=F(f"{field}__slug"), label=F(f"{field}__name"))
        .annotate(count=Count("pk"), chosen=_selected_first(f"{field}__slug", selected))
        .order_by("-chosen", "-count", "label")
    )
    return _facet(name, title, rows, selected)


def outlet_facet(articles, selected) -> Facet:
    rows = (
        articles.order_by()
        .values(value=F("outlet__slug"), label=F("outlet__name"))
        .annotate(count=Count("pk"), chosen=_selected_first("outlet__slug", selected))
        .order_by("-chosen", "-count", "label")
    )
    return _facet("outlet", "Outlets", rows, selected)


def kind_facet(articles, selected) -> Facet:
    counts = dict(articles.order_by().values_list("kind").annotate(count=Count("pk")))
    values = [
        FacetValue(kind, label, counts.get(kind, 0), kind in selected)
        for kind, label in Article.KIND_CHOICES
        if counts.get(kind) or kind in selected
    ]
    return Facet("kind", "Kind", values, truncated=False)


def quoted_count(articles) -> int:
    return articles.filter(Exists(Quote.public.filter(article=OuterRef("pk")))).count()


MENTION_FACETS = [
    ("person", "People", PersonMention, "person"),
    ("organisation", "Organisations", OrganisationMention, "organisation"),
    ("review_body", "Review bodies", ReviewBodyMention, "review_body"),
]


def article_facets(filterset) -> list[Facet]:
    """Every facet of a bound, valid ``ArticleFilter``."""
    data = filterset.form.cleaned_data

    def slugs(name):
        return [item.slug for item in data.get(name) or ()]

    results = filterset.matching()
    facets = [
        mention_facet(name, title, model, field, results, slugs(name))
        for name, title, model, field in MENTION_FACETS
    ]
    facets.append(outlet_facet(filterset.matching(without=("outlet",)), slugs("outlet")))
    facets.append(kind_facet(filterset.matching(without=("kind",)), list(data.get("kind") or ())))
    return facets

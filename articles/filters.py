"""The article filters: every state of an article list is a set of GET parameters.

Within one kind of entity the selected values are combined with AND ("articles
mentioning both Ian Dickson and Ray Jones"), because an article mentions many
people at once; outlets and kinds are combined with OR, because an article has
only one of each. Invalid values never reach a query: they become form errors.
"""

import re
from functools import cached_property

import django_filters
from django import forms
from django.db.models import Exists, F, OuterRef
from django_filters.fields import ModelMultipleChoiceField

from articles import entity_search, search
from articles.models import (
    Article,
    OrganisationMention,
    Outlet,
    PersonMention,
    Quote,
    ReviewBodyMention,
)
from articles.parsing.fuzzydate import FuzzyDate
from people.models import Organisation, Person, ReviewBody

MAX_QUERY_LENGTH = 200
MAX_SELECTED = 20
MAX_SLUG_LENGTH = 320

NEWEST, OLDEST, RELEVANCE = "newest", "oldest", "relevance"
SORT_CHOICES = [(NEWEST, "Newest first"), (OLDEST, "Oldest first"), (RELEVANCE, "Relevance")]

_FUZZY_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", re.ASCII)
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` without the control characters and lone surrogates HTML cannot carry."""
    return _UNPRINTABLE.sub("", text)


class SlugChoiceField(ModelMultipleChoiceField):
    """Several objects named by slug, at most ``MAX_SELECTED`` of them."""

    def clean(self, value):
        if value and len(value) > MAX_SELECTED:
            raise forms.ValidationError(f"Choose at most {MAX_SELECTED} values.", code="too_many")
        for slug in value or ():
            if len(slug) > MAX_SLUG_LENGTH:
                raise forms.ValidationError("That address is too long.", code="too_long")
        return super().clean(value)


class SlugChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = SlugChoiceField

    def __init__(self, *args, noun: str, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault(
            "error_messages",
            {"invalid_choice": f"There is no {noun} “%(value)s” in the archive."},
        )
        super().__init__(*args, **kwargs)


class FuzzyDateField(forms.CharField):
    """A date as precise as the reader wants: "2021", "2021-03" or "2021-03-19"."""

    default_error_messages = {
        "invalid": "Enter a date as YYYY, YYYY-MM or YYYY-MM-DD, for example 2021-03.",
    }

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        match = _FUZZY_DATE.fullmatch(text)
        if match is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        year, month, day = (int(part) if part else None for part in match.groups())
        try:
            if not 1000 <= year <= 9998:
                raise ValueError(year)
            return FuzzyDate(year, month, day)
        except ValueError as error:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from error


class FuzzyDateFilter(django_filters.Filter):
    field_class = FuzzyDateField


class TickFilter(django_filters.Filter):
    """A checkbox: ticked means "only these", unticked means no filter."""

    field_class = forms.BooleanField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)


class ArticleFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start.start() > end.end():
            self.add_error("date_to", "The end of the date range is before its start.")
        return cleaned


MENTIONS = {
    "person": (PersonMention, "person"),
    "organisation": (OrganisationMention, "organisation"),
    "review_body": (ReviewBodyMention, "review_body"),
}


class ArticleFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Search the articles", max_length=MAX_QUERY_LENGTH, method="filter_search"
    )
    person = SlugChoiceFilter(
        label="People",
        noun="person",
        queryset=Person.objects.only("pk", "slug", "name"),
        method="filter_mentioned",
    )
    organisation = SlugChoiceFilter(
        label="Organisations",
        noun="organisation",
        queryset=Organisation.objects.only("pk", "slug", "name"),
        method="filter_mentioned",
    )
    review_body = SlugChoiceFilter(
        label="Review bodies",
        noun="review body",
        queryset=ReviewBody.objects.only("pk", "slug", "name"),
        method="filter_mentioned",
    )
    outlet = SlugChoiceFilter(
        label="Outlets",
        noun="outlet",
        queryset=Outlet.objects.only("pk", "slug", "name"),
        method="filter_outlet",
    )
    date_from = FuzzyDateFilter(label="From", method="filter_date_from")
    date_to = FuzzyDateFilter(label="To", method="filter_date_to")
    kind = django_filters.MultipleChoiceFilter(
        label="Kind",
        choices=Article.KIND_CHOICES,
        method="filter_kind",
        error_messages={"invalid_choice": "There is no kind of article called “%(value)s”."},
    )
    has_quotes = TickFilter(label="Only articles with quotes", method="filter_has_quotes")
    sort = django_filters.ChoiceFilter(
        label="Sort by", choices=SORT_CHOICES, empty_label=None, method="keep"
    )

    class Meta:
        model = Article
        fields = []
        form = ArticleFilterForm

    def filter_search(self, queryset, name, value):
        if not value:
            return queryset
        return entity_search.filter_matching(queryset, value, self.named_entities)

    @cached_property
    def named_entities(self) -> list[entity_search.NamedEntity]:
        """Who and what the search names (articles/entity_search.py), looked up once."""
        return entity_search.entities_named(self.search_text) if self.search_text else []

    def filter_mentioned(self, queryset, name, value):
        mention_model, field = MENTIONS[name]
        for chosen in value:
            queryset = queryset.filter(
                Exists(mention_model.objects.filter(article=OuterRef("pk"), **{field: chosen}))
            )
        return queryset

    def filter_outlet(self, queryset, name, value):
        return queryset.filter(outlet__in=value) if value else queryset

    def filter_kind(self, queryset, name, value):
        return queryset.filter(kind__in=value) if value else queryset

    def filter_date_from(self, queryset, name, value):
        return queryset.filter(published_end__gte=value.start()) if value else queryset

    def filter_date_to(self, queryset, name, value):
        return queryset.filter(published__lte=value.end()) if value else queryset

    def filter_has_quotes(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(Exists(Quote.public.filter(article=OuterRef("pk"))))

    def keep(self, queryset, name, value):
        """Sorting is not a filter: ``ordered`` applies it."""
        return queryset

    def matching(self, without: tuple[str, ...] = ()):
        """The filtered articles, leaving out the filters named in ``without`` (for facets)."""
        queryset = self.queryset.all()
        if not self.is_bound or not self.is_valid():
            return queryset if not self.is_bound else queryset.none()
        for name, value in self.form.cleaned_data.items():
            if name not in without:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def problems(self) -> list[str]:
        """The form's error messages, one line each, prefixed with their field's label."""
        found = []
        for name, messages in self.errors.items():
            field = self.form.fields.get(name)
            found += [
                printable(f"{field.label}: {message}" if field else message) for message in messages
            ]
        return found

    @property
    def search_text(self) -> str:
        return (self.form.cleaned_data.get("q") or "") if self.is_valid() else ""

    @property
    def chosen_sort(self) -> str:
        chosen = self.form.cleaned_data.get("sort") if self.is_valid() else None
        if chosen == RELEVANCE and not self.search_text:
            chosen = None
        return chosen or (RELEVANCE if self.search_text else NEWEST)

    def ordered(self):
        """The matching articles in the chosen order, undated ones last."""
        queryset = self.matching()
        newest = [F("published").desc(nulls_last=True), "title", "pk"]
        if self.chosen_sort == OLDEST:
            return queryset.order_by(F("published").asc(nulls_last=True), "title", "pk")
        if self.chosen_sort == RELEVANCE:
            return search.annotate_relevance(queryset, self.search_text).order_by(
                "-relevance", *newest
            )
        return queryset.order_by(*newest)

    def summary(self) -> str:
        """The active filters in words: "mentioning Ian Dickson, from March 2021"."""
        if not self.is_bound or not self.is_valid():
            return ""
        data = self.form.cleaned_data
        parts = [f"matching “{printable(data['q'])}”"] if data.get("q") else []
        for name, verb, joiner in (
            ("person", "mentioning", " and "),
            ("organisation", "mentioning", " and "),
            ("review_body", "mentioning", " and "),
            ("outlet", "in", " or "),
        ):
            if data.get(name):
                parts.append(f"{verb} " + joiner.join(item.name for item in data[name]))
        if data.get("kind"):
            labels = dict(Article.KIND_CHOICES)
            parts.append("of kind " + " or ".join(labels[kind] for kind in data["kind"]))
        if data.get("date_from"):
            parts.append(f"from {data['date_from'].display()}")
        if data.get("date_to"):
            parts.append(f"to {data['date_to'].display()}")
        if data.get("has_quotes"):
            parts.append("with quotes")
        return ", ".join(parts)

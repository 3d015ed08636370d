"""The form fields of the list filters: what a GET parameter may hold, and its error.

Invalid values never reach a query: they become form errors, one line each.
"""

import re

import django_filters
from django import forms
from django_filters.fields import ModelMultipleChoiceField

from articles.date_input import DateInputError, read_date

MAX_QUERY_LENGTH = 200
MAX_SELECTED = 20
MAX_SLUG_LENGTH = 320

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
    """A date as readers type it ("2021", "June 2021", "spring 2022", "23 May 2022",
    "2021-03"), read by ``articles.date_input`` into the period it names."""

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        try:
            return read_date(text)
        except DateInputError as error:
            raise forms.ValidationError(str(error), code="invalid") from error


class FuzzyDateFilter(django_filters.Filter):
    field_class = FuzzyDateField


class TickFilter(django_filters.Filter):
    """A checkbox: ticked means "only these", unticked means no filter."""

    field_class = forms.BooleanField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)


class DateRangeForm(forms.Form):
    """A filter form whose ``date_from`` may not come after its ``date_to``."""

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start.start() > end.end():
            self.add_error("date_to", "The end of the date range is before its start.")
        return cleaned

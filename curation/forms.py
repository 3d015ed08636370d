"""Form pieces for curating: dates typed as precisely as known, lists edited one per line,
and aliases that collide."""

import datetime

from django import forms
from django.core.exceptions import ValidationError

from articles.parsing.dates import parse_date
from articles.parsing.fuzzydate import PRECISIONS, UNKNOWN, FuzzyDate
from articles.parsing.names import normalise_name


class LinesField(forms.Field):
    """A list of strings, edited as a textarea with one per line (not as raw JSON)."""

    widget = forms.Textarea(attrs={"rows": 4, "cols": 60})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        if isinstance(value, list):
            return value
        lines = (line.strip() for line in (value or "").splitlines())
        return list(dict.fromkeys(line for line in lines if line))

    def has_changed(self, initial, data):
        return self.to_python(initial) != self.to_python(data)


def alias_owner(model, alias_model, name: str, exclude_pk=None):
    """The record of ``model`` other than ``exclude_pk`` that has ``name`` as an alias."""
    aliases = alias_model.objects.filter(normalised=normalise_name(name)).select_related(
        alias_model.owner_field
    )
    owner_field = f"{alias_model.owner_field}_id"
    if exclude_pk is not None:
        aliases = aliases.exclude(**{owner_field: exclude_pk})
    alias = aliases.first()
    return getattr(alias, alias_model.owner_field) if alias else None


class AliasForm(forms.ModelForm):
    """An alias row: a spelling another record already claims is refused, naming it."""

    def clean_name(self):
        name = self.cleaned_data["name"]
        model = type(self.instance)
        taken = model.objects.filter(normalised=normalise_name(name)).exclude(pk=self.instance.pk)
        clash = taken.select_related(model.owner_field).first()
        if clash is not None:
            raise ValidationError(
                f"“{name}” is already an alias of “{getattr(clash, model.owner_field)}”:"
                " merge the two if they are the same."
            )
        return name


class FuzzyDateField(forms.CharField):
    """A date typed as precisely as it is known: "9 March 2021", "2021-03", "spring 2022"."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text",
            "As precisely as the source gives it: 9 March 2021 (or 2021-03-09), March 2021"
            " (or 2021-03), spring 2022, 2022. The precision follows from what you type.",
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return value.isoformat() if isinstance(value, datetime.date) else value

    def to_python(self, value) -> FuzzyDate | None:
        if isinstance(value, datetime.date):
            return FuzzyDate(value.year, value.month, value.day)
        text = super().to_python(value).strip()
        if not text:
            return None
        parsed = parse_date(text, allow_year=True) or _edtf_date(text)
        if parsed is None:
            raise ValidationError(
                f"“{text}” is not a date: write it as 9 March 2021, 2021-03-09, March 2021,"
                " 2021-03, spring 2022 or 2022."
            )
        return parsed


def _edtf_date(text: str) -> FuzzyDate | None:
    try:
        return FuzzyDate.from_edtf(text)
    except ValueError:
        return None


def settle_precision(typed: FuzzyDate, chosen: str) -> tuple[str, str]:
    """The precision to store for a date typed as ``typed`` with ``chosen`` picked, and a
    note when it was inferred; raises when the typed date is less precise than the choice."""
    if chosen == UNKNOWN:
        return typed.precision, (
            f"The precision was set to “{typed.precision}” from the date typed,"
            f" “{typed.display()}”."
        )
    if PRECISIONS.index(typed.precision) > PRECISIONS.index(chosen):
        raise ValidationError(
            f"“{typed.display()}” gives no {chosen}: type the full date, or choose the"
            f" precision “{typed.precision}”."
        )
    return chosen, ""

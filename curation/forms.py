"""Form pieces for curating names: lists edited one per line, and aliases that collide."""

from django import forms
from django.core.exceptions import ValidationError

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

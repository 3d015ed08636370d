"""What lets staff corrections survive a reload.

Every record the loader writes remembers, in ``loader_values``, the value it
last wrote to each field. A field whose current value differs from that memory
was corrected by staff (in the admin or through the ORM), and the loader leaves
it alone from then on. No signal or admin hook is needed, so corrections made
any way at all are respected.

Every record also counts its saves in ``version``, so a form opened before a
reload or another editor's save can be told it is stale (curation/concurrency.py).
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

_JSON_SCALARS = (str, int, float, bool, type(None))
# Values that a JSON round trip gives back equal (no float: NaN is not equal to itself).
_EXACT = frozenset({str, int, bool, type(None)})


def as_json_value(value):
    """Normalise a field value the way it is kept in ``loader_values``."""
    if isinstance(value, _JSON_SCALARS):
        return value
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return list(value)
    if isinstance(value, list) and all(_is_plain_tuple(item) for item in value):
        return [list(item) for item in value]  # a mention's spans, without a JSON round trip
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _is_plain_tuple(item) -> bool:
    return isinstance(item, tuple) and all(type(part) in _EXACT for part in item)


class LoaderTracked(models.Model):
    loader_values = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        encoder=DjangoJSONEncoder,
        help_text="The values the loader last wrote; a field that differs was corrected by staff.",
    )
    needs_review = models.BooleanField(default=False, db_index=True)
    review_reason = models.CharField(max_length=300, blank=True)
    version = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Goes up by one on every save: a form saved over a newer version is refused.",
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            self.bump_version()
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version"}
        super().save(*args, **kwargs)

    def bump_version(self) -> None:
        """Count one more change (``save`` does it; bulk writers call it themselves)."""
        self.version += 1

    def field_value(self, attname: str):
        return as_json_value(getattr(self, attname))

    def corrected_fields(self) -> list[str]:
        """The fields whose value is no longer the one the loader wrote."""
        return [
            attname
            for attname, written in self.loader_values.items()
            if self.field_value(attname) != written
        ]

    def apply_loader_values(self, values: dict) -> list[str]:
        """Write what the loader found, except where staff have corrected a field.

        A field is written when the loader wrote it before and nobody changed it
        since, or when it was never written by the loader and is still empty.
        Returns the attribute names that changed.
        """
        changed = []
        for attname, new_value in values.items():
            current = self.field_value(attname)
            if attname in self.loader_values:
                writable = current == self.loader_values[attname]
            else:
                writable = self._state.adding or current in (None, "", [], {})
            if not writable:
                continue
            new_json = as_json_value(new_value)
            if current != new_json:
                setattr(self, attname, new_value)
                changed.append(attname)
            if self.loader_values.get(attname, object()) != new_json:
                self.loader_values = {**self.loader_values, attname: new_json}
                if attname not in changed:
                    changed.append(attname)
        return changed

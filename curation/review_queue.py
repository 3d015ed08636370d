"""The review queue: everything the loader (or staff) flagged for a person to check.

Any model with a ``needs_review`` field takes part. The queue is read in a
fixed number of queries whatever its length: one for the counts of every
model together, then one per model that has rows on the requested page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Model, Value
from django.utils.text import capfirst

# Aliases carry a flag but no reason: the loader flags a near-miss spelling it linked.
ALIAS_REASON = "possible alias of “{owner}”"


@dataclass(frozen=True)
class QueueItem:
    record: Model
    reason: str

    @property
    def model_key(self) -> str:
        return model_key(type(self.record))

    @property
    def type_label(self) -> str:
        return capfirst(type(self.record)._meta.verbose_name)

    @property
    def article(self):
        """The article the record belongs to, for context (None when it has none)."""
        return getattr(self.record, "article", None)


def model_key(model: type[Model]) -> str:
    return model._meta.label_lower


def reviewable(model: type[Model]) -> bool:
    return any(field.name == "needs_review" for field in model._meta.concrete_fields)


def flagged(model: type[Model]):
    """The flagged rows of one model, with what their descriptions need joined in."""
    related = [field.name for field in model._meta.concrete_fields if field.many_to_one]
    return model.objects.filter(needs_review=True).select_related(*related).order_by("pk")


def queue_counts(models: list[type[Model]]) -> dict[str, int]:
    """How many flagged rows each model has, in one query."""
    if not models:
        return {}
    grouped = [
        model.objects.filter(needs_review=True)
        .order_by()
        .values(queue_model=Value(model_key(model)))
        .annotate(n=Count("pk"))
        .values_list("queue_model", "n")
        for model in models
    ]
    counts = dict(grouped[0].union(*grouped[1:], all=True))
    return {model_key(model): counts.get(model_key(model), 0) for model in models}


def queue_page(models: list[type[Model]], counts: dict[str, int], start: int, stop: int):
    """The queue items from position ``start`` to ``stop``, models in the order given."""
    items: list[QueueItem] = []
    offset = 0
    for model in models:
        count = counts[model_key(model)]
        first, last = max(start - offset, 0), min(stop - offset, count)
        if first < last:
            items.extend(describe(record) for record in flagged(model)[first:last])
        offset += count
        if offset >= stop:
            break
    return items


def describe(record: Model) -> QueueItem:
    reason = getattr(record, "review_reason", None)
    if reason is None:
        owner = getattr(record, type(record).owner_field)
        reason = ALIAS_REASON.format(owner=owner)
    return QueueItem(record, reason or "flagged for review")


def clear_flag(record: Model) -> None:
    """Mark a record as checked; the history records who cleared it and why."""
    record.needs_review = False
    record._change_reason = "review flag cleared"
    record.save()

"""The review queue: everything the loader (or staff) flagged for a person to check.

Any model with a ``needs_review`` field takes part. The queue is read in a
fixed number of queries whatever its length: one for the counts of every
model together, then one per model that has rows on the requested page.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Model, Prefetch, Q, Value
from django.utils.text import Truncator, capfirst

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
        """The article the record belongs to or that first named it (None when none)."""
        article = getattr(self.record, "article", None)
        if article is None and hasattr(self.record, "first_mentions"):
            mentions = self.record.first_mentions
            article = mentions[0].article if mentions else None
        return article

    @property
    def sentence(self) -> str:
        """The sentence of that article that introduced a discovered name."""
        mentions = getattr(self.record, "first_mentions", None)
        if not mentions:
            return ""
        names = [self.record.name, *mentions[0].spellings]
        return sentence_naming(mentions[0].article.body, names)


def model_key(model: type[Model]) -> str:
    return model._meta.label_lower


def reviewable(model: type[Model]) -> bool:
    return any(field.name == "needs_review" for field in model._meta.concrete_fields)


def has_reason(model: type[Model]) -> bool:
    return any(field.name == "review_reason" for field in model._meta.concrete_fields)


@dataclass(frozen=True)
class QueueFilter:
    """Which flagged rows to show: those giving a kind of reason, or of one outlet."""

    reason: str = ""
    outlet: str = ""  # an outlet's slug


EVERYTHING = QueueFilter()


def outlet_path(model: type[Model]) -> str | None:
    """How a model's rows reach their outlet's slug, or None when they have no outlet."""
    names = {field.name for field in model._meta.concrete_fields}
    if model._meta.label == "articles.Outlet":
        return "slug"
    if "outlet" in names:
        return "outlet__slug"
    if "article" in names:
        return "article__outlet__slug"
    return None


def flagged_rows(model: type[Model], filters: QueueFilter = EVERYTHING):
    """The flagged rows of one model that pass ``filters``."""
    rows = model.objects.filter(needs_review=True)
    if filters.reason:
        if not has_reason(model):
            return rows.none()
        rows = rows.filter(review_reason__contains=filters.reason)
    if filters.outlet:
        path = outlet_path(model)
        rows = rows.filter(**{path: filters.outlet}) if path else rows.none()
    return rows


def flagged(model: type[Model], filters: QueueFilter = EVERYTHING):
    """The flagged rows of one model, with what their descriptions need joined in.

    People and organisations come with their first mention and its article, to show
    where the name was found.
    """
    related = [field.name for field in model._meta.concrete_fields if field.many_to_one]
    rows = flagged_rows(model, filters).select_related(*related).order_by("pk")
    mentions = getattr(model, "mentions", None)
    if mentions is not None and hasattr(mentions, "rel"):
        first = mentions.rel.related_model.objects.select_related("article").order_by("pk")
        rows = rows.prefetch_related(Prefetch("mentions", first, to_attr="first_mentions"))
    return rows


def reason_kind(reason: str) -> str:
    """A reason without its particulars: "unknown outlet “Foo”" is "unknown outlet"."""
    return re.split(r"[“:;(]", reason, maxsplit=1)[0].strip()


def flagged_outlets() -> list[tuple[str, str]]:
    """(slug, name) of the outlets that have flagged articles or are flagged, in one query."""
    from articles.models import Outlet

    outlets = Outlet.objects.filter(Q(needs_review=True) | Q(articles__needs_review=True))
    return list(outlets.distinct().order_by("name").values_list("slug", "name"))


def reason_counts(models: list[type[Model]]) -> list[tuple[str, int]]:
    """How many flagged rows give each kind of reason, most first, in one query."""
    models = [model for model in models if has_reason(model)]
    if not models:
        return []
    grouped = [
        model.objects.filter(needs_review=True)
        .order_by()
        .values_list("review_reason")
        .annotate(n=Count("pk"))
        for model in models
    ]
    counts = Counter()
    for reasons, n in grouped[0].union(*grouped[1:], all=True):
        for reason in dict.fromkeys(reason_kind(part) for part in reasons.split(";")):
            counts[reason or "flagged for review"] += n
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))


def sentence_naming(body: str, names: list[str], limit: int = 300) -> str:
    """The first sentence of ``body`` that contains one of ``names``."""
    wanted = [name.casefold() for name in names if name]
    for sentence in re.split(r"(?<=[.!?”])\s+|\n+", body):
        if any(name in sentence.casefold() for name in wanted):
            return Truncator(sentence.strip()).chars(limit)
    return ""


def queue_counts(models: list[type[Model]], filters: QueueFilter = EVERYTHING) -> dict[str, int]:
    """How many flagged rows each model has, in one query."""
    if not models:
        return {}
    grouped = [
        flagged_rows(model, filters)
        .order_by()
        .values(queue_model=Value(model_key(model)))
        .annotate(n=Count("pk"))
        .values_list("queue_model", "n")
        for model in models
    ]
    counts = dict(grouped[0].union(*grouped[1:], all=True))
    return {model_key(model): counts.get(model_key(model), 0) for model in models}


def queue_page(models, counts: dict[str, int], start: int, stop: int, filters=EVERYTHING):
    """The queue items from position ``start`` to ``stop``, models in the order given."""
    items: list[QueueItem] = []
    offset = 0
    for model in models:
        count = counts[model_key(model)]
        first, last = max(start - offset, 0), min(stop - offset, count)
        if first < last:
            items.extend(describe(record) for record in flagged(model, filters)[first:last])
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

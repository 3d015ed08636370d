"""Merges that can be undone: what a merge touched is kept before and after it.

``merge_recorded`` runs a merge (people/services/merge.py) between two
snapshots of every row it can touch, and keeps them in a MergeRecord whose
summary lists what moved; the survivor's history entry names the counts.
``undo_merge`` puts every row back as it was before, provided none of them
changed since the merge; otherwise it says which ones did and changes nothing.
"""

from __future__ import annotations

import json
from collections import Counter

from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from .models import MergeRecord

REASON_LENGTH = 100
UNDONE = "merge undone"


class UndoBlocked(Exception):
    """The rows a merge touched changed since; the message says which."""


def touched_rows(records) -> list:
    """Every row a merge of ``records`` may change, records first (restored in this order)."""
    from people.models import Person, SlugRedirect

    records = list(records)
    owner = "person" if isinstance(records[0], Person) else "organisation"
    rows = [*records]
    for record in records:
        rows += list(record.aliases.all())
        if owner == "person":
            rows += list(record.memberships.all())
            rows += list(record.quotes.all())
        rows += list(record.mentions.all())
    rows += list(SlugRedirect.objects.filter(**{f"{owner}__in": records}))
    return rows


def _snapshot(rows) -> list[dict]:
    """The rows as Django's serialiser writes them, in their JSON form (as stored)."""
    return json.loads(json.dumps(serializers.serialize("python", rows), cls=DjangoJSONEncoder))


def _key(entry: dict) -> tuple[str, int]:
    return entry["model"], entry["pk"]


@transaction.atomic
def merge_recorded(merge, survivor, duplicates, *, user=None) -> MergeRecord:
    """Run ``merge(survivor, duplicates)`` and keep what it did."""
    duplicates = list(duplicates)
    before = _snapshot(touched_rows([survivor, *duplicates]))
    merge(survivor, duplicates)
    after = _snapshot(touched_rows([survivor]))
    summary = _summary(before, after, {d.pk for d in duplicates}, type(survivor))
    record = MergeRecord.objects.create(
        kind=type(survivor)._meta.model_name,
        survivor_name=survivor.name,
        merged_names=", ".join(d.name for d in duplicates),
        summary="\n".join(summary["lines"]),
        before=before,
        after=after,
        merged_by=user,
    )
    latest = survivor.history.order_by("-history_date", "-history_id").first()
    reason = f"merge #{record.pk}: moved {summary['counts']}"
    latest.history_change_reason = reason[:REASON_LENGTH]
    latest.save(update_fields=["history_change_reason"])
    return record


def _summary(before, after, duplicate_pks, model) -> dict:
    """One line per row that moved, changed or went, and the counts by kind of row."""
    after_by_key = {_key(entry): entry for entry in after}
    survivor_label = model._meta.label_lower
    lines, counts = [], Counter()
    for entry in before:
        if entry["model"] == survivor_label:
            continue
        now = after_by_key.get(_key(entry))
        if now == entry:
            continue
        name = entry["model"].split(".")[1]
        counts[name] += 1
        what = "combined with the survivor's" if now is None else "moved to the survivor"
        lines.append(f"{name} #{entry['pk']} {_describe(entry)}: {what}")
    for entry in after:
        if _key(entry) not in {_key(b) for b in before}:
            name = entry["model"].split(".")[1]
            lines.append(f"{name} #{entry['pk']} {_describe(entry)}: added by the merge")
    counted = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items())) or "nothing"
    return {"lines": lines, "counts": counted}


def _describe(entry: dict) -> str:
    fields = entry["fields"]
    text = fields.get("name") or fields.get("text") or fields.get("old_slug") or ""
    where = f" (article #{fields['article']})" if "article" in fields else ""
    return f"“{str(text)[:60]}”{where}" if text else where.strip()


@transaction.atomic
def undo_merge(record: MergeRecord, *, user=None) -> None:
    """Put every row the merge touched back as it was; refuse if any changed since."""
    if record.undone_at is not None:
        raise UndoBlocked("this merge was already undone")
    after = {_key(entry): entry for entry in record.after}
    now = (_model(model).objects.filter(pk=pk).first() for model, pk in after)
    current = {_key(entry): entry for entry in _snapshot(row for row in now if row is not None)}
    changed = [
        f"{model.split('.')[1]} #{pk} {_describe(entry)}"
        for (model, pk), entry in after.items()
        if current.get((model, pk)) != entry
    ]
    if changed:
        raise UndoBlocked("changed since the merge: " + "; ".join(changed))
    before_keys = {_key(entry) for entry in record.before}
    for model, pk in after:
        if (model, pk) not in before_keys:  # made by the merge: an alias, a redirect
            _model(model).objects.filter(pk=pk).delete()
    restored = list(serializers.deserialize("python", record.before))
    for obj in restored:
        obj.save()
    for obj in restored:  # a normal save, so the history shows the undo
        instance = type(obj.object).objects.get(pk=obj.object.pk)
        instance._change_reason = f"{UNDONE} (merge #{record.pk})"
        instance.save()
    record.undone_at, record.undone_by = timezone.now(), user
    record.save(update_fields=["undone_at", "undone_by"])


def _model(label: str):
    from django.apps import apps

    return apps.get_model(label)

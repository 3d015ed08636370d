"""What a batch of articles shares while it is written: look-ups made once, rows created once.

The loader writes many files in one transaction (articles/services/loading.py). Instead
of a few queries per article for each person, organisation, outlet, review body and
milestone it names, and an INSERT per new record, a ``Batch`` remembers every record
it has looked up (by name, key or digest: one query for all those not looked up yet)
and keeps the new records of the batch unsaved until ``create``, which makes them all
in bulk, with their history rows (copied in the database: history_copy.py),
one model at a time in an order in which every record comes after those it points to.
A new record's slug is chosen then too, for all of a model's at once.

Pending records point at each other as objects (a mention at its new article and new
person); Django fills in the ids as each model is created.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db import transaction

from articles.models import Article, FuzzyDated, Milestone, Outlet, SourceFile
from curation.tracking import LoaderTracked
from people.models import Organisation, Person, ReviewBody

from .history_copy import create_history
from .slugs import unique_slugs

LOADER_CHANGE_REASON = "load_articles"

# Models created first, in this order, before any other (which point at them).
_CREATED_FIRST = (Outlet, Person, Organisation, ReviewBody, Milestone, SourceFile, Article)


def ident(record) -> object:
    """A key for a record, saved (its id) or still pending in a batch (itself)."""
    return record.pk if record.pk is not None else ("pending", id(record))


class Batch:
    """The records a batch has looked up, and the new ones it has still to create."""

    def __init__(self):
        self.pending: dict[type, list] = {}
        self.found: dict[str, dict] = {}
        self.links: list[tuple[SourceFile, Article]] = []

    def lookup(self, kind: str, keys: Iterable, fetch: Callable[[list], dict]) -> dict:
        """key -> record (those found) for ``keys``, asking ``fetch(missing)`` (a dict) only
        for the keys of this ``kind`` not looked up before in this batch."""
        keys = list(dict.fromkeys(keys))
        known = self.found.setdefault(kind, {})
        missing = [key for key in keys if key not in known]
        if missing:
            fetched = fetch(missing)
            known.update((key, fetched.get(key)) for key in missing)
        return {key: known[key] for key in keys if known[key] is not None}

    def remember(self, kind: str, key, record) -> None:
        self.found.setdefault(kind, {})[key] = record

    def add(self, model, rows, *, slug_from: str | None = None) -> None:
        """Create ``rows`` of ``model`` with the batch; ``slug_from``: the text of the
        slug of the one row given."""
        rows = list(rows)
        if slug_from is not None:
            (row,) = rows
            row._slug_from = slug_from
        self.pending.setdefault(model, []).extend(rows)

    def link(self, version: SourceFile, article: Article) -> None:
        """Point a new source version at its article once both are created."""
        self.links.append((version, article))

    def create(self) -> None:
        """Create every pending record, then link new versions to their articles: all of it
        or, should any of it fail, none (a record is never left without its history)."""
        pending, self.pending = self.pending, {}
        links, self.links = self.links, []
        with transaction.atomic(savepoint=False):
            for model in sorted(pending, key=_creation_rank):
                rows = pending[model]
                _name(model, rows)
                for row in rows:
                    _prepare(row)
                model.objects.bulk_create(rows)
                if getattr(model._meta, "simple_history_manager_attribute", None):
                    create_history(model, rows, LOADER_CHANGE_REASON)
            for version, article in links:
                version.article = article
            if links:
                SourceFile.objects.bulk_update([version for version, _ in links], ["article"])


def _creation_rank(model) -> int:
    return _CREATED_FIRST.index(model) if model in _CREATED_FIRST else len(_CREATED_FIRST)


def _name(model, rows) -> None:
    """Give the rows that wait for one their unique slug, all of them in one query."""
    unnamed = [row for row in rows if hasattr(row, "_slug_from")]
    slugs = unique_slugs(model, [row._slug_from for row in unnamed])
    for row, slug in zip(unnamed, slugs, strict=True):
        row.slug = slug
        del row._slug_from


def _prepare(row) -> None:
    """What ``save`` would do that a bulk insert does not: the date's last day, and the
    loader's memory of a foreign key whose record was still pending when it was written."""
    if isinstance(row, FuzzyDated):
        row.normalise_dates()
    if not isinstance(row, LoaderTracked):
        return
    for field in row._meta.concrete_fields:
        if not field.is_relation or field.attname not in row.loader_values:
            continue
        target = row._state.fields_cache.get(field.name)
        if target is not None and row.loader_values[field.attname] is None:
            row.loader_values = {**row.loader_values, field.attname: target.pk}

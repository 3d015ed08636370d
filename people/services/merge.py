"""Merge records that name the same person (or organisation) into one survivor.

Everything that points at a duplicate moves to the survivor: mentions (an
article that mentions both keeps one mention with the spellings and counts
combined), quotes, memberships and aliases. The duplicate's name becomes an
alias, so the loader resolves it to the survivor from then on, and its public
address redirects to the survivor's. Every row changed is saved one by one
with a change reason, so the history shows the merge; it all happens in one
transaction.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Model

from people.models import Membership, Organisation, Person

from .aliases import ALIAS_MODEL, add_alias
from .redirects import redirect_slug, repoint_redirects

# simple_history keeps change reasons in a 100-character column.
REASON_LENGTH = 100


class MergeError(ValueError):
    """The records cannot be merged (different kinds, or the survivor among the duplicates)."""


def merge_people(survivor: Person, duplicates: Iterable[Person]) -> Person:
    """Merge ``duplicates`` into ``survivor`` and delete them; returns the survivor."""
    return _merge(survivor, duplicates, fill_blank=("role",))


def merge_organisations(survivor: Organisation, duplicates: Iterable[Organisation]) -> Organisation:
    """Merge ``duplicates`` into ``survivor`` and delete them; returns the survivor."""
    return _merge(survivor, duplicates, fill_blank=("description",))


@transaction.atomic
def _merge(survivor, duplicates, *, fill_blank: tuple[str, ...]):
    duplicates = list(duplicates)
    if any(type(d) is not type(survivor) or d.pk == survivor.pk for d in duplicates):
        raise MergeError("merge needs distinct records of one kind, the survivor not among them")
    if not duplicates:
        raise MergeError("nothing to merge")
    for duplicate in duplicates:
        reason = _reason(f"merged “{duplicate}” into “{survivor}”")
        _move_mentions(duplicate, survivor, reason)
        if isinstance(survivor, Person):
            for quote in duplicate.quotes.all():
                _repoint(quote, "speaker_id", survivor.pk, reason)
            _move_memberships(duplicate, survivor, reason)
        _move_aliases(duplicate, survivor, reason)
        for field in fill_blank:
            if not getattr(survivor, field):
                setattr(survivor, field, getattr(duplicate, field))
        survivor.known = survivor.known or duplicate.known
        repoint_redirects(duplicate, survivor)
        redirect_slug(duplicate.slug, survivor)
        duplicate._change_reason = reason
        duplicate.delete()
    survivor._change_reason = _reason(
        "merged " + ", ".join(f"“{d.name}”" for d in duplicates) + " into this record"
    )
    survivor.save()
    return survivor


def _reason(text: str) -> str:
    return text if len(text) <= REASON_LENGTH else text[: REASON_LENGTH - 1] + "…"


def _save(record: Model, reason: str) -> None:
    record._change_reason = reason
    record.save()


def _delete(record: Model, reason: str) -> None:
    record._change_reason = reason
    record.delete()


def _repoint(record, attname: str, target_pk: int, reason: str) -> None:
    """Point ``record`` at the survivor; the loader's memory follows, so this is no correction."""
    old_pk = getattr(record, attname)
    setattr(record, attname, target_pk)
    if record.loader_values.get(attname) == old_pk:
        record.loader_values = {**record.loader_values, attname: target_pk}
    _save(record, reason)


def _move_mentions(duplicate, survivor, reason: str) -> None:
    owner_attname = f"{type(survivor)._meta.model_name}_id"
    kept_by_article = {m.article_id: m for m in survivor.mentions.all()}
    for mention in duplicate.mentions.all():
        kept = kept_by_article.get(mention.article_id)
        if kept is None:
            _repoint(mention, owner_attname, survivor.pk, reason)
            continue
        _combine_mentions(kept, mention)
        _save(kept, reason)
        _delete(mention, reason)


def _combine_mentions(kept, other) -> None:
    """One mention with both spellings and both counts.

    The loader's memory takes the combined values too (unless staff corrected a
    field), so a later load of a changed file still maintains the mention.
    """
    corrected = set(kept.corrected_fields()) | set(other.corrected_fields())
    kept.spellings = list(dict.fromkeys([*kept.spellings, *other.spellings]))
    kept.count += other.count
    kept.spans = sorted([*kept.spans, *other.spans])
    remembered = {
        attname: kept.field_value(attname)
        for attname in ("spellings", "count", "spans")
        if attname in kept.loader_values and attname not in corrected
    }
    kept.loader_values = {**kept.loader_values, **remembered}


def _move_memberships(duplicate: Person, survivor: Person, reason: str) -> None:
    kept_by_body = {m.body_id: m for m in survivor.memberships.all()}
    for membership in duplicate.memberships.all():
        kept = kept_by_body.get(membership.body_id)
        if kept is None:
            _repoint(membership, "person_id", survivor.pk, reason)
            continue
        if membership.role == Membership.CHAIR:
            kept.role = Membership.CHAIR
        if kept.source_article_id is None:
            kept.source_article_id = membership.source_article_id
            kept.source_sentence = membership.source_sentence
        _save(kept, reason)
        _delete(membership, reason)


def _move_aliases(duplicate, survivor, reason: str) -> None:
    owner_field = ALIAS_MODEL[type(survivor)].owner_field
    for alias in duplicate.aliases.all():
        setattr(alias, owner_field, survivor)
        _save(alias, reason)
    add_alias(survivor, duplicate.name, reason)

"""Make the database agree with the authority file: known people, organisations, bodies."""

from django.db import transaction

from articles.parsing.authority import Authority
from articles.parsing.names import normalise_name
from curation.models import Rejection
from curation.rejections import match_key
from people.models import Organisation, Person, ReviewBody
from people.services.aliases import ALIAS_MODEL, add_alias, find_by_names

from .slugs import unique_slug

AUTHORITY_REASON = "fixtures/authority.toml"


@transaction.atomic
def sync_authority(authority: Authority) -> None:
    """Create or update every record the authority file names, keeping staff corrections.

    Every load starts here, so each kind's records and aliases are looked up at once: a
    file that has not changed costs a few queries, however many names it holds.
    """
    _sync_named(Person, authority.people, lambda known: {"role": known.role})
    _sync_named(
        Organisation, authority.organisations, lambda known: {"description": known.description}
    )
    for known in authority.review_bodies:
        body = ReviewBody.objects.filter(name=known.name).first() or ReviewBody(
            name=known.name, slug=unique_slug(ReviewBody, known.name)
        )
        _save_loader_values(
            body, {"purpose": known.purpose, "aliases": [*known.aliases, *known.short_forms]}
        )


def _sync_named(model, entries, loader_values) -> None:
    """People or organisations: each entry's record (found by name or alias, else created
    known) with its loader-written fields, then the aliases no record has yet. A name staff
    rejected as this kind stays rejected: the file does not bring it back."""
    kind = model._meta.model_name
    rejected = set(
        Rejection.objects.filter(
            kind=kind,
            article__isnull=True,
            match_key__in=[match_key(kind, known.name) for known in entries],
        ).values_list("match_key", flat=True)
    )
    entries = [known for known in entries if match_key(kind, known.name) not in rejected]
    found = find_by_names(model, [known.name for known in entries])
    alias_model = ALIAS_MODEL[model]
    forms = {normalise_name(alias) for known in entries for alias in known.aliases}
    taken = set(
        alias_model.objects.filter(normalised__in=forms).values_list("normalised", flat=True)
    )
    for known in entries:
        record = found.get(known.name) or model(
            name=known.name, slug=unique_slug(model, known.name), known=True
        )
        _save_loader_values(record, loader_values(known))
        for alias in known.aliases:
            if normalise_name(alias) not in taken:
                add_alias(record, alias, AUTHORITY_REASON)


def _save_loader_values(record, values: dict) -> None:
    """Save a new record, or an old one whose loader-written fields the file changed."""
    if record.apply_loader_values(values) or record._state.adding:
        record.save()

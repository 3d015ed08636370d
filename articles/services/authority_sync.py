"""Make the database agree with the authority file: known people, organisations, bodies."""

from django.db import transaction

from articles.parsing.authority import Authority
from articles.parsing.names import normalise_name
from people.models import Organisation, OrganisationAlias, Person, PersonAlias, ReviewBody

from .slugs import unique_slug


def _find_by_name_or_alias(model, alias_model, name: str):
    found = model.objects.filter(name=name).first()
    if found is None:
        alias = (
            alias_model.objects.filter(normalised=normalise_name(name))
            .select_related(alias_model.owner_field)
            .first()
        )
        found = getattr(alias, alias_model.owner_field) if alias else None
    return found


def _add_aliases(alias_model, owner, names) -> None:
    existing = set(alias_model.objects.filter(normalised__in=[normalise_name(n) for n in names]))
    taken = {alias.normalised for alias in existing}
    for name in names:
        if normalise_name(name) not in taken and normalise_name(name) != normalise_name(str(owner)):
            alias_model.objects.create(name=name, **{alias_model.owner_field: owner})
            taken.add(normalise_name(name))


@transaction.atomic
def sync_authority(authority: Authority) -> None:
    """Create or update every record the authority file names, keeping staff corrections."""
    for known in authority.people:
        person = _find_by_name_or_alias(Person, PersonAlias, known.name) or Person(
            name=known.name, slug=unique_slug(Person, known.name), known=True
        )
        if person.apply_loader_values({"role": known.role}) or person._state.adding:
            person.save()
        _add_aliases(PersonAlias, person, known.aliases)
    for known in authority.organisations:
        organisation = _find_by_name_or_alias(
            Organisation, OrganisationAlias, known.name
        ) or Organisation.objects.create(
            name=known.name, slug=unique_slug(Organisation, known.name), known=True
        )
        _add_aliases(OrganisationAlias, organisation, known.aliases)
    for known in authority.review_bodies:
        body = ReviewBody.objects.filter(name=known.name).first() or ReviewBody(
            name=known.name, slug=unique_slug(ReviewBody, known.name)
        )
        if (
            body.apply_loader_values(
                {"purpose": known.purpose, "aliases": [*known.aliases, *known.short_forms]}
            )
            or body._state.adding
        ):
            body.save()

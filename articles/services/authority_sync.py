"""Make the database agree with the authority file: known people, organisations, bodies."""

from django.db import transaction

from articles.parsing.authority import Authority
from people.models import Organisation, Person, ReviewBody
from people.services.aliases import add_alias, find_by_names

from .slugs import unique_slug

AUTHORITY_REASON = "fixtures/authority.toml"


@transaction.atomic
def sync_authority(authority: Authority) -> None:
    """Create or update every record the authority file names, keeping staff corrections."""
    for known in authority.people:
        person = find_by_names(Person, [known.name]).get(known.name) or Person(
            name=known.name, slug=unique_slug(Person, known.name), known=True
        )
        if person.apply_loader_values({"role": known.role}) or person._state.adding:
            person.save()
        for alias in known.aliases:
            add_alias(person, alias, AUTHORITY_REASON)
    for known in authority.organisations:
        organisation = find_by_names(Organisation, [known.name]).get(
            known.name
        ) or Organisation.objects.create(
            name=known.name, slug=unique_slug(Organisation, known.name), known=True
        )
        for alias in known.aliases:
            add_alias(organisation, alias, AUTHORITY_REASON)
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

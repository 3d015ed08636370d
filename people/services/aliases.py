"""Aliases staff decisions create: a merged record's name, a renamed record's old name."""

from articles.parsing.names import normalise_name
from people.models import Organisation, OrganisationAlias, Person, PersonAlias

ALIAS_MODEL = {Person: PersonAlias, Organisation: OrganisationAlias}


def add_alias(owner: Person | Organisation, name: str, reason: str) -> bool:
    """Make ``name`` an alias of ``owner`` unless it is already a name or alias; True if added.

    Aliases are unique across all records of a kind, so a spelling another
    record already claims is left with that record.
    """
    alias_model = ALIAS_MODEL[type(owner)]
    normalised = normalise_name(name)
    if normalised == normalise_name(owner.name):
        return False
    if alias_model.objects.filter(normalised=normalised).exists():
        return False
    alias = alias_model(name=name, **{alias_model.owner_field: owner})
    alias._change_reason = reason
    alias.save()
    return True

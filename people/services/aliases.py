"""Other spellings of names: finding records by them, and adding them.

The loader adds the spellings it learns; staff decisions add a merged record's
name or a renamed record's old name.
"""

from articles.parsing.names import normalise_name
from people.models import Organisation, OrganisationAlias, Person, PersonAlias

ALIAS_MODEL = {Person: PersonAlias, Organisation: OrganisationAlias}


def find_by_names(model, names) -> dict[str, Person | Organisation]:
    """Name -> record, by exact name first and then by any alias, in two queries."""
    alias_model = ALIAS_MODEL[model]
    names = set(names)
    found = {record.name: record for record in model.objects.filter(name__in=names)}
    wanted = {normalise_name(name): name for name in names - found.keys()}
    if wanted:
        aliases = alias_model.objects.filter(normalised__in=wanted).select_related(
            alias_model.owner_field
        )
        for alias in aliases:
            found[wanted[alias.normalised]] = getattr(alias, alias_model.owner_field)
    return found


def add_alias(
    owner: Person | Organisation, name: str, reason: str, *, needs_review: bool = False
) -> bool:
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
    alias = alias_model(name=name, needs_review=needs_review, **{alias_model.owner_field: owner})
    alias._change_reason = reason
    alias.save()
    return True

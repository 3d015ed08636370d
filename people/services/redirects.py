"""Keep the old public addresses of people and organisations working."""

from people.models import Organisation, Person, SlugRedirect

KIND_OF = {Person: SlugRedirect.PERSON, Organisation: SlugRedirect.ORGANISATION}


def redirect_slug(old_slug: str, target: Person | Organisation) -> SlugRedirect:
    """Send ``old_slug`` to ``target``; an earlier redirect of the same slug is replaced."""
    kind = KIND_OF[type(target)]
    redirect, _ = SlugRedirect.objects.update_or_create(
        kind=kind, old_slug=old_slug, defaults={kind: target}
    )
    return redirect


def repoint_redirects(old: Person | Organisation, target: Person | Organisation) -> None:
    """Redirects that led to ``old`` lead to ``target`` instead (they would die with ``old``)."""
    kind = KIND_OF[type(target)]
    SlugRedirect.objects.filter(**{kind: old}).update(**{kind: target})

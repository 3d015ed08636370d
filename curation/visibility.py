"""What the public site shows of records still awaiting review.

By default everything is shown, and a record the loader flagged carries an
"unverified" badge (templates/includes/unverified.html). With
``ARCHIVE_HIDE_UNREVIEWED`` on (environment ``ARCHIVE_HIDE_UNREVIEWED=1``),
unreviewed articles and discovered names (people and organisations still
flagged) are left out of every public page, list, count, feed and sitemap.
"""

from django.conf import settings
from django.db.models import Q


def hiding_unreviewed() -> bool:
    return settings.ARCHIVE_HIDE_UNREVIEWED


def visibility_name() -> str:
    """ "hidden" or "shown": what a kept page or result (archivecache) is keyed by besides
    the archive's version, since whether unreviewed records are hidden changes it."""
    return "hidden" if hiding_unreviewed() else "shown"


def reviewed(*relations: str) -> Q:
    """A filter keeping rows whose record (or each related record named) is reviewed."""
    if not hiding_unreviewed():
        return Q()
    paths = [f"{relation}__needs_review" for relation in relations] or ["needs_review"]
    return Q(**dict.fromkeys(paths, False))


def public(queryset, *relations: str):
    """``queryset`` as the public site may show it."""
    return queryset.filter(reviewed(*relations)) if hiding_unreviewed() else queryset


def named_speaker(quote):
    """Who the public site says spoke: nobody, when the speaker is a name it hides."""
    speaker = quote.speaker
    hidden = speaker is not None and hiding_unreviewed() and speaker.needs_review
    return None if hidden else speaker

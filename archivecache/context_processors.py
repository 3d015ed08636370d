"""``kept_version`` for templates: the version (``archivecache.memo.kept_version``) a
rendered fragment that is the same for every reader (an article's card, a shared list's
facets) may be kept under, or None when nothing may be kept. It is passed uncalled, so
only a template that uses it reads the version."""

from archivecache.memo import kept_version


def archive_version(request) -> dict:
    return {"kept_version": kept_version}

"""The archive's version, read once per request that only reads (GET or HEAD).

A page may consult several results kept per version (archivecache.memo) and the page
cache: each asked for the version, one query each (five on a person's page). Within a
GET or HEAD request the version read first now serves the rest of the request, so all
that the request keeps or finds is under one version. The version is still read
before anything is kept under it, which is what keeps a kept result from going stale
(archivecache.memo). A request that may write reads it afresh every time: what it
keeps after its own write must be under the version its write made.
"""

from contextvars import ContextVar

from archivecache.models import ArchiveVersion

SAFE_METHODS = ("GET", "HEAD")
_HELD: ContextVar[dict | None] = ContextVar("archive_version", default=None)


def current_version() -> str | None:
    """The archive's version (None without one): within a GET or HEAD request, the one
    its first call read; elsewhere read now."""
    held = _HELD.get()
    if held is None:
        return ArchiveVersion.current()
    if "stamp" not in held:
        held["stamp"] = ArchiveVersion.current()
    return held["stamp"]


class OneVersionPerRequestMiddleware:
    """Holds the version a GET or HEAD request reads first until its response is made
    (a streamed body, made later, reads it afresh)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in SAFE_METHODS:
            return self.get_response(request)
        token = _HELD.set({})
        try:
            return self.get_response(request)
        finally:
            _HELD.reset(token)

"""Recount the stored facet counts after a writing request, once its response is sent.

Every write changes the archive's version, and the counts of the version before are
no longer read (``facetcounts.read``). A load recounts them when it commits
(``articles.services.loading``); a correction in the admin left the recount to the
first reader of /articles/, who waited for it (0.7 s at 100,000 articles,
docs/performance.md). Now a signed-in user's request that may write (any method but
GET, HEAD, OPTIONS and TRACE) recounts them when the server closes its response, which
it does once the response is sent: the editor has the page, and the next reader finds
the counts current. Only signed-in users can change the archive over the web, so an
anonymous POST (a sign-in attempt, a stray form) never makes the site recount. A request
that wrote nothing the counts depend on finds them current at the cost of one lock and
two small queries. Should the recount fail, the failure is logged and the next reader
recounts, as before.
"""

import logging
import threading

from django.db import DatabaseError

from facetcounts.compute import refresh

logger = logging.getLogger(__name__)
READING_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")
RECOUNT_AFTER_WRITES = "facetcounts.after_writes"  # the receiver's dispatch_uid
_pending = threading.local()  # a WSGI server closes a response in its request's thread


class RecountAfterWritesMiddleware:
    """Marks a signed-in user's writing request's thread for a recount when its response
    is closed (the user is known once the view has run: a sign-in counts)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if request.method not in READING_METHODS and user is not None and user.is_authenticated:
            _pending.recount = True
        return response


def recount_if_written(**kwargs) -> None:
    """``request_finished`` receiver: recount if the finished request may have written."""
    if not getattr(_pending, "recount", False):
        return
    _pending.recount = False
    try:
        refresh()
    except DatabaseError as error:
        logger.warning("facet counts not recounted after a write (the next reader will): %s", error)

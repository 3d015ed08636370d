"""A page as the cache keeps it: status, headers and the body compressed once with gzip.

A hit is then served without rendering, pickling a response or compressing: to a
client that accepts gzip (every browser does) the stored bytes go out as they are,
with ``Content-Encoding: gzip``; to any other the body is decompressed. Either way the
response says ``Vary: Accept-Encoding``. Compressing is safe from BREACH here: a page
that holds a secret (a CSRF token) varies on the cookie, and such a page is never stored.

``FORMAT`` is part of every key, so that a deploy that changes what is stored never
reads an entry of the previous format.
"""

import gzip
import re
from typing import NamedTuple

from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

FORMAT = "gzip-1"
_ACCEPTS_GZIP = re.compile(r"\bgzip\b(?!\s*;\s*q=0(\.0*)?\s*(,|$))", re.IGNORECASE)
_PER_BODY = {"content-length", "content-encoding"}


class StoredPage(NamedTuple):
    status: int
    headers: list[tuple[str, str]]
    gzipped: bytes


def accepts_gzip(request) -> bool:
    return bool(_ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


def stored(response: HttpResponse) -> StoredPage:
    patch_vary_headers(response, ("Accept-Encoding",))
    headers = [(name, value) for name, value in response.items() if name.lower() not in _PER_BODY]
    return StoredPage(response.status_code, headers, gzip.compress(response.content, mtime=0))


def served(page: StoredPage, request) -> HttpResponse:
    """The stored page, compressed if the client accepts it."""
    response = HttpResponse(status=page.status, headers=dict(page.headers))
    if accepts_gzip(request):
        response.content = page.gzipped
        response["Content-Encoding"] = "gzip"
    else:
        response.content = gzip.decompress(page.gzipped)
    response["Content-Length"] = str(len(response.content))
    return response

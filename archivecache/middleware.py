"""A whole-response cache of the public pages, keyed by the URL and the archive's version.

Anonymous GET and HEAD requests for public pages are answered from the cache when
the same URL was rendered at the current archive version; every write to the archive
changes the version (archivecache/triggers.py), so a cached page is never stale. A hit
costs one query, the version's.

Never cached: the admin; a request that carries any cookie but the CSRF cookie (a
signed-in editor's session, flashed messages); a response that is not a plain 200,
streams or is a download (the exports), sets a cookie, varies on the cookie, or says
private, no-cache or no-store. Whether unreviewed records are hidden
(``ARCHIVE_HIDE_UNREVIEWED``) is part of the key. ``ARCHIVE_PAGE_CACHE = False`` turns
the whole cache off.

A page is looked for in the process's memory first, then in the store on disk that
every worker of the machine shares (archivecache/tiers.py); reading the file cost a hit
41 µs, the memory 4 (docs/performance.md, "A hit from memory").
"""

import functools
import hashlib

from django.conf import settings
from django.urls import reverse
from django.utils.cache import cc_delim_re, has_vary_header

from archivecache import stored, tiers
from archivecache.version import current_version
from curation.visibility import visibility_name

# Where a page is looked for, nearest first: this process's memory, the machine's disk.
PAGE_STORES = ("pages_in_memory", "pages")
HEADER = "X-Archive-Cache"
_UNCACHEABLE_DIRECTIVES = {"private", "no-cache", "no-store"}


def page_key(stamp: str, request) -> str:
    url = request.build_absolute_uri()
    keyed = f"{stamp}\n{visibility_name()}\n{url}"
    return f"page:{stored.FORMAT}:" + hashlib.sha256(keyed.encode()).hexdigest()


@functools.cache
def _admin_prefix(urlconf: str) -> str:
    return reverse("admin:index", urlconf=urlconf)


def cacheable_request(request) -> bool:
    if not settings.ARCHIVE_PAGE_CACHE or request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith((_admin_prefix(settings.ROOT_URLCONF), settings.STATIC_URL)):
        return False  # static files are WhiteNoise's, served without a query
    return all(name == settings.CSRF_COOKIE_NAME for name in request.COOKIES)


def cacheable_response(response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.get("Content-Disposition", "").lower().startswith("attachment"):
        return False  # a download: an export, possibly large
    if has_vary_header(response, "Cookie") or has_vary_header(response, "*"):
        return False
    directives = {
        value.split("=")[0].strip().lower()
        for value in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return not directives & _UNCACHEABLE_DIRECTIVES


class PageCacheMiddleware:
    """Place it first: a hit skips every other middleware.

    What it stores is the response as the others left it, with their headers (HSTS,
    the content security and permissions policies…). Those depend only on the settings
    and on whether the request came over HTTPS, which the URL in the key says; a plain
    HTTP request is redirected by the security middleware, and a redirect is never
    stored.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        stamp = current_version()
        if stamp is None:
            return self.get_response(request)
        key = page_key(stamp, request)
        page, missed = tiers.find(PAGE_STORES, key)
        if page is not None:
            tiers.keep(missed, key, page)
            response = stored.served(page, request)
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if request.method == "GET" and cacheable_response(response):
            tiers.keep(PAGE_STORES, key, stored.stored(response))
            response[HEADER] = "miss"
        return response

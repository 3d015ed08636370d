"""Requests refused before they reach a view."""

from django.http import HttpResponseNotAllowed

# TRACE echoes the request (cookies included) back; no page of the archive needs it.
REFUSED_METHODS = {"TRACE", "TRACK", "CONNECT"}
ALLOWED_METHODS = ["GET", "HEAD", "POST", "OPTIONS"]


class RefuseTraceMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in REFUSED_METHODS:
            return HttpResponseNotAllowed(ALLOWED_METHODS)
        return self.get_response(request)

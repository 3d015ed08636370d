"""Reconcile what a source's metadata says with what the parser found, field by field.

Layers are ranked: metadata given by a person (a sidecar, a header block) first, then
the capture's or the page's own (a WARC record, an HTML page's markup), then the
outlet whose home page is at the URL's host, then the parser's reading of the text.
Each field takes the first layer that has it, and ``origins`` says which one did.
"""

from __future__ import annotations

import dataclasses
from urllib.parse import urlsplit

from articles.parsing.authority import Authority
from articles.parsing.outlet import _profile_at_domain, _profile_named
from articles.parsing.types import ParsedArticle

PARSER = "parser"
URL_HOST = "URL host"
RECONCILED = ("title", "author", "published", "outlet", "url")


def reconcile(
    parsed: ParsedArticle, layers: list[tuple[str, dict]], authority: Authority
) -> tuple[ParsedArticle, dict[str, str]]:
    """``parsed`` with each field from the best layer that has it; and field -> origin.

    ``layers`` are (origin, {field: value}) pairs, best first.
    """
    page = parsed.page
    changes, origins = {}, {}
    for field in RECONCILED:
        origin, value = next(((o, v[field]) for o, v in layers if v.get(field)), (PARSER, None))
        origins[field] = origin
        if value is not None and field != "url":
            changes[field] = value
    if "outlet" in changes:
        profile = _profile_named(changes["outlet"], authority.outlets)
        changes["outlet"] = profile.name if profile else changes["outlet"]
        changes["outlet_known"] = profile is not None
    else:
        url = next((v["url"] for _, v in layers if v.get("url")), "")
        profile = _profile_at_domain(urlsplit(url).hostname or "", authority.outlets)
        if profile is not None and profile.name != page.outlet:
            changes.update(outlet=profile.name, outlet_known=True)
            origins["outlet"] = URL_HOST
    if origins["url"] == PARSER:
        del origins["url"]
    return dataclasses.replace(parsed, page=dataclasses.replace(page, **changes)), origins

"""HTML made in Python, always from escaped text: mention links and JSON-LD."""

import json
import re
from urllib.parse import urlsplit

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


class MentionLinker:
    """Links the first occurrence of each recorded spelling to its page.

    The text is escaped first and the anchors are inserted around matches of the
    escaped spellings, so nothing of the source is ever output unescaped. One
    pattern tries the longest spellings first, so "Josh MacAlister" wins over
    "MacAlister" and no link is nested inside another.
    """

    def __init__(self, links: dict[str, str]):
        self._urls = {str(conditional_escape(spelling)): url for spelling, url in links.items()}
        self._seen: set[str] = set()
        spellings = sorted(self._urls, key=len, reverse=True)
        alternatives = "|".join(re.escape(spelling) for spelling in spellings if spelling)
        self._pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if alternatives else None

    def _anchor(self, match: re.Match) -> str:
        spelling = match.group(0)
        if spelling in self._seen:
            return spelling
        self._seen.add(spelling)
        return format_html(
            '<a class="mention" href="{}">{}</a>', self._urls[spelling], mark_safe(spelling)
        )

    def link(self, text: str) -> SafeString:
        escaped = str(conditional_escape(text))
        if self._pattern is None:
            return mark_safe(escaped)
        return mark_safe(self._pattern.sub(self._anchor, escaped))


def is_web_address(url: str) -> bool:
    """Only http(s) addresses become links; anything else (javascript:, data:) stays text."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def json_ld(data: dict) -> SafeString:
    """A JSON-LD script element; <, > and & are escaped so the data cannot end the element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))

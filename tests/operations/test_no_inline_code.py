"""No page carries inline script, style or event handlers, which the CSP would block.

The browser tests see what the policy blocks as the page renders; this reads the HTML
of every kind of page for what runs only later (an ``onclick`` when clicked) too.
"""

from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.template.loader import render_to_string

from tests.browser.pages import PAGE_TYPES, STATUS, page_path

pytestmark = pytest.mark.django_db

# <script> types that hold data, not code.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


class InlineCode(HTMLParser):
    """Collects every inline script, style block, style attribute and event handler."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "style":
            self.found.append("<style> block")
        is_code = attributes.get("type") not in DATA_SCRIPT_TYPES
        if tag == "script" and "src" not in attributes and is_code:
            self.found.append("inline <script>")
        for name, value in attrs:
            if name == "style" or name.startswith("on"):
                self.found.append(f'<{tag} {name}="{value}">')
            if name in {"href", "src", "action"} and (value or "").startswith("javascript:"):
                self.found.append(f'<{tag} {name}="{value}">')


def inline_code(html: str) -> list[str]:
    parser = InlineCode()
    parser.feed(html)
    return parser.found


def test_the_parser_finds_inline_code():
    html = '<p style="x" onclick="y">a</p><style>p{}</style><script>1</script>'
    assert len(inline_code(html)) == 4
    assert (
        inline_code('<script src="/s.js"></script><script type="application/json">1</script>') == []
    )


def test_no_page_type_has_inline_code(client):
    call_command("load_articles", verbosity=0)
    found = {}
    for page_type in PAGE_TYPES:
        response = client.get(page_path(page_type))
        assert response.status_code == STATUS.get(page_type, 200), page_type
        if problems := inline_code(response.content.decode()):
            found[page_type] = problems
    assert not found, found


def test_the_error_pages_have_no_inline_code():
    for template in ("400.html", "404.html", "500.html"):
        assert inline_code(render_to_string(template)) == [], template

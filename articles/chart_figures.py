"""Coverage charts rendered (templates/includes/chart_figure.html), kept once per archive
version: a list's (``articles.list_memo``: every reader's list beside what the pages
share, a list of its own, such as a search, by its filters) and the timeline's. Working a
chart out and rendering it took 10–12 and 6–7 ms of such a page at 100,000 articles.

The figure depends on nothing of the request: only on its chart, and on the language
its numbers are written in, which the key holds.
"""

from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from archivecache.memo import once_per_version
from articles import coverage
from articles.list_memo import kept_for_list

TEMPLATE = "includes/chart_figure.html"


def rendered(chart) -> SafeString | str:
    """``chart`` rendered, or "" for no chart."""
    return render_to_string(TEMPLATE, {"chart": chart}) if chart else ""


def list_figure(filterset) -> SafeString | str:
    """A valid ``ArticleFilter``'s chart, rendered ("" where nothing can be charted):
    once per archive version for the same list (its date filters left out) and dates."""
    return kept_for_list(
        filterset,
        "list-chart",
        (*coverage.chart_dates(filterset), get_language()),
        lambda: rendered(coverage.filtered_chart(filterset)),
        without=coverage.DATE_FILTERS,
    )


def timeline_figure() -> SafeString | str:
    """The timeline's chart, rendered ("" where nothing can be charted)."""
    return once_per_version(
        "timeline-chart", (get_language(),), lambda: rendered(coverage.timeline_chart())
    )

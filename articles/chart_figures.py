"""Coverage charts rendered (templates/includes/chart_figure.html), kept once per archive
version where every reader sees the same one: the whole archive's list and one entity's
(``coverage.chart_key``), and the timeline's. Working a chart out and rendering it took
10–12 and 6–7 ms of such a page at 100,000 articles (archivecache.memo). A list of its
own (a search, a second filter) keeps its figure by its filters (``articles.list_memo``).

The figure depends on nothing of the request: only on its chart, and on the language
its numbers are written in, which the key holds.
"""

from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from archivecache.memo import once_per_version
from articles import coverage
from articles.list_memo import kept_for_own_list

TEMPLATE = "includes/chart_figure.html"


def rendered(chart) -> SafeString | str:
    """``chart`` rendered, or "" for no chart."""
    return render_to_string(TEMPLATE, {"chart": chart}) if chart else ""


def _kept(name: str, depends_on: tuple, chart):
    key = (*depends_on, get_language())
    return once_per_version(name, key, lambda: rendered(chart()))


def list_figure(filterset) -> SafeString | str:
    """A valid ``ArticleFilter``'s chart, rendered ("" where nothing can be charted)."""
    key = coverage.chart_key(filterset)
    if key is None:
        return kept_for_own_list(
            filterset,
            "own-list-chart",
            (get_language(),),
            lambda: rendered(coverage.filtered_chart(filterset)),
        )
    return _kept("list-chart", key, lambda: coverage.filtered_chart(filterset))


def timeline_figure() -> SafeString | str:
    """The timeline's chart, rendered ("" where nothing can be charted)."""
    return _kept("timeline-chart", (), coverage.timeline_chart)

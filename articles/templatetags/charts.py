"""Template tags that give a filtered article list its chart and date histogram.

They read the ``filterset`` that ``browse_articles`` puts in every list page's
context, so each page gains them with one include line.
"""

from django import template

from articles import chart_figures, coverage, date_histogram

register = template.Library()


@register.simple_tag
def filtered_coverage(filterset):
    """The coverage chart of a valid filtered list, rendered (``chart_figures``), else ""."""
    if filterset is None or not filterset.is_valid():
        return ""
    return chart_figures.list_figure(filterset)


@register.simple_tag(takes_context=True)
def filtered_date_histogram(context, filterset):
    """Years (then months of the chosen year) with counts and links, else None."""
    if filterset is None or not filterset.is_valid():
        return None
    chosen = date_histogram.chosen_year(filterset.form.cleaned_data)
    counted = coverage.date_facet_counts(filterset, chosen)
    return date_histogram.histogram(filterset, context["request"], counted)

"""The review's milestones in date order, earlier events apart, with the coverage per month."""

from django.shortcuts import render
from django.utils.functional import SimpleLazyObject

from articles import chart_figures, formats, selectors
from articles.milestone_reports import split_earlier
from articles.review import the_review


def _milestone(request, milestone, earlier: bool) -> dict:
    return {
        "title": milestone.title,
        "slug": milestone.slug,
        "url": request.build_absolute_uri(milestone.get_absolute_url()),
        "date": milestone.date_edtf,
        "date_display": milestone.date_display,
        "kind": milestone.kind,
        "expected": milestone.expected,
        "earlier_event": earlier,
        "articles": milestone.report_count,
        "articles_listed": [request.build_absolute_uri(report.url) for report in milestone.reports],
    }


def timeline(request):
    fmt, refused = formats.requested_format(request, ("json",))
    if refused:
        return refused
    review = the_review()
    if fmt == "json":
        milestones, earlier = split_earlier(selectors.timeline_milestones(), review)
        return formats.json_page(
            {
                "filters": {},
                "count": len(milestones) + len(earlier),
                "milestones": [
                    *(_milestone(request, milestone, False) for milestone in milestones),
                    *(_milestone(request, milestone, True) for milestone in earlier),
                ],
            }
        )
    # Worked out only if the milestones' fragment is rendered, not when it is kept.
    parts = SimpleLazyObject(lambda: split_earlier(selectors.timeline_milestones(), review))
    return render(
        request,
        "articles/timeline.html",
        {
            "milestones": SimpleLazyObject(lambda: parts[0]),
            "earlier": SimpleLazyObject(lambda: parts[1]),
            "review": review,
            "chart_figure": chart_figures.timeline_figure(),
        },
    )

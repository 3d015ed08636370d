"""The review's milestones in date order, with the coverage per month."""

from django.shortcuts import render

from articles import coverage, formats, selectors


def _milestone(request, milestone) -> dict:
    return {
        "title": milestone.title,
        "slug": milestone.slug,
        "url": request.build_absolute_uri(milestone.get_absolute_url()),
        "date": milestone.date_edtf,
        "date_display": milestone.date_display,
        "kind": milestone.kind,
        "expected": milestone.expected,
        "articles": milestone.source_count,
        "sources_shown": [
            request.build_absolute_uri(source.article.get_absolute_url())
            for source in milestone.shown_sources
        ],
    }


def timeline(request):
    fmt, refused = formats.requested_format(request, ("json",))
    if refused:
        return refused
    milestones = list(selectors.timeline_milestones())
    if fmt == "json":
        return formats.json_page(
            {
                "filters": {},
                "count": len(milestones),
                "milestones": [_milestone(request, milestone) for milestone in milestones],
            }
        )
    return render(
        request,
        "articles/timeline.html",
        {
            "milestones": milestones,
            "chart": coverage.timeline_chart(),
        },
    )

"""The review's milestones in date order, with the coverage per month."""

from django.shortcuts import render

from articles import coverage, selectors


def timeline(request):
    milestones = list(selectors.timeline_milestones())
    return render(
        request,
        "articles/timeline.html",
        {
            "milestones": milestones,
            "chart": coverage.timeline_chart(),
        },
    )

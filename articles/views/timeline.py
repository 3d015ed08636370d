"""The review's milestones in date order, with the coverage per month."""

from django.shortcuts import render

from articles import selectors
from articles.views.chart import coverage_chart


def timeline(request):
    milestones = list(selectors.timeline_milestones())
    dated = [milestone for milestone in milestones if milestone.date is not None]
    return render(
        request,
        "articles/timeline.html",
        {
            "milestones": milestones,
            "chart": coverage_chart(selectors.monthly_coverage(), dated),
            "left_out": selectors.coverage_precision_counts(),
        },
    )

"""The review's milestones in date order, earlier events apart, with the coverage per month."""

from django.shortcuts import render

from articles import selectors
from articles.milestone_reports import split_earlier
from articles.review import the_review
from articles.views.chart import coverage_chart


def timeline(request):
    review = the_review()
    milestones, earlier = split_earlier(selectors.timeline_milestones(), review)
    dated = [milestone for milestone in milestones if milestone.date is not None]
    return render(
        request,
        "articles/timeline.html",
        {
            "milestones": milestones,
            "earlier": earlier,
            "review": review,
            "chart": coverage_chart(selectors.monthly_coverage(), dated),
            "left_out": selectors.coverage_precision_counts(),
        },
    )

"""The home page: the archive at a glance."""

from django.shortcuts import render

from articles import selectors

TIMELINE_SIZE = 8


def home(request):
    return render(
        request,
        "articles/home.html",
        {
            "counts": selectors.archive_counts(),
            "latest": selectors.latest_articles(),
            "key_people": selectors.key_people(),
            "milestones": selectors.dated_milestones(TIMELINE_SIZE),
        },
    )

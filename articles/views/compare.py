"""/compare/: the coverage of up to four people, organisations, review bodies or
outlets per month, as lines side by side, with the numbers as a table.

The address names them: ``?person=a&person=b&organisation=c``. A name the archive
does not hold is answered 404 with the page saying which; more than four, 400.
"""

from urllib.parse import urlencode

from django.shortcuts import render

from articles import coverage, selectors
from articles.models import Outlet
from articles.views.chart import MAX_SERIES
from curation.visibility import public
from people.models import Organisation, Person, ReviewBody

MAX_COMPARED = MAX_SERIES
KINDS = {
    "person": ("person", Person),
    "organisation": ("organisation", Organisation),
    "review_body": ("review body", ReviewBody),
    "outlet": ("outlet", Outlet),
}


def _chosen(request) -> tuple[list, list[str], int]:
    """The entities the address names, in its order, the problems with it, and the status."""
    wanted = [(name, slug) for name in KINDS for slug in request.GET.getlist(name) if slug]
    if len(wanted) > MAX_COMPARED:
        return (
            [],
            [f"Compare at most {MAX_COMPARED} at a time; the address names {len(wanted)}."],
            400,
        )
    found = {}
    for name, (_, model) in KINDS.items():
        slugs = [slug for kind, slug in wanted if kind == name]
        if slugs:
            objects = model.objects if model is Outlet else public(model.objects)
            found[name] = {item.slug: item for item in objects.filter(slug__in=slugs)}
    entities, problems = [], []
    for name, slug in wanted:
        item = found[name].get(slug)
        if item is None:
            problems.append(f"There is no {KINDS[name][0]} “{slug[:80]}” in the archive.")
        elif item not in entities:
            entities.append(item)
    return entities, problems, 404 if problems else 200


def _without(request, entity) -> str:
    pairs = [
        (name, slug)
        for name in KINDS
        for slug in request.GET.getlist(name)
        if not (slug == entity.slug and KINDS[name][1] is type(entity))
    ]
    return f"{request.path}?{urlencode(pairs)}" if pairs else request.path


def compare(request):
    entities, problems, status = _chosen(request)
    chart = coverage.compare_chart(entities) if entities and not problems else None
    suggestion = None
    if not entities and not problems:
        people = list(selectors.key_people(MAX_COMPARED))
        if len(people) > 1:
            suggestion = (
                people,
                request.path + "?" + urlencode([("person", person.slug) for person in people]),
            )
    return render(
        request,
        "articles/compare.html",
        {
            "entities": [(entity, _without(request, entity)) for entity in entities],
            "names": [entity.name for entity in entities],
            "chart": chart,
            "problems": problems,
            "suggestion": suggestion,
            "max_compared": MAX_COMPARED,
        },
        status=status,
    )

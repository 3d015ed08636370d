"""The filterable article list, shared by /articles/ and every entity page.

One request gives the filter form (with its errors), the facets, the active
filters with links that remove them, a page of results, and links to the same
list as CSV, JSON and Atom. ``?format=csv`` or ``?format=json`` downloads the
whole filtered list instead of the page.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse

from articles import exports, search
from articles.facets import article_facets, quoted_count
from articles.filters import SORT_CHOICES, ArticleFilter, printable
from articles.selectors import LIST_DEFERRED

PAGE_SIZE = 20
EXPORT_FORMATS = ("csv", "json")
NOT_FILTERS = ("page", "format", "sort", "mentions_page")
ECHOED = ("q", "date_from", "date_to")
CHOICE_FILTERS = ("person", "organisation", "review_body", "outlet", "kind", "has_quotes")


@dataclass(frozen=True)
class ActiveFilter:
    label: str
    remove_url: str


def _url(path: str, query) -> str:
    encoded = query.urlencode()
    return f"{path}?{encoded}" if encoded else path


def _without(request, name: str, value: str | None = None) -> str:
    """This list's address without one filter value (or a whole filter) and the page."""
    query = request.GET.copy()
    query.pop("page", None)
    if value is None:
        query.pop(name, None)
    else:
        query.setlist(name, [item for item in query.getlist(name) if item != value])
    return _url(request.path, query)


def active_filters(request, filterset) -> list[ActiveFilter]:
    data = filterset.form.cleaned_data
    found = []
    if data.get("q"):
        found.append(ActiveFilter(f"Search: {printable(data['q'])}", _without(request, "q")))
    for name in ("person", "organisation", "review_body", "outlet"):
        for item in data.get(name) or ():
            found.append(ActiveFilter(item.name, _without(request, name, item.slug)))
    kind_labels = dict(filterset.filters["kind"].extra["choices"])
    for kind in data.get("kind") or ():
        found.append(ActiveFilter(kind_labels[kind], _without(request, "kind", kind)))
    for name, word in (("date_from", "From"), ("date_to", "To")):
        if data.get(name):
            found.append(ActiveFilter(f"{word} {data[name].display()}", _without(request, name)))
    if data.get("has_quotes"):
        found.append(ActiveFilter("With quotes", _without(request, "has_quotes")))
    return found


def kept_choices(request, filterset) -> list[tuple[str, str]]:
    """The valid checkbox choices of an invalid form, carried as hidden inputs so that
    correcting one field does not lose the others."""
    valid = filterset.form.cleaned_data if filterset.form.is_bound else {}
    return [
        (name, value)
        for name in CHOICE_FILTERS
        if name in valid and name not in filterset.errors
        for value in request.GET.getlist(name)
    ]


def page_number(request) -> int | None:
    """The requested page number, or None when ``page`` is not a plausible one."""
    raw = request.GET.get("page", "1")
    number = int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 7 else 0
    return number if number >= 1 else None


def _links(request, feed_params: dict) -> dict[str, str]:
    query = request.GET.copy()
    query.pop("page", None)
    links = {}
    for fmt in EXPORT_FORMATS:
        query["format"] = fmt
        links[fmt] = _url(request.path, query)
    query.pop("format", None)
    for name, value in feed_params.items():
        query.setlist(name, [*query.getlist(name), value])
    links["feed"] = _url(reverse("articles:article-feed"), query)
    return links


def _export(request, filterset, fmt):
    if not filterset.is_valid():
        return HttpResponseBadRequest(
            "Invalid filters: " + "; ".join(filterset.problems()), content_type="text/plain"
        )
    articles = filterset.ordered()
    if fmt == "csv":
        return exports.csv_response(articles, request.build_absolute_uri)
    filters = {name: request.GET.getlist(name) for name in request.GET if name != "format"}
    return exports.json_response(articles, request.build_absolute_uri, filters)


def browse_articles(request, base_queryset, template: str, context: dict, feed_params=None):
    """Render ``template`` with a filterable list of ``base_queryset`` (or export it)."""
    filterset = ArticleFilter(request.GET, queryset=base_queryset)
    fmt = request.GET.get("format")
    if fmt is not None:
        if fmt not in EXPORT_FORMATS:
            return HttpResponseBadRequest(
                "Unknown format: use csv or json.", content_type="text/plain"
            )
        return _export(request, filterset, fmt)

    status, page_error, page_obj, facets, quoted = 200, "", None, [], 0
    valid = filterset.is_valid()
    if valid:
        ordered = filterset.ordered().select_related("outlet").defer(*LIST_DEFERRED)
        paginator = Paginator(ordered, PAGE_SIZE)
        number = page_number(request)
        if number is None or number > max(paginator.num_pages, 1):
            status = 404
            page_error = (
                f"There is no page “{printable(request.GET.get('page', '')[:20])}” of this list; "
                f"it has {paginator.num_pages} page{'s' if paginator.num_pages != 1 else ''}."
            )
        else:
            page_obj = paginator.page(number)
            page_obj.object_list = list(page_obj.object_list)
            if filterset.search_text:
                search.attach_excerpts(page_obj.object_list, filterset.search_text)
            facets = article_facets(filterset)
            quoted = quoted_count(filterset.matching())
    active = active_filters(request, filterset) if valid else []
    filtered = any(
        value for name, values in request.GET.lists() if name not in NOT_FILTERS for value in values
    )
    return render(
        request,
        template,
        {
            **context,
            "filterset": filterset,
            "form": filterset.form,
            "page_obj": page_obj,
            "articles": page_obj.object_list if page_obj else [],
            "facets": facets,
            "quoted_count": quoted,
            "active_filters": active,
            "summary": filterset.summary(),
            "sort": filterset.chosen_sort if valid else None,
            "sort_choices": SORT_CHOICES,
            "searching": bool(filterset.search_text),
            "filtered": filtered,
            "page_error": page_error,
            "problems": filterset.problems(),
            "kept_choices": [] if valid else kept_choices(request, filterset),
            "typed": {name: printable(request.GET.get(name, "")) for name in ECHOED},
            "clear_url": request.path,
            "links": _links(request, feed_params or {}),
        },
        status=status,
    )

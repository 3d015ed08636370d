"""The filterable article list, shared by /articles/ and every entity page.

One request gives the filter form (with its errors), the facets, the active
filters with links that remove them, a page of results, and links to the same
list as CSV, JSON, RIS, BibTeX, CSL-JSON and Atom. ``?format=…`` downloads the
whole filtered list instead of the page (``articles.formats``).

Not a view module: the people, organisation and review-body pages use it too.
"""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from articles import formats, search
from articles.facets import (
    Choices,
    Entities,
    Tick,
    count_window,
    facet_counts,
    first_results,
)
from articles.filter_fields import printable
from articles.filters import RELEVANCE, SORT_CHOICES, ArticleFilter
from articles.selectors import LIST_DEFERRED
from facetcounts import read as stored_counts

PAGE_SIZE = 20
INDEX_PAGE_SIZE = 200
NOT_FILTERS = ("page", "format", "sort", "mentions_page")
ECHOED = ("q", "date_from", "date_to")
ARTICLES_FILE = "care-review-articles"


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
    return [
        ActiveFilter(chip.label, _without(request, name, chip.value))
        for name, chip in filterset.chips()
    ]


def kept_choices(request, filterset) -> list[tuple[str, str]]:
    """The valid checkbox choices of an invalid form, carried as hidden inputs so that
    correcting one field does not lose the others."""
    valid = filterset.form.cleaned_data if filterset.form.is_bound else {}
    ticked = [d.name for d in filterset.declaration if isinstance(d, Entities | Choices | Tick)]
    return [
        (name, value)
        for name in ticked
        if name in valid and name not in filterset.errors
        for value in request.GET.getlist(name)
    ]


def page_number(request) -> int | None:
    """The requested page number, or None when ``page`` is not a plausible one."""
    raw = request.GET.get("page", "1")
    number = int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 7 else 0
    return number if number >= 1 else None


def results_page(request, ordered, size: int, total: int | None = None):
    """(page, error): the requested page of ``ordered``, or the sentence saying why not.
    ``total``: the count of ``ordered``, if it was read already."""
    paginator = Paginator(ordered, size)
    if total is not None:
        paginator.count = total  # a cached property: the count query is spared
    number = page_number(request)
    if number is None or number > max(paginator.num_pages, 1):
        pages = paginator.num_pages
        return None, (
            f"There is no page “{printable(request.GET.get('page', '')[:20])}” of this list; "
            f"it has {pages} page{'s' if pages != 1 else ''}."
        )
    page_obj = paginator.page(number)
    page_obj.object_list = list(page_obj.object_list)
    return page_obj, ""


def download_links(request, names, feed_params: dict | None = None) -> dict[str, str]:
    query = request.GET.copy()
    query.pop("page", None)
    links = {}
    for fmt in names:
        query["format"] = fmt
        links[fmt] = _url(request.path, query)
    query.pop("format", None)
    if feed_params is not None:
        for name, value in feed_params.items():
            query.setlist(name, [*query.getlist(name), value])
        links["feed"] = _url(reverse("articles:article-feed"), query)
    return links


def facet_note(counts, total: int, filterset, noun: str) -> str:
    """The sentence that says the facets were counted among the first results only, or ""."""
    bounded = counts.bounded if counts else []
    if not bounded:
        return ""
    among = f"{count_window():,} {filterset.counting_word}"
    if total > count_window():
        return f"Counts among the {among} of {total:,} {noun}."
    titles = " and ".join(facet.title.lower() for facet in bounded)
    return f"Counts of {titles} among the {among} {noun} that match the other filters."


def filter_context(request, filterset) -> dict:
    """What every filterable list's template needs about its filters."""
    valid = filterset.is_valid()
    return {
        "filterset": filterset,
        "form": filterset.form,
        "active_filters": active_filters(request, filterset) if valid else [],
        "summary": filterset.summary(),
        "filtered": any(
            value
            for name, values in request.GET.lists()
            if name not in NOT_FILTERS
            for value in values
        ),
        "problems": filterset.problems(),
        "kept_choices": [] if valid else kept_choices(request, filterset),
        "typed": {name: printable(request.GET.get(name, "")) for name in ECHOED},
        "clear_url": request.path,
    }


def ranked_among(filterset, page_obj) -> int | None:
    """How many matches the relevance order ranked, when not all (articles/search.py)."""
    if page_obj is None or filterset.chosen_sort != RELEVANCE:
        return None
    return search.ranked_among(page_obj.paginator.count)


def browse_articles(
    request, base_queryset, template: str, context: dict, feed_params=None, whole_archive=False
):
    """Render ``template`` with a filterable list of ``base_queryset`` (or export it).

    ``feed_params`` names the page's own subject (``{"person": "ian-dickson"}``): the
    feed and the exports state it among their filters and in their file name.
    ``whole_archive``: ``base_queryset`` is every public article (/articles/).
    """
    scope = feed_params or {}
    filterset = ArticleFilter(
        request.GET, queryset=base_queryset, whole_archive=whole_archive, subject=scope
    )
    fmt, refused = formats.requested_format(request, formats.ARTICLE_FORMATS)
    if refused:
        return refused
    if fmt is not None:
        if not filterset.is_valid():
            return formats.invalid_filters(filterset)
        return formats.article_download(
            request,
            filterset.ordered(),
            fmt,
            formats.list_filters(request, scope),
            filterset.file_stem(ARTICLES_FILE, scope),
        )

    status, page_error, page_obj, counts = 200, "", None, None
    if filterset.is_valid():
        listed = filterset.listed(lambda rows: rows.select_related("outlet").defer(*LIST_DEFERRED))
        window = first_results(filterset)
        counts = facet_counts(filterset, window)
        total = window.total if window is not None else counts.total
        page_obj, page_error = results_page(request, listed, PAGE_SIZE, total)
        if page_obj is None:
            status, counts = 404, None
        elif filterset.search_text:
            search.attach_excerpts(page_obj.object_list, filterset.search_text)
    return render(
        request,
        template,
        {
            **context,
            **filter_context(request, filterset),
            "page_obj": page_obj,
            "articles": page_obj.object_list if page_obj else [],
            "facets": counts.facets if counts else [],
            # A name for the facets when they are the same for every reader (rendered
            # once per archive version: includes/article_browser.html).
            "shared_list": filterset.shared_list() if counts else None,
            "facet_note": facet_note(
                counts, page_obj.paginator.count if page_obj else 0, filterset, "articles"
            ),
            "quoted_count": counts.tallies["has_quotes"] if counts else 0,
            "sort": filterset.chosen_sort if filterset.is_valid() else None,
            "sort_choices": SORT_CHOICES,
            "searching": bool(filterset.search_text),
            "ranked_among": ranked_among(filterset, page_obj),
            "page_error": page_error,
            "links": download_links(request, formats.ARTICLE_FORMATS, scope),
        },
        status=status,
    )


def _entry(request, item, **fields) -> dict:
    return {
        "name": item.name,
        "slug": item.slug,
        "url": request.build_absolute_uri(item.get_absolute_url()),
        **fields,
        "articles": item.article_count,
    }


def index_page(request, template, objects, name, describe=lambda item: {}):
    """An index page of ``objects``, or its JSON (``?format=json``): the same page, with
    its paging; ``describe`` gives each entry's fields besides name, address and count.
    ``objects`` carry their precomputed ``article_count`` (``facetcounts.read.count_of``)."""
    fmt, refused = formats.requested_format(request, ("json",))
    if refused:
        return refused
    paginator = Paginator(objects, INDEX_PAGE_SIZE)
    number = page_number(request)
    if number is None or number > max(paginator.num_pages, 1):
        raise Http404("No such page of this list.")
    page_obj = paginator.page(number)
    page_obj.object_list = stored_counts.counted_page(page_obj.object_list)
    if fmt == "json":
        return formats.json_page(
            {
                "filters": {},
                "paging": formats.paging(request, page_obj),
                name: [_entry(request, item, **describe(item)) for item in page_obj.object_list],
            }
        )
    return render(request, template, {name: page_obj.object_list, "page_obj": page_obj})

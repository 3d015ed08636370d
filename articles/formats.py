"""``?format=`` on the public pages: downloads of a list, and JSON of any page.

A download (CSV, JSON, RIS, BibTeX, CSL-JSON) always holds the whole filtered
list, never one page of it, named after its filters
(``care-review-articles-ian-dickson-2021.csv``). The JSON of an index page (people,
organisations…) is the page shown, with its paging.
"""

from django.http import HttpResponseBadRequest, JsonResponse

from articles.exports import article_rows, citations, quote_rows
from articles.exports.download import CSV_TYPE, JSON_TYPE, csv_lines, download, json_document
from operations.export_limits import limited

ARTICLE_FORMATS = ("csv", "json", "ris", "bibtex", "csljson")
QUOTE_FORMATS = ("csv", "json")
CITATIONS = {
    "ris": (citations.ris_text, "application/x-research-info-systems; charset=utf-8", "ris"),
    "bibtex": (citations.bibtex_text, "application/x-bibtex; charset=utf-8", "bib"),
    "csljson": (citations.csl_json_text, "application/vnd.citationstyles.csl+json", "json"),
}


def requested_format(request, allowed: tuple[str, ...]):
    """The ``format`` asked for (None for the HTML page), or a 400 response."""
    fmt = request.GET.get("format")
    if fmt is None or fmt in allowed:
        return fmt, None
    return None, HttpResponseBadRequest(
        f"Unknown format: use {', '.join(allowed)}.", content_type="text/plain"
    )


def invalid_filters(filterset):
    return HttpResponseBadRequest(
        "Invalid filters: " + "; ".join(filterset.problems()), content_type="text/plain"
    )


def list_filters(request, scope: dict[str, str]) -> dict[str, list[str]]:
    """The filters of a list as the URL states them, with the page's own subject
    (the person of a person's page) as the first."""
    filters = {name: [value] for name, value in scope.items()}
    for name in request.GET:
        if name not in ("format", "page"):
            filters.setdefault(name, []).extend(request.GET.getlist(name))
    return filters


@limited
def article_download(request, articles, fmt: str, filters: dict, filename: str):
    """``articles`` (a queryset, in order) as a file in ``fmt``."""
    records = article_rows.article_records(articles, request.build_absolute_uri)
    if fmt == "csv":
        return download(csv_lines(article_rows.FIELDS, records), CSV_TYPE, f"{filename}.csv")
    if fmt == "json":
        head = {"filters": filters, "count": articles.count()}
        return download(json_document(head, "articles", records), JSON_TYPE, f"{filename}.json")
    write, content_type, extension = CITATIONS[fmt]
    return download(write(records), content_type, f"{filename}.{extension}")


@limited
def quote_download(request, quotes, fmt: str, filters: dict, filename: str):
    records = quote_rows.quote_records(quotes, request.build_absolute_uri)
    if fmt == "csv":
        return download(csv_lines(quote_rows.FIELDS, records), CSV_TYPE, f"{filename}.csv")
    head = {"filters": filters, "count": quotes.count()}
    return download(json_document(head, "quotes", records), JSON_TYPE, f"{filename}.json")


def paging(request, page_obj) -> dict:
    """The paging of an index page, with the addresses of its neighbours."""

    def address(number):
        query = request.GET.copy()
        query["page"] = number
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        "page": page_obj.number,
        "pages": page_obj.paginator.num_pages,
        "per_page": page_obj.paginator.per_page,
        "count": page_obj.paginator.count,
        "next": address(page_obj.next_page_number()) if page_obj.has_next() else None,
        "previous": address(page_obj.previous_page_number()) if page_obj.has_previous() else None,
    }


def json_page(data: dict) -> JsonResponse:
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})

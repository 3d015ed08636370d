"""/quotes/: every quote, filterable like the articles, and a permalink page per quote."""

from django.shortcuts import get_object_or_404, render

from articles import formats
from articles.browsing import download_links, facet_note, filter_context, results_page
from articles.exports import quote_rows
from articles.facets import facet_counts, first_results
from articles.filters import QuoteFilter
from articles.models import Quote
from articles.quote_context import surrounding_paragraph
from curation.visibility import named_speaker, public

PAGE_SIZE = 25
QUOTES_FILE = "care-review-quotes"
ARTICLE_LIST_FIELDS = tuple(f"article__{name}" for name in ("body", "source_text", "search_vector"))


def public_quotes():
    """The quotes the public site shows, with their article, outlet and speaker joined."""
    return (
        public(Quote.public, "article")
        .select_related("article__outlet", "speaker")
        .defer("loader_values", "article__loader_values", *ARTICLE_LIST_FIELDS)
    )


def quote_list(request):
    filterset = QuoteFilter(request.GET, queryset=public_quotes())
    fmt, refused = formats.requested_format(request, formats.QUOTE_FORMATS)
    if refused:
        return refused
    if fmt is not None:
        if not filterset.is_valid():
            return formats.invalid_filters(filterset)
        return formats.quote_download(
            request,
            filterset.ordered(),
            fmt,
            formats.list_filters(request, {}),
            filterset.file_stem(QUOTES_FILE, {}),
        )
    status, page_obj, page_error, counts = 200, None, "", None
    if filterset.is_valid():
        window = first_results(filterset)
        total = window.total if window is not None else None
        page_obj, page_error = results_page(request, filterset.ordered(), PAGE_SIZE, total)
        if page_obj is None:
            status = 404
        else:
            for quote in page_obj.object_list:
                quote.shown_speaker = named_speaker(quote)
            counts = facet_counts(filterset, window)
    return render(
        request,
        "quotes/quote_list.html",
        {
            **filter_context(request, filterset),
            "page_obj": page_obj,
            "quotes": page_obj.object_list if page_obj else [],
            "facets": counts.facets if counts else [],
            "shared_list": filterset.shared_list() if counts else None,
            "facet_note": facet_note(
                counts, page_obj.paginator.count if page_obj else 0, filterset, "quotes"
            ),
            "page_error": page_error,
            "links": download_links(request, formats.QUOTE_FORMATS),
        },
        status=status,
    )


def quote_detail(request, pk):
    quote = get_object_or_404(
        public(Quote.public, "article")
        .select_related("article__outlet", "speaker")
        .defer("article__source_text", "article__search_vector"),
        pk=pk,
    )
    fmt, refused = formats.requested_format(request, ("json",))
    if refused:
        return refused
    context = surrounding_paragraph(quote.article.paragraphs, quote.text)
    if fmt == "json":
        rows = quote_rows.quote_records(
            Quote.objects.filter(pk=quote.pk), request.build_absolute_uri
        )
        paragraph = context.paragraph if context else None
        return formats.json_page({"quote": next(rows), "paragraph": paragraph})
    return render(
        request,
        "quotes/quote_detail.html",
        {"quote": quote, "speaker": named_speaker(quote), "context": context},
    )

"""The outlets that published the coverage."""

from django.shortcuts import get_object_or_404

from articles import selectors
from articles.browsing import browse_articles, index_page
from articles.mention_contexts import contexts_for
from articles.models import Outlet, OutletMention


def outlet_list(request):
    return index_page(
        request,
        "articles/outlet_list.html",
        selectors.outlets_with_counts(),
        "outlets",
        lambda outlet: {"kind": outlet.kind, "homepage": outlet.homepage or None},
    )


def outlet_detail(request, slug):
    outlet = get_object_or_404(Outlet, slug=slug)
    return browse_articles(
        request,
        selectors.article_cards().filter(outlet=outlet),
        "articles/outlet_detail.html",
        {
            "outlet": outlet,
            "contexts": contexts_for(request, OutletMention, outlet=outlet),
        },
        feed_params={"outlet": outlet.slug},
    )

"""The outlets that published the coverage."""

from django.shortcuts import get_object_or_404, render

from articles import selectors
from articles.models import Outlet
from articles.views.browse import browse_articles


def outlet_list(request):
    return render(
        request, "articles/outlet_list.html", {"outlets": selectors.outlets_with_counts()}
    )


def outlet_detail(request, slug):
    outlet = get_object_or_404(Outlet, slug=slug)
    return browse_articles(
        request,
        selectors.article_cards().filter(outlet=outlet),
        "articles/outlet_detail.html",
        {"outlet": outlet},
        feed_params={"outlet": outlet.slug},
    )

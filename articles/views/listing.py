"""/articles/: every article, filterable, sortable, exportable."""

from articles.browsing import browse_articles
from articles.selectors import article_cards


def article_list(request):
    return browse_articles(
        request, article_cards(), "articles/article_list.html", {}, whole_archive=True
    )

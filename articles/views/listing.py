"""/articles/: every article, filterable, sortable, exportable."""

from articles.selectors import article_cards
from articles.views.browse import browse_articles


def article_list(request):
    return browse_articles(request, article_cards(), "articles/article_list.html", {})

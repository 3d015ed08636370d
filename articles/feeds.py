"""An Atom feed of any filtered article list: the list's filters, newest first."""

import datetime

from django.contrib.syndication.views import Feed
from django.core.exceptions import BadRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.views.defaults import bad_request

from articles.filters import NEWEST, ArticleFilter
from articles.models import Article
from curation.visibility import public

FEED_SIZE = 50


class ArticleFeed(Feed):
    feed_type = Atom1Feed
    description_template = None

    def __call__(self, request, *args, **kwargs):
        """Invalid filters are the reader's mistake: a 400 page, logged without a traceback
        (raised on, BadRequest would be logged with one)."""
        try:
            return super().__call__(request, *args, **kwargs)
        except BadRequest as problem:
            return bad_request(request, problem)

    def get_object(self, request, *args, **kwargs):
        query = request.GET.copy()
        query["sort"] = NEWEST
        filterset = ArticleFilter(query, queryset=public(Article.objects))
        if not filterset.is_valid():
            raise BadRequest("Invalid feed filters: " + "; ".join(filterset.problems()))
        filterset.list_query = request.GET.urlencode()
        return filterset

    def title(self, filterset):
        summary = filterset.summary()
        return "Care Review Archive: articles" + (f" {summary}" if summary else "")

    def subtitle(self, filterset):
        return "News coverage of the Independent Review of Children’s Social Care in England."

    def link(self, filterset):
        url = reverse("articles:article-list")
        return f"{url}?{filterset.list_query}" if filterset.list_query else url

    def items(self, filterset):
        return (
            filterset.ordered()
            .select_related("outlet")
            .defer("source_text", "search_vector", "loader_values")[:FEED_SIZE]
        )

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.standfirst or (article.paragraphs[0] if article.paragraphs else "")

    def item_author_name(self, article):
        return article.author or article.outlet.name

    def item_pubdate(self, article):
        if article.published is None:
            return None
        return timezone.make_aware(datetime.datetime.combine(article.published, datetime.time()))

    def item_updateddate(self, article):
        return article.updated_at

    def item_categories(self, article):
        return [article.outlet.name, article.get_kind_display()]

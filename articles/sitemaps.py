"""sitemap.xml: an index of section sitemaps that list every public page once.

Each section is paged at ``PAGE_LIMIT`` addresses, so no response grows with the
archive: /sitemap.xml names /sitemap-articles.xml?p=1, ?p=2 and so on.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from articles.models import Article, Outlet
from curation.visibility import public
from people.models import Organisation, Person, ReviewBody

PAGE_LIMIT = 2000


class IndexPagesSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return [
            "articles:home",
            "articles:article-list",
            "articles:timeline",
            "articles:outlet-list",
            "people:person-list",
            "people:organisation-list",
            "people:reviewbody-list",
        ]

    def location(self, item):
        return reverse(item)


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.6
    limit = PAGE_LIMIT

    def items(self):
        return public(Article.objects).only("slug", "updated_at").order_by("pk")

    def lastmod(self, article):
        return article.updated_at

    def get_latest_lastmod(self):
        """One aggregate query, instead of building every article to find the newest."""
        return public(Article.objects).aggregate(latest=Max("updated_at"))["latest"]


class SlugSitemap(Sitemap):
    """The detail pages of one model, by slug."""

    changefreq = "weekly"
    priority = 0.5
    limit = PAGE_LIMIT
    model = None

    def items(self):
        objects = self.model.objects
        return (
            (public(objects) if self.model in (Person, Organisation) else objects)
            .only("slug")
            .order_by("pk")
        )


class PersonSitemap(SlugSitemap):
    model = Person


class OrganisationSitemap(SlugSitemap):
    model = Organisation


class ReviewBodySitemap(SlugSitemap):
    model = ReviewBody


class OutletSitemap(SlugSitemap):
    model = Outlet


SITEMAPS = {
    "pages": IndexPagesSitemap,
    "articles": ArticleSitemap,
    "people": PersonSitemap,
    "organisations": OrganisationSitemap,
    "review-bodies": ReviewBodySitemap,
    "outlets": OutletSitemap,
}

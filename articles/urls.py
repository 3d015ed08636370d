"""Public pages about articles, outlets and the timeline."""

from django.urls import path

from articles.feeds import ArticleFeed
from articles.views import compare, detail, home, listing, outlets, timeline

app_name = "articles"

urlpatterns = [
    path("", home.home, name="home"),
    path("articles/", listing.article_list, name="article-list"),
    path("articles/feed/", ArticleFeed(), name="article-feed"),
    path("articles/<slug:slug>/", detail.article_detail, name="article-detail"),
    path("articles/<slug:slug>/source/", detail.article_source, name="article-source"),
    path("articles/<slug:slug>/source/raw/", detail.article_source_raw, name="article-source-raw"),
    path(
        "articles/<slug:slug>/source/<int:version>/",
        detail.article_source,
        name="article-source-version",
    ),
    path(
        "articles/<slug:slug>/source/<int:version>/raw/",
        detail.article_source_raw,
        name="article-source-version-raw",
    ),
    path("outlets/", outlets.outlet_list, name="outlet-list"),
    path("outlets/<slug:slug>/", outlets.outlet_detail, name="outlet-detail"),
    path("timeline/", timeline.timeline, name="timeline"),
    path("compare/", compare.compare, name="compare"),
]

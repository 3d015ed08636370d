"""Read-only queries behind the article pages; each costs a fixed number of queries."""

from django.db.models import F, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404

from articles.milestone_reports import attach_reports, review_milestones
from articles.models import (
    Article,
    Milestone,
    MilestoneSource,
    OrganisationMention,
    Outlet,
    PersonMention,
    Quote,
    ReviewBodyMention,
    SourceFile,
)
from articles.review import the_review
from curation.visibility import public
from facetcounts import read as stored_counts
from people.models import Person

LIST_DEFERRED = ("source_text", "search_vector", "loader_values")


def archive_counts() -> dict[str, int]:
    return {
        "articles": public(Article.objects).count(),
        "outlets": Outlet.objects.count(),
        "people": public(Person.objects).count(),
        "milestones": Milestone.objects.count(),
    }


def article_cards():
    """Articles ready for an article card: outlet joined, heavy columns left behind."""
    return public(Article.objects).select_related("outlet").defer(*LIST_DEFERRED)


def latest_articles(limit: int = 6):
    return article_cards().order_by("-published", "-pk").filter(published__isnull=False)[:limit]


def key_people(limit: int = 8) -> list[Person]:
    """The people the coverage mentions in the most articles (precomputed counts)."""
    return stored_counts.listed_or_recounted(
        public(Person.objects)
        .filter(pk__in=stored_counts.top_entities("person", limit))
        .annotate(article_count=stored_counts.count_of("person"))
        .order_by("-article_count", "name")
    )


def dated_milestones(limit: int | None = None):
    """The review's dated milestones, oldest first; earlier events are left out."""
    milestones = review_milestones(Milestone.objects.filter(date__isnull=False), the_review())
    milestones = milestones.order_by("date", "title")
    return milestones[:limit] if limit else milestones


def article_page(slug: str) -> Article:
    """One article with everything its page shows, in seven queries."""
    return get_object_or_404(
        public(Article.objects)
        .select_related("outlet", "source")
        .defer("source_text", "search_vector", "source__content")
        .prefetch_related(
            Prefetch(
                "person_mentions",
                public(PersonMention.objects, "person").select_related("person"),
            ),
            Prefetch(
                "organisation_mentions",
                public(OrganisationMention.objects, "organisation").select_related("organisation"),
            ),
            Prefetch(
                "review_body_mentions", ReviewBodyMention.objects.select_related("review_body")
            ),
            Prefetch("quotes", Quote.public.select_related("speaker").order_by("position")),
            Prefetch(
                "milestone_sources",
                MilestoneSource.objects.select_related("milestone").order_by(
                    "milestone__date", "milestone__title"
                ),
            ),
        ),
        slug=slug,
    )


def article_source(slug: str) -> Article:
    return get_object_or_404(
        public(Article.objects).only(
            "slug", "title", "source_file", "sha256", "source_text", "source_id"
        ),
        slug=slug,
    )


def source_versions(article: Article) -> list[SourceFile]:
    """Every stored version of an article's source, oldest first, without their bytes."""
    return list(article.source_versions.defer("content").order_by("first_seen", "pk"))


def source_version(article: Article, version: int | None) -> SourceFile:
    """One version of an article's source with its bytes: the one the article shows, or
    the one numbered ``version`` (its id)."""
    if version is None and article.source_id is None:
        raise Http404("The archive holds no original bytes of this source.")
    return get_object_or_404(article.source_versions, pk=version or article.source_id)


def timeline_milestones() -> list[Milestone]:
    """Every milestone in date order (undated last), each with its ``reports``: every
    article that reports it, by the loader's sentence or by date and topic
    (articles/milestone_reports.py). Three queries, whatever the number of milestones."""
    milestones = list(Milestone.objects.order_by(F("date").asc(nulls_last=True), "title"))
    attach_reports(milestones, the_review())
    return milestones


def outlets_with_counts():
    return Outlet.objects.annotate(article_count=stored_counts.count_of("outlet")).order_by("name")

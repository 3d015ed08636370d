"""Read-only queries behind the people, organisation and review body pages."""

from functools import cached_property

from django.db.models import Count, F, Max, Prefetch

from articles import ordering
from articles.facets import first_ids, one_parameter
from articles.models import Article, PersonMention, Quote
from curation.visibility import public
from facetcounts.read import count_of
from people.models import (
    Membership,
    Organisation,
    Person,
    ReviewBody,
    ReviewBodyFact,
    SlugRedirect,
)

CO_MENTION_LIMIT = 10


def redirect_target(kind: str, old_slug: str):
    """The survivor of a merge that ``old_slug`` used to name, or None."""
    redirect = (
        SlugRedirect.objects.select_related("person", "organisation")
        .filter(kind=kind, old_slug=old_slug)
        .first()
    )
    if redirect is None:
        return None
    return redirect.person if kind == SlugRedirect.PERSON else redirect.organisation


def people_with_counts():
    """Every public person with their precomputed article count (``facetcounts``)."""
    return public(Person.objects).annotate(article_count=count_of("person")).order_by("name", "pk")


def person_page(slug: str) -> Person | None:
    return (
        public(Person.objects)
        .prefetch_related(
            "aliases",
            Prefetch(
                "memberships",
                Membership.objects.select_related("body", "source_article").order_by("body__name"),
            ),
        )
        .filter(slug=slug)
        .first()
    )


def quotes_by(person):
    """What the person is quoted saying, newest article first."""
    return (
        public(Quote.public, "article")
        .filter(speaker=person)
        .select_related("article__outlet")
        .defer("article__body", "article__source_text", "article__search_vector")
        .order_by(F("article__published").desc(nulls_last=True), "article__title", "position")
    )


class CoMentions:
    """The people most often mentioned in the same articles as ``person``, with how often:
    among the person's count_window() newest public articles (all of them, up to that many).
    Counted when first read, so that an export, which shows none, costs nothing."""

    def __init__(self, person, limit: int = CO_MENTION_LIMIT):
        self.person, self.limit = person, limit

    @cached_property
    def _counted(self) -> tuple[list[dict], bool]:
        coverage = public(Article.objects).filter(person_mentions__person=self.person)
        ids, more = first_ids(coverage.order_by(*ordering.NEWEST))
        people = (
            public(PersonMention.objects, "person")
            .filter(article__in=one_parameter(ids))
            .exclude(person=self.person)
            .values("person")
            .annotate(together=Count("pk"), slug=Max("person__slug"), name=Max("person__name"))
            .order_by("-together", "name")[: self.limit]
        )
        return list(people), more

    @property
    def people(self) -> list[dict]:
        """slug, name and ``together`` (how many articles name both), most first."""
        return self._counted[0]

    @property
    def bounded(self) -> bool:
        """Whether the person has more articles than were counted among."""
        return self._counted[1]


def organisations_with_counts():
    return (
        public(Organisation.objects)
        .annotate(article_count=count_of("organisation"))
        .order_by("name", "pk")
    )


def organisation_page(slug: str) -> Organisation | None:
    return public(Organisation.objects).prefetch_related("aliases").filter(slug=slug).first()


def review_bodies_with_counts():
    """The public review bodies (those the facets offer) with their precomputed counts."""
    return (
        public(ReviewBody.objects)
        .annotate(article_count=count_of("review_body"), member_count=Count("memberships"))
        .order_by("name")
    )


def review_body_page(slug: str) -> ReviewBody | None:
    return (
        ReviewBody.objects.prefetch_related(
            Prefetch(
                "memberships",
                # "chair" sorts before "member".
                Membership.objects.select_related("person", "source_article").order_by(
                    "role", "person__name"
                ),
            ),
            Prefetch(
                "facts",
                ReviewBodyFact.objects.select_related("article").only(
                    "body_id", "text", "article__slug", "article__title"
                ),
            ),
        )
        .filter(slug=slug)
        .first()
    )

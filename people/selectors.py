"""Read-only queries behind the people, organisation and review body pages."""

from functools import cached_property

from django.db.models import Count, Exists, F, Max, OuterRef, Prefetch

from archivecache.memo import count_once_per_version, once_per_version
from articles.models import Article, OrganisationMention, PersonMention, Quote
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
# What an entity page shows of a membership: its role, the other side's name and link,
# and its source as a link; the rest (the source's text, stored page and vector, what
# the loader wrote) stays unread (the review body page's 16 memberships: 3.6 -> 2.3 ms).
MEMBERSHIP_SHOWN = ("role", "source_article__slug", "source_article__title")


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
                Membership.objects.select_related("body", "source_article")
                .only("person", "body__name", "body__slug", *MEMBERSHIP_SHOWN)
                .order_by("body__name"),
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


def quote_count(person) -> int:
    """How many public quotes ``quotes_by`` gives, once per archive version."""
    depends_on = ("quotes by", person.pk)
    return count_once_per_version(depends_on, quotes_by(person))


class CoMentions:
    """The people most often mentioned in the same public articles as ``person``, with how
    often, counted over all of them once per archive version in a process
    (archivecache.memo), and only when first read, so that an export, which shows none,
    costs nothing (100,000 articles, the most mentioned person's 51,050: 110–150 ms once,
    where counting among the newest 2,000 cost 30 ms on every request)."""

    def __init__(self, person, limit: int = CO_MENTION_LIMIT):
        self.person, self.limit = person, limit

    @cached_property
    def people(self) -> list[dict]:
        """slug, name and ``together`` (how many articles name both), most first."""
        return once_per_version("co-mentions", (self.person.pk, self.limit), self._counted)

    def _counted(self) -> list[dict]:
        coverage = public(Article.objects).filter(person_mentions__person=self.person)
        people = (
            public(PersonMention.objects, "person")
            .filter(article__in=coverage.values("pk"))
            .exclude(person=self.person)
            .values("person")
            .annotate(together=Count("pk"), slug=Max("person__slug"), name=Max("person__name"))
            .order_by("-together", "name")[: self.limit]
        )
        return list(people)


def organisations_with_counts():
    """The organisations the coverage names: the authority file's others wait for a mention."""
    mentioned = OrganisationMention.objects.filter(organisation=OuterRef("pk"))
    return (
        public(Organisation.objects)
        .filter(Exists(mentioned))
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
                Membership.objects.select_related("person", "source_article")
                .only("body", "person__name", "person__slug", *MEMBERSHIP_SHOWN)
                .order_by("role", "person__name"),
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

"""Read-only queries behind the people, organisation and review body pages."""

from django.db.models import Count, F, Prefetch

from articles.models import PersonMention, Quote
from curation.visibility import public, reviewed
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
    return (
        public(Person.objects)
        .annotate(article_count=Count("mentions", filter=reviewed("mentions__article")))
        .order_by("name", "pk")
    )


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


def co_mentioned(person, limit: int = CO_MENTION_LIMIT):
    """The people most often mentioned in the same articles, with how often."""
    shared = PersonMention.objects.filter(person=person).values("article")
    return (
        public(PersonMention.objects, "person", "article")
        .filter(article__in=shared)
        .exclude(person=person)
        .values(slug=F("person__slug"), name=F("person__name"))
        .annotate(together=Count("pk"))
        .order_by("-together", "name")[:limit]
    )


def organisations_with_counts():
    return (
        public(Organisation.objects)
        .annotate(article_count=Count("mentions", filter=reviewed("mentions__article")))
        .order_by("name", "pk")
    )


def organisation_page(slug: str) -> Organisation | None:
    return public(Organisation.objects).prefetch_related("aliases").filter(slug=slug).first()


def review_bodies_with_counts():
    return ReviewBody.objects.annotate(
        article_count=Count("mentions", distinct=True),
        member_count=Count("memberships", distinct=True),
    ).order_by("name")


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

"""Index and detail pages for people, organisations and the review's bodies.

Each detail page ends with the coverage that mentions its subject, filterable
like /articles/. A person or organisation merged into another answers its old
address with a permanent redirect to the survivor.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse

from articles.browsing import browse_articles, index_page
from articles.mention_contexts import contexts_for
from articles.models import OrganisationMention, PersonMention, ReviewBodyMention
from articles.selectors import article_cards
from people import selectors
from people.models import SlugRedirect

QUOTES_SHOWN = 10


def _found_or_redirect(found, kind, slug):
    """The object, a 301 to where a merged slug now lives, or a 404."""
    if found is not None:
        return found, None
    target = selectors.redirect_target(kind, slug) if kind else None
    if target is None:
        raise Http404("No such page in the archive.")
    return None, redirect(target, permanent=True)


def _coverage(mention_model, **target):
    return article_cards().filter(pk__in=mention_model.objects.filter(**target).values("article"))


def person_list(request):
    return index_page(
        request,
        "people/person_list.html",
        selectors.people_with_counts(),
        "people",
        lambda person: {"role": person.role},
    )


def person_detail(request, slug):
    person, moved = _found_or_redirect(selectors.person_page(slug), SlugRedirect.PERSON, slug)
    if moved:
        return moved
    return browse_articles(
        request,
        _coverage(PersonMention, person=person),
        "people/person_detail.html",
        {
            "person": person,
            "quotes": selectors.quotes_by(person)[:QUOTES_SHOWN],
            "quote_count": selectors.quote_count(person),
            "all_quotes_url": f"{reverse('quotes:quote-list')}?speaker={person.slug}",
            "co_mentions": selectors.CoMentions(person),
            "contexts": contexts_for(request, PersonMention, person=person),
        },
        feed_params={"person": person.slug},
    )


def organisation_list(request):
    return index_page(
        request,
        "people/organisation_list.html",
        selectors.organisations_with_counts(),
        "organisations",
    )


def organisation_detail(request, slug):
    organisation, moved = _found_or_redirect(
        selectors.organisation_page(slug), SlugRedirect.ORGANISATION, slug
    )
    if moved:
        return moved
    return browse_articles(
        request,
        _coverage(OrganisationMention, organisation=organisation),
        "people/organisation_detail.html",
        {
            "organisation": organisation,
            "contexts": contexts_for(request, OrganisationMention, organisation=organisation),
        },
        feed_params={"organisation": organisation.slug},
    )


def reviewbody_list(request):
    return index_page(
        request,
        "people/reviewbody_list.html",
        selectors.review_bodies_with_counts(),
        "review_bodies",
        lambda body: {"purpose": body.purpose, "members": body.member_count},
    )


def reviewbody_detail(request, slug):
    body, _ = _found_or_redirect(selectors.review_body_page(slug), None, slug)
    return browse_articles(
        request,
        _coverage(ReviewBodyMention, review_body=body),
        "people/reviewbody_detail.html",
        {
            "body": body,
            "contexts": contexts_for(request, ReviewBodyMention, review_body=body),
        },
        feed_params={"review_body": body.slug},
    )

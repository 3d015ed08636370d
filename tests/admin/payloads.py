"""What the admin's change forms post, built from a record, with some fields changed."""

import json

from articles.models import Article
from people.models import Person

ARTICLE_INLINES = (
    "quotes",
    "person_mentions",
    "organisation_mentions",
    "review_body_mentions",
    "outlet_mentions",
)
PERSON_INLINES = ("aliases", "memberships")


def _no_inline_rows(prefixes) -> dict:
    """Management forms with no rows: existing inline rows are left as they are."""
    return {
        key: 0
        for prefix in prefixes
        for key in (f"{prefix}-TOTAL_FORMS", f"{prefix}-INITIAL_FORMS")
    }


def article_form(article: Article, **changes) -> dict:
    return {
        "title": article.title,
        "slug": article.slug,
        "outlet": article.outlet_id,
        "kind": article.kind,
        "published": article.published.isoformat() if article.published else "",
        "published_precision": article.published_precision,
        "author": article.author,
        "standfirst": article.standfirst,
        "body": article.body,
        "needs_review": "on" if article.needs_review else "",
        "review_reason": article.review_reason,
        "captions": json.dumps(article.captions),
        "links": json.dumps(article.links),
        "seen_version": article.version,
        **_no_inline_rows(ARTICLE_INLINES),
        **changes,
    }


def person_form(person: Person, **changes) -> dict:
    form = {
        "name": person.name,
        "slug": person.slug,
        "role": person.role,
        "known": "on" if person.known else "",
        "needs_review": "on" if person.needs_review else "",
        "review_reason": person.review_reason,
        "seen_version": person.version,
        **_no_inline_rows(PERSON_INLINES),
        **changes,
    }
    return {key: value for key, value in form.items() if value != ""}

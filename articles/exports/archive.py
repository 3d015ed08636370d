"""The whole archive as one JSON-ready dict (format: docs/export-format.md)."""

from django.db.models import Prefetch

from articles.models import Article, Milestone, Outlet, Quote
from people.models import Membership, Organisation, Person, ReviewBody

FORMAT_VERSION = 1


def _article(article: Article) -> dict:
    return {
        "source_file": article.source_file,
        "sha256": article.sha256,
        "source_url": article.source.url or None if article.source else None,
        "captured": article.source.captured.isoformat()
        if article.source and article.source.captured
        else None,
        "field_origins": article.field_origins,
        "slug": article.slug,
        "outlet": article.outlet.name,
        "title": article.title,
        "standfirst": article.standfirst,
        "published": article.date_edtf,
        "date_precision": None if article.date_edtf is None else article.published_precision,
        "author": article.author or None,
        "kind": article.kind,
        "body": article.body,
        "captions": article.captions,
        "links": article.links,
        "people": sorted(m.person.name for m in article.person_mentions.all()),
        "person_mentions": [
            {"name": m.person.name, "spellings": m.spellings, "count": m.count}
            for m in sorted(article.person_mentions.all(), key=lambda m: m.person.name)
        ],
        "organisations": sorted(m.organisation.name for m in article.organisation_mentions.all()),
        "review_bodies": sorted(m.review_body.name for m in article.review_body_mentions.all()),
        "quotes": [
            {
                "speaker": quote.speaker.name if quote.speaker_id else None,
                "speaker_label": quote.speaker_label or None,
                "text": quote.text,
            }
            for quote in article.quotes.all()
        ],
        "milestones": [
            {
                "title": source.milestone.title,
                "date": source.milestone.date_edtf,
                "precision": source.milestone.date_precision,
                "expected": source.milestone.expected,
            }
            for source in sorted(
                article.milestone_sources.all(), key=lambda s: (s.milestone.date, s.milestone.title)
            )
        ],
        "needs_review": article.needs_review,
    }


def _person(person: Person) -> dict:
    return {
        "name": person.name,
        "slug": person.slug,
        "role": person.role,
        "aliases": [alias.name for alias in person.aliases.all()],
        "bodies": [{"body": m.body.name, "role": m.role} for m in person.memberships.all()],
    }


def _review_body(body: ReviewBody) -> dict:
    memberships = list(body.memberships.all())
    chairs = [m.person.name for m in memberships if m.role == Membership.CHAIR]
    return {
        "name": body.name,
        "slug": body.slug,
        "purpose": body.purpose,
        "chair": chairs[0] if chairs else None,
        "members": [m.person.name for m in memberships if m.role == Membership.MEMBER],
        "facts": [fact.text for fact in body.facts.all()],
    }


def export_archive() -> dict:
    """Everything, in a fixed number of queries, ordered so that exports diff cleanly."""
    articles = (
        Article.objects.select_related("outlet", "source")
        .defer("source__content")
        .prefetch_related(
            "person_mentions__person",
            "organisation_mentions__organisation",
            "review_body_mentions__review_body",
            Prefetch("quotes", queryset=Quote.objects.select_related("speaker")),
            "milestone_sources__milestone",
        )
        .order_by("source_file")
    )
    people = Person.objects.prefetch_related("aliases", "memberships__body").order_by("name")
    bodies = ReviewBody.objects.prefetch_related("memberships__person", "facts").order_by("name")
    outlets = Outlet.objects.prefetch_related("articles").order_by("name")
    milestones = Milestone.objects.prefetch_related("sources__article")
    return {
        "format_version": FORMAT_VERSION,
        "articles": [_article(article) for article in articles],
        "people": [_person(person) for person in people],
        "organisations": [
            {
                "name": o.name,
                "slug": o.slug,
                "description": o.description,
                "aliases": [a.name for a in o.aliases.all()],
            }
            for o in Organisation.objects.prefetch_related("aliases").order_by("name")
        ],
        "review_bodies": [_review_body(body) for body in bodies],
        "outlets": [
            {
                "name": outlet.name,
                "slug": outlet.slug,
                "kind": outlet.kind,
                "homepage": outlet.homepage,
                "articles": sorted(a.source_file for a in outlet.articles.all()),
            }
            for outlet in outlets
        ],
        "milestones": [
            {
                "title": milestone.title,
                "slug": milestone.slug,
                "date": milestone.date_edtf,
                "precision": milestone.date_precision,
                "kind": milestone.kind,
                "expected": milestone.expected,
                "sources": sorted(s.article.source_file for s in milestone.sources.all()),
            }
            for milestone in milestones
        ],
    }

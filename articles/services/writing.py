"""Write one ParsedArticle to the database, never undoing a staff correction.

Every record goes through ``apply_loader_values`` (reviewarchive/curation.py):
the loader rewrites a field only while it still holds what the loader wrote.
Rows the loader made for this article and no longer finds are removed, unless
staff have corrected them; rows staff made themselves are never removed.
"""

from __future__ import annotations

from django.db.models import F

from articles.models import (
    Article,
    Milestone,
    MilestoneSource,
    OrganisationMention,
    Outlet,
    PersonMention,
    Quote,
    ReviewBodyMention,
)
from articles.parsing.authority import Authority
from articles.parsing.fuzzydate import UNKNOWN
from articles.parsing.names import normalise_name
from articles.parsing.types import ParsedArticle
from people.models import (
    Membership,
    Organisation,
    OrganisationAlias,
    Person,
    PersonAlias,
    ReviewBody,
    ReviewBodyFact,
)

from .slugs import unique_slug

# Quote positions are moved out of the way while an article's quotes are renumbered.
_POSITION_OFFSET = 1_000_000


def write_article(
    *,
    source_file: str,
    sha256: str,
    source_text: str,
    parsed: ParsedArticle,
    authority: Authority,
    existing: Article | None,
    review_reason: str = "",
) -> Article:
    page = parsed.page
    outlet = _outlet(page.outlet, page.outlet_known, authority)
    reasons = list(page.warnings)
    if not page.outlet_known:
        reasons.append(f"unknown outlet “{page.outlet}”")
    if page.published is None:
        reasons.append("no publication date found")
    if review_reason:
        reasons.insert(0, review_reason)
    article = existing or Article(slug=unique_slug(Article, page.title))
    article.source_file, article.sha256, article.source_text = source_file, sha256, source_text
    article.apply_loader_values(
        {
            "outlet_id": outlet.pk,
            "title": page.title,
            "standfirst": page.standfirst,
            "body": "\n\n".join(page.paragraphs),
            "published": page.published.start() if page.published else None,
            "published_precision": page.published.precision if page.published else UNKNOWN,
            "author": page.author,
            "captions": page.captions,
            "links": page.links,
            "kind": page.kind,
            "needs_review": bool(reasons),
            "review_reason": "; ".join(dict.fromkeys(reasons))[:300],
        }
    )
    article.save()
    people = _write_people(article, parsed)
    _write_organisations(article, parsed)
    bodies = _write_review_bodies(article, parsed)
    _write_memberships(article, parsed, people, bodies)
    _write_quotes(article, parsed, people)
    _write_milestones(article, parsed)
    return article


def _outlet(name: str, known: bool, authority: Authority) -> Outlet:
    outlet = Outlet.objects.filter(name=name).first()
    if outlet is None:
        outlet = Outlet(name=name, slug=unique_slug(Outlet, name))
        profile = next((o for o in authority.outlets if o.name == name), None)
        outlet.apply_loader_values(
            {
                "homepage": profile.homepage if profile else "",
                "kind": profile.kind if profile else Outlet.TRADE,
                "needs_review": not known,
                "review_reason": "" if known else "outlet not in fixtures/outlets.toml",
            }
        )
        outlet.save()
    return outlet


def _save_if_changed(record, values: dict) -> None:
    if record.apply_loader_values(values) or record._state.adding:
        record.save()


def _remove_stale(queryset, keep_pks: set[int]) -> None:
    """Delete what the loader wrote before and no longer finds, unless staff corrected it."""
    for record in queryset.exclude(pk__in=keep_pks):
        if record.loader_values and not record.corrected_fields():
            record.delete()


def _resolve(model, alias_model, name: str):
    found = model.objects.filter(name=name).first()
    if found is None:
        alias = alias_model.objects.filter(normalised=normalise_name(name)).first()
        if alias is not None:
            found = getattr(alias, alias_model.owner_field)
    return found


def _write_people(article: Article, parsed: ParsedArticle) -> dict[str, Person]:
    people: dict[str, Person] = {}
    kept = set()
    for ref in parsed.people:
        person = _resolve(Person, PersonAlias, ref.name)
        if person is None:
            person = Person(name=ref.name, slug=unique_slug(Person, ref.name), known=ref.known)
            _save_if_changed(
                person,
                {
                    "role": ref.role,
                    "needs_review": ref.needs_review,
                    "review_reason": ref.review_reason[:300],
                },
            )
        elif ref.role and not person.role:
            # A role is learnt once; later articles never flip it to their own wording.
            _save_if_changed(person, {"role": ref.role})
        for spelling in ref.new_aliases:
            if not PersonAlias.objects.filter(normalised=normalise_name(spelling)).exists():
                PersonAlias.objects.create(person=person, name=spelling, needs_review=True)
        people[ref.name] = person
        mention = PersonMention.objects.filter(article=article, person=person).first()
        mention = mention or PersonMention(article=article, person=person)
        _save_if_changed(mention, {"spellings": ref.spellings, "count": ref.count})
        kept.add(mention.pk)
    _remove_stale(article.person_mentions.all(), kept)
    return people


def _write_organisations(article: Article, parsed: ParsedArticle) -> None:
    kept = set()
    for ref in parsed.organisations:
        organisation = _resolve(Organisation, OrganisationAlias, ref.name)
        if organisation is None:
            organisation = Organisation(
                name=ref.name, slug=unique_slug(Organisation, ref.name), known=ref.known
            )
            _save_if_changed(
                organisation,
                {"needs_review": ref.needs_review, "review_reason": ref.review_reason[:300]},
            )
        mention = OrganisationMention.objects.filter(
            article=article, organisation=organisation
        ).first() or OrganisationMention(article=article, organisation=organisation)
        _save_if_changed(mention, {"spellings": ref.spellings, "count": ref.count})
        kept.add(mention.pk)
    _remove_stale(article.organisation_mentions.all(), kept)


def _write_review_bodies(article: Article, parsed: ParsedArticle) -> dict[str, ReviewBody]:
    bodies: dict[str, ReviewBody] = {}
    kept = set()
    for ref in parsed.review_bodies:
        body = ReviewBody.objects.filter(name=ref.name).first()
        if body is None:
            body = ReviewBody.objects.create(name=ref.name, slug=unique_slug(ReviewBody, ref.name))
        bodies[ref.name] = body
        mention = ReviewBodyMention.objects.filter(
            article=article, review_body=body
        ).first() or ReviewBodyMention(article=article, review_body=body)
        _save_if_changed(mention, {"spellings": ref.spellings, "count": ref.count})
        kept.add(mention.pk)
    _remove_stale(article.review_body_mentions.all(), kept)
    return bodies


def _write_memberships(article, parsed, people, bodies) -> None:
    for ref in parsed.memberships:
        person = people.get(ref.person) or _resolve(Person, PersonAlias, ref.person)
        body = bodies.get(ref.body) or ReviewBody.objects.filter(name=ref.body).first()
        if person is None or body is None:
            continue
        membership = Membership.objects.filter(person=person, body=body).first()
        if membership is None:
            membership = Membership(
                person=person, body=body, source_article=article, source_sentence=ref.sentence
            )
        _save_if_changed(membership, {"role": ref.role})
    kept = set()
    for fact in parsed.facts:
        body = bodies.get(fact.body) or ReviewBody.objects.filter(name=fact.body).first()
        if body is not None:
            record, _ = ReviewBodyFact.objects.get_or_create(
                body=body, article=article, text=fact.text
            )
            kept.add(record.pk)
    article.review_body_facts.exclude(pk__in=kept).delete()


def _write_quotes(article: Article, parsed: ParsedArticle, people: dict[str, Person]) -> None:
    """Quotes are matched to earlier loads by the text the loader wrote, then renumbered."""
    existing = list(article.quotes.all())
    by_loader_text = {q.loader_values.get("text"): q for q in existing if q.loader_values}
    article.quotes.update(position=F("position") + _POSITION_OFFSET)
    kept = set()
    for position, ref in enumerate(parsed.quotes):
        quote = by_loader_text.pop(ref.text, None) or Quote(article=article)
        speaker = people.get(ref.speaker) if ref.speaker else None
        if ref.speaker and speaker is None:
            speaker = _resolve(Person, PersonAlias, ref.speaker)
        quote.position = position
        quote.apply_loader_values(
            {
                "text": ref.text,
                "speaker_id": speaker.pk if speaker else None,
                "speaker_label": ref.speaker_label,
                "needs_review": ref.needs_review,
                "review_reason": ref.review_reason[:300],
            }
        )
        quote.save()
        kept.add(quote.pk)
    _remove_stale(article.quotes.all(), kept)
    # Quotes staff added by hand follow the loader's, in their previous order.
    leftovers = article.quotes.exclude(pk__in=kept).order_by("position")
    for offset, quote in enumerate(leftovers, start=len(parsed.quotes)):
        Quote.objects.filter(pk=quote.pk).update(position=offset)


def _write_milestones(article: Article, parsed: ParsedArticle) -> None:
    kept = set()
    for ref in parsed.milestones:
        milestone = Milestone.objects.filter(key=ref.key).first() or Milestone(
            key=ref.key, slug=unique_slug(Milestone, f"{ref.title} {ref.date.edtf()}")
        )
        _save_if_changed(
            milestone,
            {
                "title": ref.title,
                "date": ref.date.start(),
                "date_precision": ref.date.precision,
                "kind": ref.kind,
            },
        )
        source = MilestoneSource.objects.filter(milestone=milestone, article=article).first()
        source = source or MilestoneSource(milestone=milestone, article=article)
        _save_if_changed(source, {"sentence": ref.sentence})
        kept.add(source.pk)
    stale_milestones = set(
        article.milestone_sources.exclude(pk__in=kept).values_list("milestone_id", flat=True)
    )
    _remove_stale(article.milestone_sources.all(), kept)
    for milestone in Milestone.objects.filter(pk__in=stale_milestones, sources__isnull=True):
        if milestone.loader_values and not milestone.corrected_fields():
            milestone.delete()

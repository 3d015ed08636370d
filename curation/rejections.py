"""Rejections: staff mark an extraction "not this", and the loader never makes it again.

Rejecting deletes the record (or the one article's link to it) and remembers
what was extracted; ``without_rejected`` drops it from every later parse before
anything is written. Converting a person to an organisation (or back) is a
rejection that says what the name is instead: the loader then writes the name
as that kind.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from django.db import transaction
from django.db.models import Q

from articles.parsing.names import normalise_name
from articles.parsing.types import OrganisationRef, ParsedArticle, PersonRef

from .models import Rejection

NAME_KINDS = (Rejection.PERSON, Rejection.ORGANISATION)
KEY_LENGTH = 300


def match_key(kind: str, text: str) -> str:
    """Names match whatever their case and typography; quotes by their words."""
    if kind in NAME_KINDS:
        return normalise_name(text)[:KEY_LENGTH]
    if kind == Rejection.QUOTE:
        return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()
    return text[:KEY_LENGTH]


def remember(kind: str, texts, *, article=None, becomes: str = "", user=None) -> None:
    """Record the rejection of each text (an existing one is updated, never doubled)."""
    for text in dict.fromkeys(t for t in texts if t):
        rejection = Rejection.objects.filter(
            kind=kind, match_key=match_key(kind, text), article=article
        ).first() or Rejection(kind=kind, text=text, article=article)
        rejection.becomes, rejection.created_by = becomes, user
        rejection.save()


def names_of(record) -> list[str]:
    return [record.name, *record.aliases.values_list("name", flat=True)]


@transaction.atomic
def reject_record(record, *, user=None) -> None:
    """A person or organisation that is not one at all: gone from every article."""
    remember(type(record)._meta.model_name, names_of(record), user=user)
    record._change_reason = "rejected by staff"
    record.delete()


@transaction.atomic
def reject_mention(mention, *, user=None) -> None:
    """A wrong link: this article does not name this person (or organisation)."""
    owner = mention.person if hasattr(mention, "person_id") else mention.organisation
    kind = type(owner)._meta.model_name
    remember(kind, [owner.name, *mention.spellings], article=mention.article, user=user)
    mention._change_reason = "rejected by staff"
    mention.delete()


@transaction.atomic
def reject_quote(quote, *, user=None) -> None:
    text = quote.loader_values.get("text") or quote.text
    remember(Rejection.QUOTE, [text], article=quote.article, user=user)
    quote._change_reason = "rejected by staff"
    quote.delete()


@transaction.atomic
def reject_milestone(milestone, *, user=None) -> None:
    remember(Rejection.MILESTONE, [milestone.key], user=user)
    milestone._change_reason = "rejected by staff"
    milestone.delete()


@transaction.atomic
def convert(record, *, user=None):
    """A person who is really an organisation, or the other way round; returns the new record.

    Its mentions and aliases move to a record of the other kind (an existing one
    of the same name, or a new one), and the loader reads the name as that kind
    from then on. Converting back undoes the first conversion's rule.
    """
    from articles.models import OrganisationMention, PersonMention
    from articles.services.slugs import unique_slug
    from people.models import Organisation, Person
    from people.services.aliases import add_alias, find_by_names

    target_model = Organisation if isinstance(record, Person) else Person
    kind, target_kind = type(record)._meta.model_name, target_model._meta.model_name
    names = names_of(record)
    Rejection.objects.filter(
        kind=target_kind,
        becomes=kind,
        article__isnull=True,
        match_key__in=[match_key(target_kind, name) for name in names],
    ).delete()
    remember(kind, names, becomes=target_kind, user=user)
    reason = f"converted from {kind} to {target_kind} by staff"
    target = find_by_names(target_model, [record.name]).get(record.name)
    if target is None:
        target = target_model(name=record.name, slug=unique_slug(target_model, record.name))
        target._change_reason = reason
        target.save()
    mention_model = OrganisationMention if target_model is Organisation else PersonMention
    kept = {m.article_id: m for m in target.mentions.all()}
    for mention in record.mentions.all():
        moved = kept.get(mention.article_id) or mention_model(
            article_id=mention.article_id, count=0, **{target_kind: target}
        )
        moved.spellings = list(dict.fromkeys([*moved.spellings, *mention.spellings]))
        moved.count += mention.count
        moved.spans = sorted([*moved.spans, *mention.spans])
        moved.loader_values = {
            attname: moved.field_value(attname) for attname in ("spellings", "count", "spans")
        }
        moved._change_reason = reason
        moved.save()
    for name in names:
        add_alias(target, name, reason)
    record._change_reason = reason
    record.delete()
    return target


def rejection_rules(article) -> dict:
    """(kind, match key) -> the rejection that applies to ``article`` (None: a new one)."""
    scope = Q(article__isnull=True)
    if article is not None:
        scope |= Q(article_id=article.pk)
    return {(r.kind, r.match_key): r for r in Rejection.objects.filter(scope)}


def without_rejected(parsed: ParsedArticle, article, rules: dict | None = None) -> ParsedArticle:
    """The parse with what staff rejected left out and converted names turned, in one query.

    ``article`` is the stored article the parse is for, or None for a new one; ``rules``
    its ``rejection_rules``, when the caller has them already.
    """
    if rules is None:
        rules = rejection_rules(article)
    if not rules:
        return parsed

    def rule(kind, names):
        return next(
            (rules[kind, match_key(kind, n)] for n in names if (kind, match_key(kind, n)) in rules),
            None,
        )

    people, organisations = [], []
    for ref in parsed.people:
        found = rule(Rejection.PERSON, [ref.name, *ref.spellings])
        if found is None:
            people.append(ref)
        elif found.becomes == Rejection.ORGANISATION:
            organisations.append(
                OrganisationRef(ref.name, ref.spellings, ref.count, spans=ref.spans)
            )
    for ref in parsed.organisations:
        found = rule(Rejection.ORGANISATION, [ref.name, *ref.spellings])
        if found is None:
            organisations.append(ref)
        elif found.becomes == Rejection.PERSON:
            people.append(PersonRef(ref.name, ref.spellings, ref.count, spans=ref.spans))
    kept = {ref.name for ref in people}
    return replace(
        parsed,
        people=people,
        organisations=_combined(organisations),
        memberships=[m for m in parsed.memberships if m.person in kept],
        quotes=[
            q if q.speaker is None or q.speaker in kept else replace(q, speaker=None)
            for q in parsed.quotes
            if (Rejection.QUOTE, match_key(Rejection.QUOTE, q.text)) not in rules
        ],
        milestones=[m for m in parsed.milestones if (Rejection.MILESTONE, m.key) not in rules],
    )


def _combined(refs: list[OrganisationRef]) -> list[OrganisationRef]:
    """One ref per name, when a converted name was also found as an organisation."""
    by_name: dict[str, OrganisationRef] = {}
    for ref in refs:
        seen = by_name.get(ref.name)
        by_name[ref.name] = (
            ref
            if seen is None
            else replace(
                seen,
                spellings=list(dict.fromkeys([*seen.spellings, *ref.spellings])),
                count=seen.count + ref.count,
                spans=sorted([*seen.spans, *ref.spans]),
            )
        )
    return list(by_name.values())

"""Write one ParsedArticle to the database, never undoing a staff correction.

Every record goes through ``apply_loader_values`` (reviewarchive/curation.py):
the loader rewrites a field only while it still holds what the loader wrote.
Rows the loader made for this article and no longer finds are removed, unless
staff have corrected them; rows staff made themselves are never removed.

The caller holds the article's row locked (articles/services/loading.py); the
rows hanging off it are read locked too, so no correction saved meanwhile is
overwritten with an older copy.

Rows that hang off the article (mentions, quotes, milestone sources, facts) are
written in bulk, a few queries per kind whatever their number, with their
history rows written in bulk too, so staff can revert to what the loader wrote.
Records are looked up and new ones created through a ``Batch`` (batch.py), shared
by the articles of one batch of a load, so a new article costs no query of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial

from django.db.models import F
from rapidfuzz import fuzz
from simple_history.utils import bulk_update_with_history

from articles.models import (
    Article,
    Milestone,
    MilestoneSource,
    OrganisationMention,
    Outlet,
    OutletMention,
    PersonMention,
    Quote,
    ReviewBodyMention,
    SourceFile,
)
from articles.parsing.authority import Authority
from articles.parsing.fuzzydate import UNKNOWN
from articles.parsing.names import normalise_name
from articles.parsing.types import ParsedArticle
from curation.rejections import rejection_rules, without_rejected
from people.models import (
    Membership,
    Organisation,
    Person,
    PersonAlias,
    ReviewBody,
    ReviewBodyFact,
)
from people.services.aliases import add_alias, find_by_names

from .batch import LOADER_CHANGE_REASON, Batch, ident

# Quote positions are moved out of the way while an article's quotes are renumbered.
_POSITION_OFFSET = 1_000_000
REWORDED_MIN_SCORE = 80
SOURCE_CHANGED = "source changed: the source no longer has this quote's wording"


def write_article(
    *,
    source_file: str,
    sha256: str,
    source_text: str,
    parsed: ParsedArticle,
    authority: Authority,
    existing: Article | None,
    review_reason: str = "",
    source_key: str = "",
    source: SourceFile | None = None,
    field_origins: dict | None = None,
    batch: Batch | None = None,
) -> Article:
    """``source`` is the stored version the article is extracted from; ``source_key``
    the source's identity (the file name when none is given); ``field_origins`` where
    each reconciled field came from (kept as it is when None).

    With a ``batch``, the records the article needs are looked up through it and a new
    article's new records, itself included, are left to ``batch.create()``; the caller
    creates the batch's pending records before writing an article already stored.
    Without one, everything is written before this returns.
    """
    own_batch = batch is None
    batch = batch or Batch()
    parsed = without_rejected(parsed, existing, _new_article_rules(batch) if not existing else None)
    page = parsed.page
    records = _Records(
        outlet=_outlet(page.outlet, page.outlet_known, authority, batch),
        people=_people(parsed, batch, existing),
        organisations=_organisations(parsed, batch),
        bodies=_review_bodies(parsed, batch),
        outlets=_mentioned_outlets(parsed, authority, batch),
        milestones=_milestones(parsed, batch),
    )
    if existing is not None:
        batch.create()  # its rows are compared and updated with these records' ids
    article = existing or Article()
    rows = _ArticleRows(article, existing is None, batch)
    _write_article_fields(
        article,
        page,
        records.outlet,
        review_reason,
        (source_file, sha256, source_text, source_key or article.source_key or source_file),
        source,
        field_origins,
        batch,
    )
    _write_mentions(rows, parsed, records)
    _write_memberships(article, parsed, records, batch)
    _write_facts(rows, parsed, records.bodies)
    _write_quotes(article, parsed, records.people, rows)
    _write_milestone_sources(rows, parsed, records.milestones)
    if own_batch:
        batch.create()
    return article


@dataclass
class _Records:
    """The records a parse names, by the name (or key) the parse gives them."""

    outlet: Outlet
    people: dict[str, Person]
    organisations: dict[str, Organisation]
    bodies: dict[str, ReviewBody]
    outlets: dict[str, Outlet]
    milestones: dict[str, Milestone]


def _new_article_rules(batch: Batch) -> dict:
    """The rejections that apply to every new article, read once a batch."""
    return batch.lookup("rejections", [None], lambda _: {None: rejection_rules(None)})[None]


def _write_article_fields(
    article, page, outlet, review_reason, provenance, source, field_origins, batch
) -> None:
    reasons = list(page.warnings)
    if not page.outlet_known:
        reasons.append(f"unknown outlet “{page.outlet}”")
    if page.published is None:
        reasons.append("no publication date found")
    if review_reason:
        reasons.insert(0, review_reason)
    version = source.pk if source is not None else article.source_id
    stored = (
        article.source_file,
        article.sha256,
        article.source_text,
        article.source_key,
        article.source_id,
    )
    moved = (*provenance, version) != stored
    article.source_file, article.sha256, article.source_text, article.source_key = provenance
    if field_origins is not None and field_origins != article.field_origins:
        article.field_origins, moved = field_origins, True
    if source is not None:
        article.source = source
    changed = article.apply_loader_values(
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
    if article._state.adding:
        if outlet.pk is None:  # pending in the batch: its id is known once it is created
            article.outlet = outlet
        batch.add(Article, [article], slug_from=page.title)
    elif changed or moved:  # a new version only when something changed
        article._change_reason = LOADER_CHANGE_REASON
        article.save()


class _ArticleRows:
    """The rows hanging off the article being written: reading them, creating new ones.

    A new article has none (this transaction made it, so nothing can hang off it yet):
    they are not asked for.
    """

    def __init__(self, article: Article, new: bool, batch: Batch):
        self.article, self.new, self.batch = article, new, batch

    def __call__(self, related: str, *, locked: bool = False):
        if self.new:
            return []
        rows = getattr(self.article, related).all()
        return rows.select_for_update() if locked else rows

    def create(self, model, rows) -> None:
        self.batch.add(model, rows)


def _outlet(name: str, known: bool, authority: Authority, batch: Batch) -> Outlet:
    outlet = _outlets_named([name], batch).get(name)
    if outlet is None:
        outlet = Outlet(name=name)
        profile = next((o for o in authority.outlets if o.name == name), None)
        outlet.apply_loader_values(
            {
                "homepage": profile.homepage if profile else "",
                "kind": profile.kind if profile else Outlet.TRADE,
                "needs_review": not known,
                "review_reason": "" if known else "outlet not in fixtures/outlets.toml",
            }
        )
        batch.add(Outlet, [outlet], slug_from=name)
        batch.remember("outlet", name, outlet)
    return outlet


def _outlets_named(names, batch: Batch) -> dict[str, Outlet]:
    return batch.lookup("outlet", names, _FETCH["outlet"])


def _by_name(model):
    return lambda names: {record.name: record for record in model.objects.filter(name__in=names)}


# How each kind of record a parse names is read from the archive, by its name (or key).
_FETCH = {
    "outlet": _by_name(Outlet),
    "person": partial(find_by_names, Person),
    "organisation": partial(find_by_names, Organisation),
    "review body": _by_name(ReviewBody),
    "milestone": lambda keys: {m.key: m for m in Milestone.objects.filter(key__in=keys)},
}


def look_up_records(batch: Batch, parses: Iterable[ParsedArticle]) -> None:
    """Read the records that the parses of a batch name, one query a kind for them all
    (``write_article`` then finds them in ``batch``)."""
    parses = list(parses)
    wanted = {
        "outlet": [name for p in parses for name in (p.page.outlet, *(r.name for r in p.outlets))],
        "person": [r.name for p in parses for r in p.people if not r.first_name_only],
        "organisation": [r.name for p in parses for r in p.organisations],
        "review body": [r.name for p in parses for r in p.review_bodies],
        "milestone": [r.key for p in parses for r in p.milestones],
    }
    for kind, keys in wanted.items():
        batch.lookup(kind, keys, _FETCH[kind])


def _save_if_changed(record, values: dict) -> None:
    """Write what the loader found; a record still pending in the batch is created with it."""
    if record.apply_loader_values(values) and record.pk is not None:
        record._change_reason = LOADER_CHANGE_REASON
        record.save()


def _tracked_fields(model) -> list[str]:
    """What bulk_update must write for a loader-tracked row."""
    return [
        f.name
        for f in model._meta.concrete_fields
        if not f.primary_key and f.name not in {"article", "id"}
    ]


def _sync_rows(rows: _ArticleRows, related: str, key_attr: str, wanted: dict, build) -> None:
    """Make an article's rows of one kind match ``wanted`` (record -> loader values), in bulk.

    ``wanted`` is keyed by ``ident`` of the record each row points at; ``build(record)``
    makes a new unsaved row for a record the article has no row for yet.
    """
    existing = {getattr(row, key_attr): row for row in rows(related, locked=True)}
    created, updated = [], []
    for key, (record, values) in wanted.items():
        row = existing.pop(key, None)
        if row is None:
            row = build(record)
            row.apply_loader_values(values)
            created.append(row)
        elif row.apply_loader_values(values):
            updated.append(row)
    if created:
        rows.create(type(created[0]), created)
    _bulk_update(updated)
    _remove_stale(existing.values())


def _bulk_update(rows, *, changed=None) -> None:
    """Write ``rows``; those in ``changed`` (by default all) count as a new version."""
    for row in rows if changed is None else changed:
        row.bump_version()
    if rows:
        model = type(rows[0])
        bulk_update_with_history(
            rows, model, _tracked_fields(model), default_change_reason=LOADER_CHANGE_REASON
        )


def _remove_stale(rows) -> None:
    """Delete what the loader wrote before and no longer finds, unless staff corrected it."""
    stale = [row.pk for row in rows if row.loader_values and not row.corrected_fields()]
    if stale:
        type(next(iter(rows))).objects.filter(pk__in=stale).delete()


def _mention_values(ref) -> dict:
    """What a mention row holds of a parsed person, organisation, body or outlet."""
    return {"spellings": ref.spellings, "count": ref.count, "spans": ref.spans}


def _wanted(refs, records: dict) -> dict:
    """ident(record) -> (record, mention values) of each ref; a later ref of the same
    record wins, as it would in a dict by id."""
    return {
        ident(records[r.name]): (records[r.name], _mention_values(r))
        for r in refs
        if r.name in records
    }


def _people(parsed: ParsedArticle, batch: Batch, article: Article | None) -> dict[str, Person]:
    named = [ref.name for ref in parsed.people if not ref.first_name_only]
    people = batch.lookup("person", named, _FETCH["person"])
    people.update(_own_people(parsed, article))
    for ref in parsed.people:
        person = people.get(ref.name)
        if person is None:
            person = Person(name=ref.name, known=ref.known)
            person.apply_loader_values(
                {
                    "role": ref.role,
                    "needs_review": ref.needs_review,
                    "review_reason": ref.review_reason[:300],
                }
            )
            batch.add(Person, [person], slug_from=ref.name)
            if not ref.first_name_only:
                batch.remember("person", ref.name, person)
            people[ref.name] = person
        elif ref.role and not person.role:
            # A role is learnt once; later articles never flip it to their own wording.
            _save_if_changed(person, {"role": ref.role})
        _add_aliases(person, ref.new_aliases, batch)
    return people


def _own_people(parsed: ParsedArticle, article: Article | None) -> dict[str, Person]:
    """The people the article knows by a first name alone ("Danielle") are its own, found
    through its mentions (by name, or by an alias a staff merge left), never by name in
    the archive: another article's Danielle is someone else."""
    names = {ref.name for ref in parsed.people if ref.first_name_only}
    if not names or article is None or article.pk is None:
        return {}
    mentioned = Person.objects.filter(mentions__article=article).prefetch_related("aliases")
    return {
        name: person
        for person in mentioned
        for name in names & {person.name, *(alias.name for alias in person.aliases.all())}
    }


def _add_aliases(person: Person, spellings: list[str], batch: Batch) -> None:
    """Make near-miss spellings aliases of ``person``, unless a record has them already
    (looked up once a batch: the same misspellings recur from page to page)."""
    by_form = {normalise_name(spelling): spelling for spelling in spellings}
    taken = batch.lookup("alias", by_form, _taken_aliases)
    new = [spelling for form, spelling in by_form.items() if form not in taken]
    if new and person.pk is None:
        batch.create()  # an alias points at a saved person (and is rare)
    for spelling in new:
        add_alias(person, spelling, LOADER_CHANGE_REASON, needs_review=True)
        batch.remember("alias", normalise_name(spelling), True)


def _taken_aliases(forms) -> dict[str, bool]:
    return dict.fromkeys(
        PersonAlias.objects.filter(normalised__in=forms).values_list("normalised", flat=True),
        True,
    )


def _organisations(parsed: ParsedArticle, batch: Batch) -> dict[str, Organisation]:
    refs = parsed.organisations
    organisations = batch.lookup("organisation", (r.name for r in refs), _FETCH["organisation"])
    for ref in refs:
        if ref.name not in organisations:
            organisation = Organisation(name=ref.name, known=ref.known)
            organisation.apply_loader_values(
                {"needs_review": ref.needs_review, "review_reason": ref.review_reason[:300]}
            )
            batch.add(Organisation, [organisation], slug_from=ref.name)
            batch.remember("organisation", ref.name, organisation)
            organisations[ref.name] = organisation
    return organisations


def _review_bodies(parsed: ParsedArticle, batch: Batch) -> dict[str, ReviewBody]:
    bodies = batch.lookup(
        "review body", (r.name for r in parsed.review_bodies), _FETCH["review body"]
    )
    for ref in parsed.review_bodies:
        if ref.name not in bodies:
            bodies[ref.name] = ReviewBody(name=ref.name)
            batch.add(ReviewBody, [bodies[ref.name]], slug_from=ref.name)
            batch.remember("review body", ref.name, bodies[ref.name])
    return bodies


def _mentioned_outlets(parsed: ParsedArticle, authority: Authority, batch: Batch) -> dict:
    """The outlets the article names: outlets of the profiles (fixtures/outlets.toml). One
    with no page loaded yet gets its row as its first page would make it, so what is
    stored does not depend on the order the sources are loaded in."""
    outlets = _outlets_named([r.name for r in parsed.outlets], batch)
    for ref in parsed.outlets:
        if ref.name not in outlets:
            outlets[ref.name] = _outlet(ref.name, True, authority, batch)
    return outlets


def _milestones(parsed: ParsedArticle, batch: Batch) -> dict[str, Milestone]:
    refs = {ref.key: ref for ref in parsed.milestones}
    milestones = batch.lookup("milestone", refs, _FETCH["milestone"])
    for key, ref in refs.items():
        known = milestones.get(key)
        milestone = known or Milestone(key=key)
        _save_if_changed(
            milestone,
            {
                "title": ref.title,
                "date": ref.date.start(),
                "date_precision": ref.date.precision,
                "kind": ref.kind,
                # Once any article reports the event as having happened, it has.
                "expected": ref.expected and (known is None or known.expected),
            },
        )
        if known is None:
            batch.add(Milestone, [milestone], slug_from=f"{ref.title} {ref.date.edtf()}")
            batch.remember("milestone", key, milestone)
        milestones[key] = milestone
    return milestones


def _write_mentions(rows: _ArticleRows, parsed: ParsedArticle, records: _Records) -> None:
    article = rows.article
    _sync_rows(
        rows,
        "person_mentions",
        "person_id",
        _wanted(parsed.people, records.people),
        lambda person: PersonMention(article=article, person=person),
    )
    _sync_rows(
        rows,
        "organisation_mentions",
        "organisation_id",
        _wanted(parsed.organisations, records.organisations),
        lambda organisation: OrganisationMention(article=article, organisation=organisation),
    )
    _sync_rows(
        rows,
        "review_body_mentions",
        "review_body_id",
        _wanted(parsed.review_bodies, records.bodies),
        lambda body: ReviewBodyMention(article=article, review_body=body),
    )
    _sync_rows(
        rows,
        "outlet_mentions",
        "outlet_id",
        _wanted(parsed.outlets, records.outlets),
        lambda outlet: OutletMention(article=article, outlet=outlet),
    )


def _write_memberships(article, parsed, records: _Records, batch: Batch) -> None:
    """Memberships belong to a body, not an article: added or updated, never removed."""
    pairs = [
        (records.people.get(r.person), records.bodies.get(r.body), r) for r in parsed.memberships
    ]
    pairs = [(person, body, ref) for person, body, ref in pairs if None not in (person, body)]
    if not pairs:
        return

    def fetch(keys) -> dict:
        """The stored memberships among ``keys`` (of a pending record, there is none)."""
        saved = [(person, body) for person, body in keys if isinstance(person, int)]
        saved = [(person, body) for person, body in saved if isinstance(body, int)]
        found = Membership.objects.filter(
            person__in={person for person, _ in saved}, body__in={body for _, body in saved}
        )
        return {(m.person_id, m.body_id): m for m in found} if saved else {}

    known = batch.lookup("membership", [(ident(p), ident(b)) for p, b, _ in pairs], fetch)
    for person, body, ref in pairs:
        key = (ident(person), ident(body))
        membership = known.get(key)
        if membership is None:
            membership = known[key] = Membership(
                person=person, body=body, source_article=article, source_sentence=ref.sentence
            )
            membership.apply_loader_values({"role": ref.role})
            batch.add(Membership, [membership])
            batch.remember("membership", key, membership)
        else:
            _save_if_changed(membership, {"role": ref.role})


def _write_facts(rows: _ArticleRows, parsed, bodies: dict[str, ReviewBody]) -> None:
    wanted = {
        (ident(bodies[f.body]), f.text): bodies[f.body] for f in parsed.facts if f.body in bodies
    }
    existing = {(f.body_id, f.text): f.pk for f in rows("review_body_facts")}
    rows.create(
        ReviewBodyFact,
        [
            ReviewBodyFact(body=body, text=text, article=rows.article)
            for (key, text), body in wanted.items()
            if (key, text) not in existing
        ],
    )
    stale = [pk for key, pk in existing.items() if key not in wanted]
    if stale:
        ReviewBodyFact.objects.filter(pk__in=stale).delete()


def _write_quotes(
    article: Article, parsed: ParsedArticle, people: dict[str, Person], rows: _ArticleRows
) -> None:
    """Quotes are matched to earlier loads by the text the loader wrote, then renumbered.

    A quote whose wording changed in the source is matched to its closest new
    wording (``reworded_pairs``), so staff's corrections of it carry over; a
    corrected quote with no close match is kept off the public pages and flagged
    "source changed" for staff, so the archive never shows two copies of it.
    """
    existing = list(rows("quotes", locked=True))
    positions_before = {q.pk: q.position for q in existing}
    by_loader_text = {q.loader_values.get("text"): q for q in existing if q.loader_values}
    matched = {
        i: by_loader_text.pop(ref.text)
        for i, ref in enumerate(parsed.quotes)
        if ref.text in by_loader_text
    }
    left = [i for i in range(len(parsed.quotes)) if i not in matched]
    matched.update(
        reworded_pairs({i: parsed.quotes[i].text for i in left}, by_loader_text.values())
    )
    unmatched = {q.pk: q for q in existing}
    if existing:
        article.quotes.update(position=F("position") + _POSITION_OFFSET)
    created, updated, changed = [], [], []
    for position, ref in enumerate(parsed.quotes):
        quote = matched.get(position)
        if quote is None:
            quote = Quote(article=article)
            created.append(quote)
        else:
            unmatched.pop(quote.pk)
            updated.append(quote)
        speaker = people.get(ref.speaker) if ref.speaker else None
        quote.position = position
        written = quote.apply_loader_values(
            {
                "text": ref.text,
                "speaker_id": speaker.pk if speaker else None,
                "speaker_label": ref.speaker_label,
                "needs_review": ref.needs_review,
                "review_reason": ref.review_reason[:300],
            }
        )
        if speaker is not None and speaker.pk is None:  # pending: ids are known once created
            quote.speaker = speaker
        if quote.source_changed:  # its wording is back in the source
            quote.source_changed, written = False, True
        if quote.pk and (written or positions_before[quote.pk] != position):
            changed.append(quote)
    _remove_stale(list(unmatched.values()))
    # Quotes that stay without the loader (staff's own, or corrected) follow, in their order.
    survivors = sorted(
        (q for q in unmatched.values() if not (q.loader_values and not q.corrected_fields())),
        key=lambda q: q.position,
    )
    for position, quote in enumerate(survivors, start=len(parsed.quotes)):
        newly_flagged = _mark_source_changed(quote)
        if newly_flagged or positions_before[quote.pk] != position:
            changed.append(quote)
        quote.position = position
    _bulk_update([*updated, *survivors], changed=changed)
    rows.create(Quote, created)


def reworded_pairs(new_texts: dict[int, str], old_quotes) -> dict[int, Quote]:
    """Pair new wordings (by position) with the earlier quotes they reword, closest first.

    rapidfuzz's ratio (0-100) of the whole texts must reach ``REWORDED_MIN_SCORE``:
    a word or two changed in a sentence scores about 90, another sentence far less.
    """
    old_quotes = list(old_quotes)
    scored = sorted(
        (
            (fuzz.ratio(text, quote.loader_values.get("text", "")), position, index)
            for position, text in new_texts.items()
            for index, quote in enumerate(old_quotes)
        ),
        reverse=True,
    )
    pairs, used = {}, set()
    for score, position, index in scored:
        if score < REWORDED_MIN_SCORE:
            break
        if position not in pairs and index not in used:
            pairs[position] = old_quotes[index]
            used.add(index)
    return pairs


def _mark_source_changed(quote: Quote) -> bool:
    """Flag a corrected quote whose wording the source no longer has; True when newly flagged."""
    if not quote.loader_values or quote.source_changed:
        return False
    quote.source_changed = quote.needs_review = True
    quote.review_reason = SOURCE_CHANGED
    return True


def _write_milestone_sources(
    rows: _ArticleRows, parsed: ParsedArticle, milestones: dict[str, Milestone]
) -> None:
    article = rows.article
    previous = {source.milestone_id for source in rows("milestone_sources")}
    _sync_rows(
        rows,
        "milestone_sources",
        "milestone_id",
        {
            ident(milestones[ref.key]): (milestones[ref.key], {"sentence": ref.sentence})
            for ref in {ref.key: ref for ref in parsed.milestones}.values()
        },
        lambda milestone: MilestoneSource(article=article, milestone=milestone),
    )
    if previous:
        _remove_stale(list(Milestone.objects.filter(pk__in=previous, sources__isnull=True)))

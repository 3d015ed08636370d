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
"""

from __future__ import annotations

from django.db.models import F
from rapidfuzz import fuzz
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

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
from articles.parsing.types import ParsedArticle
from curation.rejections import without_rejected
from people.models import (
    Membership,
    Organisation,
    Person,
    ReviewBody,
    ReviewBodyFact,
)
from people.services.aliases import add_alias, find_by_names

from .slugs import unique_slug

LOADER_CHANGE_REASON = "load_articles"

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
    deferred: DeferredRows | None = None,
) -> Article:
    """``source`` is the stored version the article is extracted from; ``source_key``
    the source's identity (the file name when none is given); ``field_origins`` where
    each reconciled field came from (kept as it is when None). A new article's new rows
    go to ``deferred``, when given, for the caller to create with others'."""
    parsed = without_rejected(parsed, existing)
    rows = _ArticleRows(existing, deferred)
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
    key = source_key or article.source_key or source_file
    version = source.pk if source is not None else article.source_id
    provenance = (source_file, sha256, source_text, key, version)
    stored = (
        article.source_file,
        article.sha256,
        article.source_text,
        article.source_key,
        article.source_id,
    )
    moved = provenance != stored
    article.source_file, article.sha256, article.source_text, article.source_key = provenance[:4]
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
    if changed or moved or article._state.adding:  # a new version only when something changed
        article._change_reason = LOADER_CHANGE_REASON
        article.save()
    people = _write_people(article, parsed, rows)
    _write_organisations(article, parsed, rows)
    bodies = _write_review_bodies(article, parsed, rows)
    _write_outlet_mentions(article, parsed, authority, rows)
    _write_memberships(article, parsed, people, bodies)
    _write_facts(article, parsed, bodies, rows)
    _write_quotes(article, parsed, people, rows)
    _write_milestones(article, parsed, rows)
    return article


class DeferredRows:
    """New rows of new articles, kept to be created in bulk, with their history, for a
    whole batch of articles at once (articles/services/loading.py)."""

    def __init__(self):
        self.rows: dict[type, list] = {}

    def add(self, model, rows) -> None:
        self.rows.setdefault(model, []).extend(rows)

    def take(self, other: DeferredRows) -> None:
        for model, rows in other.rows.items():
            self.add(model, rows)
        other.rows = {}

    def create(self) -> None:
        """Create every row kept (the articles they hang off are saved already)."""
        rows, self.rows = self.rows, {}
        for model, kept in rows.items():
            _bulk_create(model, kept)


class _ArticleRows:
    """The rows hanging off the article being written: reading them, creating new ones.

    A new article has none (this transaction made it, so nothing can hang off it yet):
    they are not asked for, and its new rows may be deferred to ``deferred``.
    """

    def __init__(self, existing: Article | None, deferred: DeferredRows | None):
        self.new = existing is None
        self.deferred = deferred if self.new else None

    def __call__(self, manager):
        return manager.none() if self.new else manager.all()

    def create(self, model, rows) -> None:
        if self.deferred is not None:
            self.deferred.add(model, rows)
        else:
            _bulk_create(model, rows)


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
        record._change_reason = LOADER_CHANGE_REASON
        record.save()


def _tracked_fields(model) -> list[str]:
    """What bulk_update must write for a loader-tracked row."""
    return [
        f.name
        for f in model._meta.concrete_fields
        if not f.primary_key and f.name not in {"article", "id"}
    ]


def _sync_rows(queryset, key_attr: str, wanted: dict, build, create=None) -> None:
    """Make an article's rows of one kind match ``wanted`` (key -> loader values), in bulk.

    ``build(key)`` makes a new unsaved row for a key the article does not have yet;
    ``create(model, rows)`` creates them (by default at once).
    """
    model = queryset.model
    existing = {getattr(row, key_attr): row for row in queryset.select_for_update()}
    created, updated = [], []
    for key, values in wanted.items():
        row = existing.pop(key, None)
        if row is None:
            row = build(key)
            row.apply_loader_values(values)
            created.append(row)
        elif row.apply_loader_values(values):
            updated.append(row)
    (create or _bulk_create)(model, created)
    _bulk_update(model, updated)
    _remove_stale(existing.values())


def _bulk_create(model, rows) -> None:
    if rows:
        bulk_create_with_history(rows, model, default_change_reason=LOADER_CHANGE_REASON)


def _bulk_update(model, rows, *, changed=None) -> None:
    """Write ``rows``; those in ``changed`` (by default all) count as a new version."""
    for row in rows if changed is None else changed:
        row.bump_version()
    if rows:
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


def _write_people(article: Article, parsed: ParsedArticle, rows: _ArticleRows) -> dict[str, Person]:
    people = find_by_names(Person, (ref.name for ref in parsed.people))
    for ref in parsed.people:
        person = people.get(ref.name)
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
            people[ref.name] = person
        elif ref.role and not person.role:
            # A role is learnt once; later articles never flip it to their own wording.
            _save_if_changed(person, {"role": ref.role})
        for spelling in ref.new_aliases:
            add_alias(person, spelling, LOADER_CHANGE_REASON, needs_review=True)
    _sync_rows(
        rows(article.person_mentions),
        "person_id",
        {people[r.name].pk: _mention_values(r) for r in parsed.people},
        lambda pk: PersonMention(article=article, person_id=pk),
        rows.create,
    )
    return people


def _write_organisations(article: Article, parsed: ParsedArticle, rows: _ArticleRows) -> None:
    refs = parsed.organisations
    organisations = find_by_names(Organisation, (r.name for r in refs))
    for ref in refs:
        if ref.name not in organisations:
            organisation = Organisation(
                name=ref.name, slug=unique_slug(Organisation, ref.name), known=ref.known
            )
            _save_if_changed(
                organisation,
                {"needs_review": ref.needs_review, "review_reason": ref.review_reason[:300]},
            )
            organisations[ref.name] = organisation
    _sync_rows(
        rows(article.organisation_mentions),
        "organisation_id",
        {organisations[r.name].pk: _mention_values(r) for r in refs},
        lambda pk: OrganisationMention(article=article, organisation_id=pk),
        rows.create,
    )


def _write_review_bodies(
    article: Article, parsed: ParsedArticle, rows: _ArticleRows
) -> dict[str, ReviewBody]:
    refs = parsed.review_bodies
    bodies = {b.name: b for b in ReviewBody.objects.filter(name__in=[r.name for r in refs])}
    for ref in refs:
        if ref.name not in bodies:
            bodies[ref.name] = ReviewBody.objects.create(
                name=ref.name, slug=unique_slug(ReviewBody, ref.name)
            )
    _sync_rows(
        rows(article.review_body_mentions),
        "review_body_id",
        {bodies[r.name].pk: _mention_values(r) for r in refs},
        lambda pk: ReviewBodyMention(article=article, review_body_id=pk),
        rows.create,
    )
    return bodies


def _write_outlet_mentions(
    article: Article, parsed: ParsedArticle, authority: Authority, rows: _ArticleRows
) -> None:
    """The outlets the article names: outlets of the profiles (fixtures/outlets.toml). One
    with no page loaded yet gets its row as its first page would make it, so what is
    stored does not depend on the order the sources are loaded in."""
    refs = parsed.outlets
    outlets = {o.name: o for o in Outlet.objects.filter(name__in=[r.name for r in refs])}
    for ref in refs:
        if ref.name not in outlets:
            outlets[ref.name] = _outlet(ref.name, True, authority)
    _sync_rows(
        rows(article.outlet_mentions),
        "outlet_id",
        {outlets[r.name].pk: _mention_values(r) for r in refs},
        lambda pk: OutletMention(article=article, outlet_id=pk),
        rows.create,
    )


def _write_memberships(article, parsed, people, bodies) -> None:
    """Memberships belong to a body, not an article: added or updated, never removed."""
    pairs = [(people.get(r.person), bodies.get(r.body), r) for r in parsed.memberships]
    pairs = [(person, body, ref) for person, body, ref in pairs if None not in (person, body)]
    if not pairs:
        return
    known = {
        (m.person_id, m.body_id): m
        for m in Membership.objects.filter(
            person__in={person.pk for person, _, _ in pairs},
            body__in={body.pk for _, body, _ in pairs},
        )
    }
    for person, body, ref in pairs:
        membership = known.get((person.pk, body.pk))
        if membership is None:
            membership = known[person.pk, body.pk] = Membership(
                person=person, body=body, source_article=article, source_sentence=ref.sentence
            )
        _save_if_changed(membership, {"role": ref.role})


def _write_facts(article, parsed, bodies, rows: _ArticleRows) -> None:
    wanted = {(bodies[f.body].pk, f.text) for f in parsed.facts if f.body in bodies}
    existing = {(f.body_id, f.text): f.pk for f in rows(article.review_body_facts)}
    rows.create(
        ReviewBodyFact,
        [
            ReviewBodyFact(body_id=body_id, text=text, article=article)
            for body_id, text in wanted - existing.keys()
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
    existing = list(rows(article.quotes).select_for_update())
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
    _bulk_update(Quote, [*updated, *survivors], changed=changed)
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


def _write_milestones(article: Article, parsed: ParsedArticle, rows: _ArticleRows) -> None:
    refs = {ref.key: ref for ref in parsed.milestones}
    milestones = {m.key: m for m in Milestone.objects.filter(key__in=refs)}
    for key, ref in refs.items():
        known = milestones.get(key)
        milestone = known or Milestone(
            key=key, slug=unique_slug(Milestone, f"{ref.title} {ref.date.edtf()}")
        )
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
        milestones[key] = milestone
    previous = set(rows(article.milestone_sources).values_list("milestone_id", flat=True))
    _sync_rows(
        rows(article.milestone_sources),
        "milestone_id",
        {milestones[key].pk: {"sentence": ref.sentence} for key, ref in refs.items()},
        lambda pk: MilestoneSource(article=article, milestone_id=pk),
        rows.create,
    )
    orphans = Milestone.objects.filter(pk__in=previous, sources__isnull=True)
    _remove_stale(list(orphans))

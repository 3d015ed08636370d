"""Name-aware search: a query that names a person, organisation or review body.

A query that is one of their names or aliases, or a near miss of one, also matches
the articles that mention them, however those articles spell them: "MacAllister"
finds every article about Josh MacAlister, not only the one that misspells him so.
The near-miss rules are the loader's own (articles/parsing/spelling.py), so search
forgives the slips the loader links: a misspelt surname alone ("MacAllister"), or a
full name with a slip in it ("Ian Dickinson"). Organisation and body names must be
typed almost exactly (rapidfuzz ratio ``NAME_SIMILARITY``), since short names of
organisations are too alike to guess between.

Only a query that is a name as a whole counts ("MacAllister kinship" is a text search).
The matching costs two queries (every name and alias; the review bodies), once per
archive version in a process, and, when something matched, one more for the article
counts. The text search itself is
articles/search.py's; this module adds the mentions to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count, Exists, F, OuterRef, Q, Value
from django.urls import reverse
from rapidfuzz import fuzz

from archivecache.memo import once_per_version
from articles import search
from articles.models import OrganisationMention, PersonMention, ReviewBodyMention
from articles.parsing.names import normalise_name
from articles.parsing.spelling import similar_full_names, similar_surnames, split_name
from curation.visibility import public, reviewed
from people.models import Organisation, OrganisationAlias, Person, PersonAlias, ReviewBody

PERSON, ORGANISATION, REVIEW_BODY = "person", "organisation", "review_body"
LABELS = {PERSON: "People", ORGANISATION: "Organisations", REVIEW_BODY: "Review bodies"}
PAGES = {
    PERSON: "people:person-detail",
    ORGANISATION: "people:organisation-detail",
    REVIEW_BODY: "people:reviewbody-detail",
}
MENTIONS = {
    PERSON: (PersonMention, "person"),
    ORGANISATION: (OrganisationMention, "organisation"),
    REVIEW_BODY: (ReviewBodyMention, "review_body"),
}
NAME_SIMILARITY = 90
MIN_LENGTH = 3  # shorter queries name nobody
MIN_MISSPELT_LENGTH = 5  # as the loader: a shorter surname is not guessed at
MAX_NAME_WORDS = 6


@dataclass(frozen=True)
class NamedEntity:
    kind: str  # PERSON, ORGANISATION or REVIEW_BODY
    pk: int
    name: str
    slug: str
    article_count: int

    @property
    def label(self) -> str:
        return LABELS[self.kind]

    def get_absolute_url(self) -> str:
        return reverse(PAGES[self.kind], kwargs={"slug": self.slug})

    @property
    def articles_url(self) -> str:
        """The article list filtered to the articles that mention it."""
        return f"{reverse('articles:article-list')}?{urlencode({self.kind: self.slug})}"


def bare_query(q: str) -> str:
    """The query as a name: without quotation marks, single-spaced."""
    return " ".join(q.replace('"', " ").split())


def capitalised(words: str) -> str:
    """ "ian dickson" as a name is written, "Ian Dickson"; inner capitals are kept."""
    return " ".join(word[:1].upper() + word[1:] for word in words.split())


def names_entity(
    query: str, name: str, kind: str, typed: str | None = None, written: str | None = None
) -> bool:
    """Whether ``query`` (a bare query) is ``name`` of a record of ``kind``, or a near miss.

    ``typed`` and ``written``: the query and the name normalised, when the caller has them.
    """
    typed = normalise_name(query) if typed is None else typed
    written = normalise_name(name) if written is None else written
    if len(typed) < MIN_LENGTH:
        return False
    if typed == written:
        return True
    if kind != PERSON:
        return len(typed) >= MIN_MISSPELT_LENGTH and fuzz.ratio(typed, written) >= NAME_SIMILARITY
    # The near-miss rules keep initials (of the first name, of the surname): a cheap
    # test that rules out nearly every name before the costlier ones.
    if typed[0] not in {word[0] for word in written.split()}:
        return False
    query = capitalised(query)
    if " " in query:
        return similar_full_names(query, name)
    if " " not in name.strip():
        return False
    surname = split_name(name)[1]
    if typed == normalise_name(surname):
        return True
    return len(typed) >= MIN_MISSPELT_LENGTH and similar_surnames(query, surname)


def entities_named(q: str) -> list[NamedEntity]:
    """The people, organisations and bodies that ``q`` names and the archive's public
    pages mention, each with how many articles mention it: people first, then by name."""
    query = bare_query(q)
    if len(query) < MIN_LENGTH or len(query.split()) > MAX_NAME_WORDS:
        return []
    typed = normalise_name(query)
    matched: dict[str, set[int]] = {PERSON: set(), ORGANISATION: set(), REVIEW_BODY: set()}
    for kind, pk, name, written in _names_to_match().candidates(typed):
        if pk not in matched[kind] and names_entity(query, name, kind, typed, written):
            matched[kind].add(pk)
    counts = _article_counts(matched)
    order = list(LABELS)
    return sorted(counts, key=lambda e: (order.index(e.kind), -e.article_count, e.name))


def mentioning(entities: list[NamedEntity]) -> Q:
    """Articles that mention any of ``entities``."""
    condition = Q()
    for kind, (model, field) in MENTIONS.items():
        pks = [entity.pk for entity in entities if entity.kind == kind]
        if pks:
            condition |= Q(
                Exists(model.objects.filter(article=OuterRef("pk"), **{f"{field}__in": pks}))
            )
    return condition


def filter_matching(queryset, q: str, entities: list[NamedEntity]):
    """Articles matching ``q`` as text (articles/search.py), or mentioning ``entities``."""
    found = search.filter_matching(queryset, q)
    if not entities:
        return found
    return queryset.filter(Q(pk__in=found.values("pk")) | mentioning(entities))


class NameIndex:
    """Every name and alias to match a query against, (kind, pk, name, normalised name),
    filed so that a query is tried only against the names it could be: a person's by the
    initials of its words (``names_entity`` rules out any other at once), an
    organisation's or a body's by the same length or near it (``NAME_SIMILARITY`` allows
    no more), each given in the order they were read. At 10,000 articles, trying all
    2,300 names was about a sixth of a search asked again."""

    def __init__(self, names: list[tuple[str, int, str, str]]):
        self.by_initial: dict[str, list[int]] = {}
        self.by_length: dict[int, list[int]] = {}
        self.names = names
        for position, (kind, _pk, _name, written) in enumerate(names):
            if kind == PERSON:
                for initial in dict.fromkeys(word[0] for word in written.split()):
                    self.by_initial.setdefault(initial, []).append(position)
            else:
                self.by_length.setdefault(len(written), []).append(position)

    def candidates(self, typed: str) -> list[tuple[str, int, str, str]]:
        """The names that ``typed`` (a normalised query) might name, in the order read."""
        if not typed:
            return []
        positions = list(self.by_initial.get(typed[0], ()))
        # fuzz.ratio is at most 100 * (1 - |a - b| / (a + b)) for lengths a and b: at
        # NAME_SIMILARITY, a name may be longer than the query by up to a * 20 / 90 (and
        # shorter by up to a * 10 / 110), never more.
        slack = len(typed) * 2 * (100 - NAME_SIMILARITY) // NAME_SIMILARITY + 1
        for length in range(max(0, len(typed) - slack), len(typed) + slack + 1):
            positions += self.by_length.get(length, ())
        return [self.names[position] for position in sorted(positions)]


def _names_to_match() -> NameIndex:
    """Every name ``_every_name`` gives, normalised and indexed once per archive version
    in a process (archivecache.memo): at 10,000 articles, 2,300 names normalised on every
    search were an eighth of its time."""
    return once_per_version(
        "entity-names",
        (),
        lambda: NameIndex(
            [(kind, pk, name, normalise_name(name)) for kind, pk, name in _every_name()]
        ),
    )


def _every_name():
    """(kind, pk, name) for every public person, organisation and body, and every alias."""
    people = public(Person.objects).annotate(kind=Value(PERSON)).values_list("pk", "name", "kind")
    person_aliases = (
        PersonAlias.objects.filter(reviewed("person"))
        .annotate(kind=Value(PERSON))
        .values_list("person_id", "name", "kind")
    )
    organisations = (
        public(Organisation.objects)
        .annotate(kind=Value(ORGANISATION))
        .values_list("pk", "name", "kind")
    )
    organisation_aliases = (
        OrganisationAlias.objects.filter(reviewed("organisation"))
        .annotate(kind=Value(ORGANISATION))
        .values_list("organisation_id", "name", "kind")
    )
    union = people.order_by().union(
        person_aliases.order_by(),
        organisations.order_by(),
        organisation_aliases.order_by(),
        all=True,
    )
    for pk, name, kind in union:
        yield kind, pk, name
    for pk, name, aliases in ReviewBody.objects.order_by().values_list("pk", "name", "aliases"):
        for written in (name, *(a for a in aliases or () if isinstance(a, str))):
            yield REVIEW_BODY, pk, written


def _article_counts(matched: dict[str, set[int]]) -> list[NamedEntity]:
    """The matched records with their names, slugs and public article counts, in one query."""
    counted = []
    for kind, pks in matched.items():
        if not pks:
            continue
        model, field = MENTIONS[kind]
        counted.append(
            model.objects.filter(reviewed("article"), **{f"{field}__in": pks})
            .order_by()
            .values_list(field)
            .annotate(
                name=F(f"{field}__name"),
                slug=F(f"{field}__slug"),
                kind=Value(kind),
                articles=Count("pk"),
            )
        )
    if not counted:
        return []
    rows = counted[0].union(*counted[1:], all=True) if len(counted) > 1 else counted[0]
    return [
        NamedEntity(kind=kind, pk=pk, name=name, slug=slug, article_count=articles)
        for pk, name, slug, kind, articles in rows
    ]

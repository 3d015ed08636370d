"""Data builders for tests: each makes one valid, saved object with sensible defaults.

Every builder takes keyword arguments for the fields a test cares about and fills
the rest with unique values, so tests say only what matters to them.
"""

import datetime
import hashlib
import itertools
import random
import re
from dataclasses import dataclass, field

from django.db import connection
from django.utils.text import slugify

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
)
from articles.parsing.fuzzydate import DAY
from people.models import (
    Membership,
    Organisation,
    OrganisationAlias,
    Person,
    PersonAlias,
    ReviewBody,
    ReviewBodyFact,
    SlugRedirect,
)

_serial = itertools.count(1)


def _next() -> int:
    return next(_serial)


def make_outlet(name: str | None = None, **fields) -> Outlet:
    name = name or f"Outlet {_next()}"
    fields.setdefault("slug", slugify(name))
    return Outlet.objects.create(name=name, **fields)


def make_person(name: str | None = None, aliases=(), **fields) -> Person:
    name = name or f"Person {_next()}"
    fields.setdefault("slug", slugify(name))
    person = Person.objects.create(name=name, **fields)
    for alias in aliases:
        PersonAlias.objects.create(person=person, name=alias)
    return person


def make_organisation(name: str | None = None, aliases=(), **fields) -> Organisation:
    name = name or f"Organisation {_next()}"
    fields.setdefault("slug", slugify(name))
    organisation = Organisation.objects.create(name=name, **fields)
    for alias in aliases:
        OrganisationAlias.objects.create(organisation=organisation, name=alias)
    return organisation


def make_review_body(name: str | None = None, **fields) -> ReviewBody:
    name = name or f"Review body {_next()}"
    fields.setdefault("slug", slugify(name))
    return ReviewBody.objects.create(name=name, **fields)


def make_article(
    title: str | None = None,
    *,
    outlet: Outlet | None = None,
    published: datetime.date | None = None,
    precision: str = DAY,
    people=(),
    organisations=(),
    review_bodies=(),
    outlets=(),
    **fields,
) -> Article:
    """An article; ``people`` etc. are objects or (object, spellings) pairs it mentions,
    each mention with the spans of its spellings in the title and body, as the loader
    stores them (a paragraph standing in for the sentence)."""
    serial = _next()
    title = title or f"Article {serial}"
    fields.setdefault("slug", f"{slugify(title)[:200]}-{serial}")
    fields.setdefault("body", f"First paragraph of {title}.\n\nSecond paragraph.")
    fields.setdefault("source_file", f"{serial:04d}_test.txt")
    fields.setdefault("source_key", fields["source_file"])
    fields.setdefault("source_text", f"{title}\n\n{fields['body']}")
    fields.setdefault("sha256", hashlib.sha256(f"{serial}:{title}".encode()).hexdigest())
    article = Article.objects.create(
        title=title,
        outlet=outlet or make_outlet(),
        published=published,
        published_precision=precision if published else "unknown",
        **fields,
    )
    for target, spellings in _with_spellings(people):
        PersonMention.objects.create(
            article=article, person=target, spellings=spellings, spans=spans(article, spellings)
        )
    for target, spellings in _with_spellings(organisations):
        OrganisationMention.objects.create(
            article=article,
            organisation=target,
            spellings=spellings,
            spans=spans(article, spellings),
        )
    for target, spellings in _with_spellings(review_bodies):
        ReviewBodyMention.objects.create(
            article=article,
            review_body=target,
            spellings=spellings,
            spans=spans(article, spellings),
        )
    for target, spellings in _with_spellings(outlets):
        OutletMention.objects.create(
            article=article, outlet=target, spellings=spellings, spans=spans(article, spellings)
        )
    return article


def spans(article: Article, spellings) -> list[list]:
    """Where the article's title and body use each spelling: [field, start, end, start and
    end of the paragraph around it]."""
    found = []
    for part in ("title", "body"):
        text = getattr(article, part)
        pattern = "|".join(re.escape(spelling) for spelling in spellings)
        for match in re.finditer(rf"(?<!\w)(?:{pattern})(?!\w)", text) if pattern else ():
            start = text.rfind("\n\n", 0, match.start())
            end = text.find("\n\n", match.end())
            paragraph = (0 if start == -1 else start + 2, len(text) if end == -1 else end)
            found.append([part, match.start(), match.end(), *paragraph])
    return found


def _with_spellings(items):
    for item in items:
        target, spellings = item if isinstance(item, tuple) else (item, [item.name])
        yield target, list(spellings)


def make_quote(article: Article, text: str = "We will listen.", speaker=None, **fields) -> Quote:
    fields.setdefault("position", article.quotes.count())
    return Quote.objects.create(article=article, text=text, speaker=speaker, **fields)


def make_milestone(
    title: str | None = None,
    date: datetime.date | None = None,
    precision: str = DAY,
    articles=(),
    **fields,
) -> Milestone:
    title = title or f"Milestone {_next()}"
    fields.setdefault("slug", slugify(title))
    fields.setdefault("key", fields["slug"])
    milestone = Milestone.objects.create(
        title=title, date=date, date_precision=precision if date else "unknown", **fields
    )
    for article in articles:
        MilestoneSource.objects.create(
            milestone=milestone, article=article, sentence=f"{title} was reported."
        )
    return milestone


def make_membership(person, body, role=Membership.MEMBER, **fields) -> Membership:
    return Membership.objects.create(person=person, body=body, role=role, **fields)


def make_fact(body, article, text="It met monthly.") -> ReviewBodyFact:
    return ReviewBodyFact.objects.create(body=body, article=article, text=text)


def make_redirect(old_slug: str, person=None, organisation=None) -> SlugRedirect:
    kind = SlugRedirect.PERSON if person else SlugRedirect.ORGANISATION
    return SlugRedirect.objects.create(
        kind=kind, old_slug=old_slug, person=person, organisation=organisation
    )


@dataclass
class GeneratedArchive:
    outlets: list[Outlet]
    people: list[Person]
    organisations: list[Organisation]
    review_bodies: list[ReviewBody]
    articles: list[Article] = field(default_factory=list)
    chooser: random.Random = field(default_factory=random.Random)


def build_archive(articles: int, people: int, seed: int = 1) -> GeneratedArchive:
    """A generated archive: outlets, people, organisations, bodies, quotes and milestones.

    The same ``seed`` gives the same archive; ``add_articles`` grows it later.
    """
    archive = GeneratedArchive(
        outlets=[make_outlet() for _ in range(5)],
        people=[make_person() for _ in range(people)],
        organisations=[make_organisation() for _ in range(10)],
        review_bodies=[make_review_body() for _ in range(3)],
        chooser=random.Random(seed),
    )
    add_articles(archive, articles)
    for index in range(5):
        make_milestone(
            date=datetime.date(2021, 1, 1) + datetime.timedelta(days=90 * index),
            articles=archive.chooser.sample(archive.articles, min(3, len(archive.articles))),
        )
    for body in archive.review_bodies:
        make_membership(archive.people[0], body, role=Membership.CHAIR)
        make_membership(archive.people[1], body)
        make_fact(body, archive.articles[0])
    return archive


def add_articles(archive: GeneratedArchive, count: int) -> None:
    """Add ``count`` articles: each mentions three people (always including the first one
    every other time), one organisation, one review body and one outlet (in turn); one in
    three has a quote, one in ten is undated."""
    chooser, start = archive.chooser, datetime.date(2021, 1, 1)
    for _ in range(count):
        index = len(archive.articles)
        people = chooser.sample(archive.people[1:], 2)
        people.append(archive.people[0] if index % 2 == 0 else chooser.choice(archive.people[1:]))
        people = list(dict.fromkeys(people))
        named = archive.outlets[index % len(archive.outlets)]
        article = make_article(
            body=f"{', '.join(p.name for p in people)} spoke about the review."
            f"\n\n{named.name} reported it.",
            outlet=chooser.choice(archive.outlets),
            published=None if index % 10 == 9 else start + datetime.timedelta(days=index % 900),
            kind=chooser.choice([Article.NEWS, Article.OPINION]),
            people=people,
            organisations=[chooser.choice(archive.organisations)],
            review_bodies=[chooser.choice(archive.review_bodies)],
            outlets=[named],
        )
        if index % 3 == 0:
            make_quote(article, speaker=chooser.choice(archive.people[:5]))
        archive.articles.append(article)
    refresh_planner_statistics()


def refresh_planner_statistics() -> None:
    """On PostgreSQL, ANALYZE: what autovacuum does for a real archive after a load.

    A test's rows are uncommitted, so autovacuum never sees them, and the planner would
    plan with the statistics of the tables as some earlier test left them (often empty):
    then it picks nested loops that take minutes on a few hundred articles. ANALYZE in the
    test's own transaction samples its rows. SQLite plans without statistics here."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

"""Benchmark: how long do the public pages take on a large archive?

    scripts/with-postgres.sh .venv/bin/python bench/page_bench.py [--articles 10000]

Creates a throwaway test database next to the one DATABASE_URL names (as the test
suite does, so no real data is touched), migrates it and fills it with a generated
archive: outlets, people with aliases, organisations, the review's three bodies,
articles with several paragraphs of prose built from the seed texts, mentions with
Zipf-like popularity, quotes and milestones. Then it requests each public page in
process through the Django test client with production settings (debug off, HTTPS):
warm-up requests, one request with its queries counted, then --repeat timed requests.
It prints a Markdown table (median and 95th percentile times, queries, SQL time of the
counted request, response size) and drops the test database. --explain also prints
the plan of each page's slowest query (PostgreSQL only).
"""

import argparse
import datetime
import hashlib
import itertools
import math
import os
import random
import re
import statistics
import sys
import tempfile
import time
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from _django import setup_django

BATCH = 1000
OUTLET_COUNT = 36
DEEP_PAGE = 50  # the list page to time besides the first (or the last, if fewer)
TARGET_MEDIAN_MS = 300
COMMON_WORD = "children"
RARE_PHRASE = "regional care cooperatives"
RARE_EVERY = 500  # one article in RARE_EVERY carries the rare phrase
FILTER_DATES = ("2021-06", "2022-05")

WORDS = tomllib.loads(Path(__file__).with_name("page_bench_words.toml").read_text("utf-8"))
PRECISIONS = [("day", 85), ("month", 5), ("season", 2), ("year", 2), ("unknown", 6)]
QUOTE_COUNTS = ([0, 1, 2, 3, 4], [35, 25, 20, 12, 8])
COVERAGE_SPREAD_DAYS = 12
WORD = re.compile(r"[^\s“”\"]+")


class Popularity:
    """Draws ``items`` with Zipf-like weights: the k-th is 1/k^s as likely as the first."""

    def __init__(self, items, rng: random.Random, exponent: float = 1.0):
        self.items, self.rng = list(items), rng
        self.cum_weights = list(
            itertools.accumulate(1 / rank**exponent for rank in range(1, len(self.items) + 1))
        )

    def one(self):
        return self.rng.choices(self.items, cum_weights=self.cum_weights)[0]

    def distinct(self, count: int) -> list:
        chosen: dict = {}
        while len(chosen) < min(count, len(self.items)):
            for item in self.rng.choices(self.items, cum_weights=self.cum_weights, k=count):
                if len(chosen) < count:
                    chosen.setdefault(item.pk, item)
        return list(chosen.values())


class Prose:
    """Sentences from a word-pair Markov chain over the seed texts' prose lines."""

    def __init__(self, seed_dir: Path, rng: random.Random):
        self.rng = rng
        self.following: dict[str, list[str]] = defaultdict(list)
        self.starts: list[str] = []
        for path in sorted(seed_dir.glob("*.txt")):
            for line in path.read_text(encoding="utf-8").splitlines():
                words = WORD.findall(line)
                if len(words) < 12:
                    continue  # headlines, dates and page furniture
                self.starts.append(words[0])
                for word, after in itertools.pairwise(words):
                    self.following[word].append(after)
        self.pool = [self._sentence() for _ in range(20000)]

    def _sentence(self) -> str:
        words = [self.rng.choice(self.starts)]
        while len(words) < 40 and words[-1] in self.following:
            if len(words) >= 8 and words[-1][-1] in ".?!":
                break
            words.append(self.rng.choice(self.following[words[-1]]))
        text = " ".join(words).rstrip(",;:")
        return text if text[-1] in ".?!" else text + "."

    def sentence(self) -> str:
        return self.rng.choice(self.pool)

    def clause(self) -> str:
        """A sentence to follow "said that": lower-case start."""
        text = self.sentence()
        return text[0].lower() + text[1:]

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 4)))


def unique_slug(name: str, taken: set[str]) -> str:
    from django.utils.text import slugify

    base = slugify(name)[:200] or "item"
    slug, serial = base, itertools.count(2)
    while slug in taken:
        slug = f"{base}-{next(serial)}"
    taken.add(slug)
    return slug


def read_toml(path: Path) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)


@dataclass
class Archive:
    """The generated archive's entities, most popular first."""

    outlets: list
    people: list
    organisations: list
    review_bodies: list
    other_spelling: dict[int, str]  # person pk -> an alias the coverage also uses
    article_ids: list[int]


def make_outlets(settings, rng) -> list:
    """The outlets file's outlets, then national and local papers up to ``OUTLET_COUNT``."""
    from articles.models import Outlet

    rows = {
        o["name"]: (o.get("homepage", ""), o.get("kind", Outlet.TRADE))
        for o in read_toml(settings.OUTLETS_FILE)["outlet"]
    }
    papers = [f"{place} {rng.choice(WORDS['papers'])}" for place in WORDS["places"]]
    for name in [*WORDS["national_outlets"], *papers]:
        if len(rows) >= OUTLET_COUNT:
            break
        rows.setdefault(name, ("", Outlet.NATIONAL))
    taken: set[str] = set()
    outlets = [
        Outlet(name=name, slug=unique_slug(name, taken), homepage=homepage, kind=kind)
        for name, (homepage, kind) in rows.items()
    ]
    return Outlet.objects.bulk_create(outlets)


def make_organisations(settings, rng) -> list:
    """Named organisations first (the authority file's, then well-known ones), then councils
    and charities in a random order; initials as aliases."""
    from articles.parsing.names import normalise_name
    from people.models import Organisation, OrganisationAlias

    authority = read_toml(settings.AUTHORITY_FILE)["organisation"]
    named = list(dict.fromkeys([o["name"] for o in authority] + WORDS["organisations"]))
    others = [f"{place} Council" for place in WORDS["places"]]
    others += [f"{w} {s}" for w in WORDS["charity_words"] for s in WORDS["charity_suffixes"]]
    rng.shuffle(others)
    taken: set[str] = set()
    organisations = Organisation.objects.bulk_create(
        Organisation(name=name, slug=unique_slug(name, taken), known=name in named)
        for name in [*named, *(name for name in others if name not in named)]
    )
    aliases, seen = [], set()
    for organisation in organisations:
        initials = "".join(word[0] for word in organisation.name.split() if word[0].isupper())
        if len(initials) >= 3 and normalise_name(initials) not in seen:
            seen.add(normalise_name(initials))
            aliases.append(
                OrganisationAlias(
                    organisation=organisation, name=initials, normalised=normalise_name(initials)
                )
            )
    OrganisationAlias.objects.bulk_create(aliases)
    return organisations


def make_people(settings, rng, count: int, organisations) -> tuple[list, dict[int, str]]:
    """``count`` people, the authority file's first; and one other spelling for some of them."""
    from articles.parsing.names import normalise_name
    from people.models import Person, PersonAlias

    known = read_toml(settings.AUTHORITY_FILE)["person"]
    names = [p["name"] for p in known]
    generated = [f"{first} {last}" for first in WORDS["first_names"] for last in WORDS["surnames"]]
    rng.shuffle(generated)
    names += [name for name in generated if name not in names][: count - len(names)]
    roles = [p.get("role", "") for p in known]
    while len(roles) < len(names):
        place, organisation = rng.choice(WORDS["places"]), rng.choice(organisations).name
        roles.append(rng.choice(WORDS["roles"]).format(place=place, organisation=organisation))
    taken: set[str] = set()
    people = Person.objects.bulk_create(
        Person(name=name, slug=unique_slug(name, taken), role=role, known=index < len(known))
        for index, (name, role) in enumerate(zip(names, roles, strict=True))
    )
    candidates = [(people[i], alias) for i, p in enumerate(known) for alias in p["aliases"]]
    for person in people[len(known) :]:
        first, last = person.name.split(" ", 1)
        if rng.random() < 0.4:
            candidates.append((person, rng.choice([f"{first[0]}. {last}", f"{first} {last}s"])))
    seen = {normalise_name(name) for name in names}
    aliases, other_spelling = [], {}
    for person, alias in candidates:
        if normalise_name(alias) not in seen:
            seen.add(normalise_name(alias))
            aliases.append(PersonAlias(person=person, name=alias, normalised=normalise_name(alias)))
            other_spelling.setdefault(person.pk, alias)
    PersonAlias.objects.bulk_create(aliases)
    return people, other_spelling


def make_review_bodies(settings) -> list:
    from people.models import ReviewBody

    bodies = read_toml(settings.AUTHORITY_FILE)["review_body"]
    taken: set[str] = set()
    return ReviewBody.objects.bulk_create(
        ReviewBody(
            name=b["name"],
            slug=unique_slug(b["name"], taken),
            purpose=b.get("purpose", ""),
            aliases=b.get("aliases", []),
        )
        for b in bodies
    )


def publication_date(rng) -> tuple[datetime.date | None, str]:
    """A first day and precision: bunched around the review's big days, some vaguer or undated."""
    from articles.parsing.fuzzydate import SEASON_START_MONTH

    precision = rng.choices([p for p, _ in PRECISIONS], weights=[w for _, w in PRECISIONS])[0]
    if precision == "unknown":
        return None, precision
    first, last = datetime.date(2021, 1, 1), datetime.date(2023, 12, 31)
    if rng.random() < 0.6:
        peaks = [m for m in WORDS["milestone"] if "peak" in m]
        centre = rng.choices(peaks, weights=[m["peak"] for m in peaks])[0]["date"]
        day = centre + datetime.timedelta(days=round(rng.gauss(0, COVERAGE_SPREAD_DAYS)))
    else:
        day = first + datetime.timedelta(days=rng.randrange((last - first).days + 1))
    day = min(max(day, first), last)
    if precision == "month":
        return day.replace(day=1), precision
    if precision == "season":
        if day.month < min(SEASON_START_MONTH.values()):
            return datetime.date(day.year - 1, 12, 1), precision  # January is winter's
        month = max(m for m in SEASON_START_MONTH.values() if m <= day.month)
        return datetime.date(day.year, month, 1), precision
    if precision == "year":
        return datetime.date(day.year, 1, 1), precision
    return day, precision


class ArticleWriter:
    """Builds and bulk-writes articles with their mentions and quotes, a batch at a time."""

    def __init__(self, archive: Archive, prose: Prose, rng: random.Random):
        self.archive, self.prose, self.rng = archive, prose, rng
        self.outlets = Popularity(archive.outlets, rng, exponent=0.8)
        self.people = Popularity(archive.people, rng)
        self.organisations = Popularity(archive.organisations, rng)
        self.bodies = Popularity(archive.review_bodies, rng, exponent=0.5)
        self.taken_slugs: set[str] = set()
        self.journalists = [
            f"{first} {last}"
            for first in WORDS["first_names"][::3]
            for last in WORDS["surnames"][::4]
        ]

    def write(self, count: int) -> None:
        for start in range(0, count, BATCH):
            self._write_batch(range(start, min(start + BATCH, count)))

    def _write_batch(self, indexes) -> None:
        from articles.models import (
            Article,
            OrganisationMention,
            PersonMention,
            Quote,
            ReviewBodyMention,
        )

        drafts = [self._draft(index) for index in indexes]
        Article.objects.bulk_create(d["article"] for d in drafts)
        PersonMention.objects.bulk_create(
            PersonMention(
                article=d["article"],
                person=person,
                spellings=spellings,
                spans=located(d["article"].body, spellings),
            )
            for d in drafts
            for person, spellings in d["people"]
        )
        OrganisationMention.objects.bulk_create(
            OrganisationMention(
                article=d["article"],
                organisation=o,
                spellings=[o.name],
                spans=located(d["article"].body, [o.name]),
            )
            for d in drafts
            for o in d["organisations"]
        )
        ReviewBodyMention.objects.bulk_create(
            ReviewBodyMention(
                article=d["article"],
                review_body=b,
                spellings=[b.name],
                spans=located(d["article"].body, [b.name]),
            )
            for d in drafts
            for b in d["bodies"]
        )
        Quote.objects.bulk_create(
            Quote(article=d["article"], speaker=speaker, speaker_label=label, text=text, position=i)
            for d in drafts
            for i, (speaker, label, text) in enumerate(d["quotes"])
        )
        self.archive.article_ids += [d["article"].pk for d in drafts]

    def _draft(self, index: int) -> dict:
        from articles.models import Article, Outlet
        from articles.parsing.fuzzydate import FuzzyDate

        rng, prose = self.rng, self.prose
        outlet = self.outlets.one()
        people = self.people.distinct(rng.randint(2, 9))
        organisations = self.organisations.distinct(rng.choice([0, 1, 1, 2, 2, 3, 4]))
        bodies = self.bodies.distinct(rng.choice([0, 0, 0, 1, 1, 2]))
        paragraphs = [prose.paragraph() for _ in range(rng.randint(6, 12))]
        mentions = []
        for person in people:
            spelling = person.name
            if person.pk in self.archive.other_spelling and rng.random() < 0.3:
                spelling = self.archive.other_spelling[person.pk]
            mentions.append((person, list(dict.fromkeys([person.name, spelling]))))
            self._insert(paragraphs, f"{spelling}, {person.role}, said that {prose.clause()}")
        for organisation in organisations:
            self._insert(
                paragraphs, f"A spokesperson for {organisation.name} said that {prose.clause()}"
            )
        for body in bodies:
            self._insert(
                paragraphs,
                f"The {body.name} met in {rng.choice(WORDS['places'])}. {prose.sentence()}",
            )
        quotes = []
        for _ in range(rng.choices(*QUOTE_COUNTS)[0]):
            text = prose.sentence()
            if rng.random() < 0.9:
                speaker = rng.choice(people)
                quotes.append((speaker, "", text))
                self._insert(paragraphs, f"{speaker.name} said: “{text}”")
            else:
                label = f"A spokesperson for {rng.choice(self.archive.organisations).name}"
                quotes.append((None, label, text))
                self._insert(paragraphs, f"{label} said: “{text}”")
        if index % RARE_EVERY == RARE_EVERY // 2:
            place = rng.choice(WORDS["places"])
            self._insert(paragraphs, f"Plans for {RARE_PHRASE} were discussed in {place}.")
        published, precision = publication_date(rng)
        end = FuzzyDate.from_start(published, precision).end() if published else None
        title = (
            f"{rng.choice(WORDS['title_subjects'])} {rng.choice(WORDS['title_verbs'])} "
            f"{rng.choice(WORDS['title_objects'])}"
        )
        if rng.random() < 0.3:
            title += f" in {rng.choice(WORDS['places'])}"
        standfirst = prose.sentence() if rng.random() < 0.8 else ""
        body = "\n\n".join(paragraphs)
        source_text = f"{title}\n{standfirst}\n{published or ''}\n{body}\n"
        kind = Article.OFFICIAL if outlet.kind == Outlet.OFFICIAL else Article.NEWS
        if kind == Article.NEWS and rng.random() < 0.2:
            kind = Article.OPINION
        article = Article(
            outlet=outlet,
            title=title,
            slug=unique_slug(f"{title}-{index}", self.taken_slugs),
            standfirst=standfirst,
            body=body,
            published=published,
            published_precision=precision,
            published_end=end,
            author=rng.choice(self.journalists) if rng.random() < 0.85 else "",
            links=[f"https://example.org/report/{index}"] if rng.random() < 0.2 else [],
            kind=kind,
            source_file=f"generated_{index:05d}.txt",
            source_key=f"generated_{index:05d}.txt",
            sha256=hashlib.sha256(source_text.encode()).hexdigest(),
            source_text=source_text,
        )
        return {
            "article": article,
            "people": mentions,
            "organisations": organisations,
            "bodies": bodies,
            "quotes": quotes,
        }

    def _insert(self, paragraphs: list[str], text: str) -> None:
        paragraphs.insert(self.rng.randint(1, len(paragraphs)), text)


def located(body: str, spellings: list[str]) -> list[list]:
    """Where the body uses the spellings, as the loader stores a mention's spans (the
    paragraph standing in for the sentence)."""
    found = []
    for match in re.finditer("|".join(re.escape(s) for s in spellings), body):
        start, end = body.rfind("\n\n", 0, match.start()), body.find("\n\n", match.end())
        paragraph = (0 if start == -1 else start + 2, len(body) if end == -1 else end)
        found.append(["body", match.start(), match.end(), *paragraph])
    return found


def make_milestones(archive: Archive, prose: Prose, rng) -> None:
    """The review's big days and a long tail of meetings, each reported by a Zipf-like share."""
    from articles.models import Milestone, MilestoneSource
    from articles.parsing.fuzzydate import FuzzyDate

    rows = [(m["title"], m.get("date"), m["precision"], m["kind"]) for m in WORDS["milestone"]]
    for month in range(3, 27, 2):
        first = datetime.date(2021 + (month - 1) // 12, (month - 1) % 12 + 1, 1)
        rows.append((f"Board meeting, {first:%B %Y}", first, "month", "event"))
    for place in WORDS["places"][:36]:
        day = datetime.date(2021, 4, 1) + datetime.timedelta(days=rng.randrange(420))
        rows.append((f"Roadshow in {place}", day, "day", "event"))
    taken: set[str] = set()
    milestones = []
    for title, date, precision, kind in rows:
        slug = unique_slug(title, taken)
        end = FuzzyDate.from_start(date, precision).end() if date else None
        milestones.append(
            Milestone(
                title=title,
                slug=slug,
                key=slug,
                date=date,
                date_precision=precision,
                date_end=end,
                kind=kind,
            )
        )
    Milestone.objects.bulk_create(milestones)
    pks = archive.article_ids
    sources = [
        MilestoneSource(milestone=milestone, article_id=pk, sentence=prose.sentence())
        for rank, milestone in enumerate(milestones, start=1)
        for pk in rng.sample(pks, min(len(pks), max(2, len(pks) // (8 * rank))))
    ]
    MilestoneSource.objects.bulk_create(sources, batch_size=BATCH)


def make_memberships(archive: Archive, prose: Prose, rng) -> None:
    """The chair of the review chairs every body; members come from the 300 best-known people."""
    from people.models import Membership, ReviewBodyFact

    pks = archive.article_ids
    memberships, facts = [], []
    for body in archive.review_bodies:
        members = rng.sample(archive.people[1:300], rng.randint(10, 20))
        for position, person in enumerate([archive.people[0], *members]):
            memberships.append(
                Membership(
                    person=person,
                    body=body,
                    role=Membership.CHAIR if position == 0 else Membership.MEMBER,
                    source_article_id=rng.choice(pks),
                    source_sentence=prose.sentence(),
                )
            )
        facts += [
            ReviewBodyFact(body=body, article_id=pk, text=prose.sentence())
            for pk in rng.sample(pks, min(5, len(pks)))
        ]
    Membership.objects.bulk_create(memberships)
    ReviewBodyFact.objects.bulk_create(facts)


def generate(settings, articles: int, people: int, seed: int) -> None:
    rng = random.Random(seed)
    prose = Prose(settings.SEEDS_DIR, rng)
    organisations = make_organisations(settings, rng)
    persons, other_spelling = make_people(settings, rng, people, organisations)
    archive = Archive(
        outlets=make_outlets(settings, rng),
        people=persons,
        organisations=organisations,
        review_bodies=make_review_bodies(settings),
        other_spelling=other_spelling,
        article_ids=[],
    )
    ArticleWriter(archive, prose, rng).write(articles)
    make_milestones(archive, prose, rng)
    make_memberships(archive, prose, rng)


def prepare_database() -> str:
    """Do what autovacuum would do after a big load, and return the statement.

    On PostgreSQL, first check that the trigger filled every search vector; VACUUM also
    empties the GIN index's pending list, which every search would otherwise read entry
    by entry. ANALYZE refreshes the planner's statistics.
    """
    from django.db import connection

    from articles.models import Article

    statement = "ANALYZE"
    if connection.vendor == "postgresql":
        missing = Article.objects.filter(search_vector__isnull=True).count()
        if missing:
            raise SystemExit(f"error: {missing} articles have no search vector after bulk_create")
        statement = "VACUUM ANALYZE"
    with connection.cursor() as cursor:
        cursor.execute(statement)
    return statement


# --- Measuring the pages.


@dataclass(frozen=True)
class Page:
    name: str
    url: str


@dataclass(frozen=True)
class Result:
    page: Page
    status: int
    size: int
    queries: int
    sql_ms: float
    slowest_sql: str
    median_ms: float
    p95_ms: float


def benchmark_pages() -> tuple[list[Page], list[tuple[str, str]]]:
    """The pages to time, and the workload they stand for in words."""
    from django.db.models import Count
    from django.http import QueryDict
    from django.urls import reverse

    from articles.browsing import PAGE_SIZE
    from articles.entity_search import entities_named
    from articles.filters import ArticleFilter
    from articles.models import Article, Outlet, Quote
    from people.models import Person

    person = Person.objects.annotate(n=Count("mentions")).order_by("-n").first()
    speaker = Person.objects.annotate(n=Count("quotes")).order_by("-n").first()
    quote = Quote.objects.order_by("pk").first()
    quotes = reverse("quotes:quote-list")
    compared = Person.objects.annotate(n=Count("mentions")).order_by("-n")[:3]
    outlet = Outlet.objects.annotate(n=Count("articles")).order_by("-n").first()
    article = Article.objects.annotate(n=Count("person_mentions")).order_by("-n", "pk").first()
    articles = reverse("articles:article-list")
    filters = {
        "person": person.slug,
        "outlet": outlet.slug,
        "date_from": FILTER_DATES[0],
        "date_to": FILTER_DATES[1],
    }
    rare = f'"{RARE_PHRASE}"'
    typo = misspelt(person.name)
    named = ", ".join(entity.name for entity in entities_named(typo))
    deep_page = min(DEEP_PAGE, math.ceil(Article.objects.count() / PAGE_SIZE))

    def matches(**query) -> int:
        data = QueryDict(mutable=True)
        data.update(query)
        return ArticleFilter(data, queryset=Article.objects.all()).matching().count()

    pages = [
        Page("Home", reverse("articles:home")),
        Page("Article list, page 1", articles),
        Page(f"Article list, page {deep_page}", f"{articles}?page={deep_page}"),
        Page("Filtered list: person + outlet + dates", f"{articles}?{urlencode(filters)}"),
        Page(f"Search: common word ({COMMON_WORD})", f"{articles}?{urlencode({'q': COMMON_WORD})}"),
        Page("Search: rare phrase", f"{articles}?{urlencode({'q': rare})}"),
        Page("Article (most people mentioned)", article.get_absolute_url()),
        Page("Person (most mentioned)", person.get_absolute_url()),
        Page("Person, mentions in context page 2", f"{person.get_absolute_url()}?mentions_page=2"),
        Page("Search: a misspelt surname", f"{articles}?{urlencode({'q': typo})}"),
        Page("People index, page 1", reverse("people:person-list")),
        Page("Timeline", reverse("articles:timeline")),
        Page(
            "Compare: three people and an outlet",
            reverse("articles:compare")
            + "?"
            + urlencode([*(("person", p.slug) for p in compared), ("outlet", outlet.slug)]),
        ),
        Page(
            "Article list of one year (chart, months facet)",
            f"{articles}?date_from=2022&date_to=2022",
        ),
        Page("CSV export of the filtered list", f"{articles}?{urlencode(filters)}&format=csv"),
        Page("RIS of the filtered list", f"{articles}?{urlencode(filters)}&format=ris"),
        Page("Article as BibTeX", f"{article.get_absolute_url()}?format=bibtex"),
        Page("Quotes index, page 1", quotes),
        Page("Quotes: speaker + dates", f"{quotes}?speaker={speaker.slug}&date_from=2021"),
        Page(f"Quotes: search ({COMMON_WORD})", f"{quotes}?{urlencode({'q': COMMON_WORD})}"),
        Page("Quote permalink", quote.get_absolute_url()),
        Page("CSV export of every quote", f"{quotes}?format=csv"),
        Page("People index as JSON", f"{reverse('people:person-list')}?format=json"),
        Page("Atom feed", reverse("articles:article-feed")),
        Page("Sitemap index", reverse("sitemap")),
        Page("Sitemap of articles", reverse("sitemap-section", args=["articles"])),
    ]
    workload = [
        ("Most mentioned person", f"{person.name}: {person.n} articles"),
        ("Busiest outlet", f"{outlet.name}: {outlet.n} articles"),
        ("Filtered list matches", f"{matches(**filters)} articles ({' to '.join(FILTER_DATES)})"),
        (f"Search “{COMMON_WORD}” matches", f"{matches(q=COMMON_WORD)} articles"),
        (f"Search {rare} matches", f"{matches(q=rare)} articles"),
        ("Article page", f"{article.title} ({article.n} people mentioned)"),
        ("Most quoted speaker", f"{speaker.name}: {speaker.n} quotes"),
        ("Quotes", f"{Quote.objects.count()} in all"),
        (
            "Misspelt surname search",
            f"“{typo}” names {named or 'nobody'}: {matches(q=typo)} articles",
        ),
    ]
    return pages, workload


def misspelt(name: str) -> str:
    """The surname with its middle consonant doubled, as people mistype it ("MacAllister")."""
    surname = name.split()[-1]
    inner = [i for i in range(1, len(surname) - 1) if surname[i].lower() not in "aeiouy’'"]
    middle = min(inner, key=lambda i: abs(i - len(surname) // 2))
    return surname[: middle + 1] + surname[middle:]


def fetch(client, url: str) -> tuple[int, int]:
    """Request ``url`` over HTTPS and read the whole body, streamed or not."""
    response = client.get(url, secure=True)
    if response.streaming:
        return response.status_code, sum(len(chunk) for chunk in response.streaming_content)
    return response.status_code, len(response.content)


def measure(client, page: Page, warmup: int, repeat: int) -> Result:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(warmup):
        fetch(client, page.url)
    with CaptureQueriesContext(connection) as captured:
        status, size = fetch(client, page.url)
    # Read them now: the next request empties the connection's query log.
    queries = list(captured.captured_queries)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fetch(client, page.url)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    slowest = max(queries, key=lambda query: float(query["time"]), default={"sql": ""})
    return Result(
        page=page,
        status=status,
        size=size,
        queries=len(queries),
        sql_ms=sum(float(query["time"]) for query in queries) * 1000,
        slowest_sql=slowest["sql"],
        median_ms=statistics.median(times),
        p95_ms=times[math.ceil(0.95 * len(times)) - 1],
    )


CHART_PAGES = (
    "Article list, page 1",
    "Filtered list: person + outlet + dates",
    "Person (most mentioned)",
)


def chart_cost(client, pages: list[Page], rounds: int) -> list[tuple[str, float, float]]:
    """(page, median ms with, median ms without) the coverage chart and date facet, the
    two variants alternated request by request (which goes first alternates too)."""
    from contextlib import ExitStack
    from unittest import mock

    def without() -> ExitStack:
        stack = ExitStack()
        for name, value in (
            ("articles.coverage.filtered_chart", None),
            ("articles.coverage.list_date_rows", []),
            ("articles.date_histogram.histogram", None),
        ):
            stack.enter_context(mock.patch(name, return_value=value))
        return stack

    found = []
    for page in (page for page in pages if page.name in CHART_PAGES):
        times = {"with": [], "without": []}
        for round_number in range(rounds):
            order = ("with", "without") if round_number % 2 == 0 else ("without", "with")
            for variant in order:
                started = time.perf_counter()
                if variant == "without":
                    with without():
                        fetch(client, page.url)
                else:
                    fetch(client, page.url)
                times[variant].append((time.perf_counter() - started) * 1000)
        found.append(
            (page.name, statistics.median(times["with"]), statistics.median(times["without"]))
        )
    return found


def print_table(results: list[Result]) -> None:
    print("| Page | Median ms | p95 ms | Queries | SQL ms | Size KB |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in results:
        flag = " (over target)" if r.median_ms > TARGET_MEDIAN_MS else ""
        status = "" if r.status == 200 else f" [HTTP {r.status}]"
        print(
            f"| {r.page.name}{status}{flag} | {r.median_ms:.0f} | {r.p95_ms:.0f} | {r.queries} "
            f"| {r.sql_ms:.0f} | {r.size / 1024:.0f} |"
        )


def print_plans(results: list[Result]) -> None:
    from django.db import connection

    if connection.vendor != "postgresql":
        print("\n--explain needs PostgreSQL.")
        return
    for result in results:
        print(f"\n## {result.page.name}: slowest query\n\n{result.slowest_sql}\n")
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {result.slowest_sql}")
            print("\n".join(row[0] for row in cursor.fetchall()))


def database_description() -> str:
    from django.db import connection

    if connection.vendor != "postgresql":
        return connection.vendor
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return f"PostgreSQL {cursor.fetchone()[0]}"


def row_counts() -> str:
    from articles.models import MilestoneSource, OrganisationMention, PersonMention, Quote

    counts = {
        "person mentions": PersonMention.objects.count(),
        "organisation mentions": OrganisationMention.objects.count(),
        "quotes": Quote.objects.count(),
        "milestone sources": MilestoneSource.objects.count(),
    }
    return ", ".join(f"{count} {name}" for name, count in counts.items())


def run(args) -> int:
    from django.conf import settings
    from django.test import Client, override_settings

    started = time.perf_counter()
    generate(settings, args.articles, args.people, args.seed)
    prepared = prepare_database()
    generated_in = time.perf_counter() - started
    pages, workload = benchmark_pages()
    if args.only:
        pages = [page for page in pages if args.only.casefold() in page.name.casefold()]

    # Static files as in the view tests: the plain storage, so no collectstatic is needed
    # (an empty STATIC_ROOT keeps WhiteNoise from warning that there is none).
    plain_static = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with (
        tempfile.TemporaryDirectory() as static_root,
        override_settings(STORAGES=plain_static, STATIC_ROOT=static_root),
    ):
        client = Client(SERVER_NAME="localhost")
        load_before = os.getloadavg()[0]
        results = [measure(client, page, args.warmup, args.repeat) for page in pages]
        charts = chart_cost(client, pages, args.repeat) if args.chart_cost else []
        load_after = os.getloadavg()[0]

    print(f"database:   {database_description()}")
    print(f"machine:    {os.cpu_count()} CPUs; Python {sys.version.split()[0]}")
    print(
        f"load:       1-minute load average {load_before:.1f} before timing, {load_after:.1f} after"
    )
    print(f"archive:    {args.articles} articles, {args.people} people; {row_counts()}")
    print(f"generated:  in {generated_in:.0f} s (bulk_create, then {prepared})")
    for label, value in workload:
        print(f"  {label}: {value}")
    print(f"timing:     {args.warmup} warm-up requests, then {args.repeat} timed, per page\n")
    print_table(results)
    if charts:
        print("\nThe coverage chart and date facet, alternated with and without (median ms):\n")
        print("| Page | With | Without | Cost |")
        print("|---|---:|---:|---:|")
        for name, with_ms, without_ms in charts:
            print(f"| {name} | {with_ms:.0f} | {without_ms:.0f} | {with_ms - without_ms:+.0f} |")
    if args.explain:
        print_plans(results)
    return 0 if all(r.status == 200 for r in results) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--people", type=int, default=1500)
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per page")
    parser.add_argument("--warmup", type=int, default=3, help="untimed requests per page first")
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE slowest queries")
    parser.add_argument("--only", help="time only the pages whose label contains this text")
    parser.add_argument(
        "--chart-cost",
        action="store_true",
        help="also time list pages with and without their chart, alternated",
    )
    parser.add_argument(
        "--cached",
        action="store_true",
        help="leave the whole-page cache on (by default it is off: pages are built each time)",
    )
    args = parser.parse_args()

    # A page served from the cache measures the cache, not the page (archivecache/).
    os.environ["ARCHIVE_PAGE_CACHE"] = "1" if args.cached else "0"
    setup_django()
    from django.db import connection

    test_database = connection.creation.create_test_db(
        verbosity=0, autoclobber=True, serialize=False
    )
    try:
        return run(args)
    finally:
        connection.creation.destroy_test_db(test_database, verbosity=0)


if __name__ == "__main__":
    sys.exit(main())

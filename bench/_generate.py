"""The generated archive of the page benchmarks: outlets, people with aliases,
organisations, the review's three bodies, articles with several paragraphs of prose built
from the seed texts, mentions with Zipf-like popularity, quotes and milestones.

Not a benchmark itself: bench/page_bench.py (a throwaway test database) and
bench/make_archive.py (a database kept for bench/scale_bench.py) call ``generate``.
The same seed gives the same archive.
"""

import datetime
import hashlib
import itertools
import random
import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

BATCH = 1000
OUTLET_COUNT = 36
RARE_PHRASE = "regional care cooperatives"
RARE_EVERY = 500  # one article in RARE_EVERY carries the rare phrase

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

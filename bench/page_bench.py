"""Benchmark: how long do the public pages take on a large archive?

    scripts/with-postgres.sh .venv/bin/python bench/page_bench.py [--articles 10000]

Creates a throwaway test database next to the one DATABASE_URL names (as the test
suite does, so no real data is touched), migrates it and fills it with a generated
archive (bench/_generate.py). Then it requests each public page in
process through the Django test client with production settings (debug off, HTTPS):
warm-up requests, one request with its queries counted, then --repeat timed requests.
It prints a Markdown table (median and 95th percentile times, queries, SQL time of the
counted request, response size) and drops the test database. --explain also prints
the plan of each page's slowest query (PostgreSQL only).
"""

import argparse
import math
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from urllib.parse import urlencode

from _django import in_throwaway_database, setup_django
from _generate import RARE_PHRASE, generate, prepare_database

DEEP_PAGE = 50  # the list page to time besides the first (or the last, if fewer)
TARGET_MEDIAN_MS = 300
COMMON_WORD = "children"
FILTER_DATES = ("2021-06", "2022-05")


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
            ("articles.coverage.date_facet_counts", ({}, {})),
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

    return in_throwaway_database(lambda: run(args))


if __name__ == "__main__":
    sys.exit(main())

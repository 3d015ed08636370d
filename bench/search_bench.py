"""Benchmark: the search, the timeline and the list's first page on a large archive.

    scripts/with-postgres.sh .venv/bin/python bench/search_bench.py [--articles 50000]
    .venv/bin/python bench/search_bench.py --articles 10000          # SQLite

Generates the archive of bench/page_bench.py into a database of its own beside the one
DATABASE_URL names (``--keep`` keeps it, under ``test_search_bench``, and a later run
with ``--keep`` reuses it instead of generating again). Then, in process through the
Django test client with production settings and the page cache off, it times:

- search pages (``?q=``), ranking bounded to the newest ``ARCHIVE_SEARCH_RANKED``
  matches (the default) against ranking every match (the setting at 0), the two
  alternated request by request;
- the ranked page's own query alone (what the paginator reads), the same two variants,
  on the first page and on a page past the ranked matches;
- the list's page query with and without the index of migration 0012 (dropped inside a
  transaction that is rolled back), and on PostgreSQL pages with parallel workers
  (``max_parallel_workers_per_gather`` 2) and without (0, the setting's default),
  each pair alternated;
- the timeline and the list's first page (one variant: compare runs of two commits);

and prints medians, the load average, and with ``--explain`` the plan of each page's
slowest query (PostgreSQL only).
"""

import argparse
import os
import statistics
import sys
import time

from _django import setup_django
from page_bench import generate, prepare_database, print_plans

DATABASE_NAME = "test_search_bench"
SEARCHES = ("children", "review", '"regional care cooperatives"', "kinship -adoption")


def timed_page(client, url: str) -> tuple[float, list[dict]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = client.get(url, secure=True)
        elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed, list(captured.captured_queries)


def slowest(queries: list[dict]) -> str:
    return max(queries, key=lambda query: float(query["time"]), default={"sql": ""})["sql"]


def compare_search(client, repeat: int, explain: bool) -> None:
    from urllib.parse import urlencode

    from django.conf import settings
    from django.test import override_settings

    from articles.models import Article
    from articles.search import filter_matching

    bound = settings.ARCHIVE_SEARCH_RANKED
    variants = {f"ranked among the newest {bound}": bound, "every match ranked": 0}
    print("| Query | Matches | Variant | Median ms | Queries | SQL ms |")
    print("|---|---:|---|---:|---:|---:|")
    plans = []
    for q in SEARCHES:
        url = f"/articles/?{urlencode({'q': q})}"
        times = {name: [] for name in variants}
        sql = {}
        for round_number in range(repeat + 1):
            names = list(variants) if round_number % 2 == 0 else list(reversed(variants))
            for name in names:
                with override_settings(ARCHIVE_SEARCH_RANKED=variants[name]):
                    elapsed, queries = timed_page(client, url)
                if round_number:  # the first round warms up
                    times[name].append(elapsed)
                sql[name] = queries
        matches = filter_matching(Article.objects.all(), q).count()
        for name in variants:
            queries = sql[name]
            total = sum(float(query["time"]) for query in queries) * 1000
            print(
                f"| `{q}` | {matches} | {name} | {statistics.median(times[name]):.0f}"
                f" | {len(queries)} | {total:.0f} |"
            )
            plans.append((f"{q}, {name}", slowest(queries)))
    if explain:
        print_plans([_Plan(name, sql) for name, sql in plans])


class _Plan:
    """What ``page_bench.print_plans`` reads of a result."""

    def __init__(self, name: str, sql: str):
        self.page = type("Page", (), {"name": name})
        self.slowest_sql = sql


def alternated(variants: dict, rounds: int, run) -> dict[str, float]:
    """The median ms of ``run(variant)`` for each variant, alternated, first round untimed."""
    times: dict[str, list[float]] = {name: [] for name in variants}
    for round_number in range(rounds + 1):
        names = list(variants) if round_number % 2 == 0 else list(reversed(variants))
        for name in names:
            started = time.perf_counter()
            run(variants[name])
            if round_number:
                times[name].append((time.perf_counter() - started) * 1000)
    return {name: statistics.median(values) for name, values in times.items()}


def compare_ranked_page_query(repeat: int) -> None:
    from django.http import QueryDict
    from django.test import override_settings

    from articles.browsing import PAGE_SIZE
    from articles.filters import ArticleFilter
    from articles.models import Article
    from articles.selectors import LIST_DEFERRED

    def _with_bound(bound, cut):
        with override_settings(ARCHIVE_SEARCH_RANKED=bound):
            return cut()

    def read(q: str, page: int):
        data = QueryDict(mutable=True)
        data.update({"q": q})
        listed = ArticleFilter(data, queryset=Article.objects.all()).listed(
            lambda rows: rows.select_related("outlet").defer(*LIST_DEFERRED)
        )
        return lambda bound: _with_bound(
            bound, lambda: listed[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
        )

    print("\nThe ranked page's query alone (median ms):\n")
    print("| Query | Page | Newest 1000 ranked | Every match ranked |")
    print("|---|---:|---:|---:|")
    for q in SEARCHES:
        for page in (1, 60):
            run = read(q, page)
            medians = alternated({"bounded": 1000, "all": 0}, repeat, run)
            print(f"| `{q}` | {page} | {medians['bounded']:.0f} | {medians['all']:.0f} |")


def compare_index_and_workers(client, repeat: int) -> None:
    from django.db import connection, transaction

    from articles.browsing import PAGE_SIZE
    from articles.models import Article
    from articles.ordering import NEWEST
    from articles.selectors import LIST_DEFERRED

    page = Article.objects.select_related("outlet").defer(*LIST_DEFERRED).order_by(*NEWEST)

    def read_page(dropped: bool):
        with transaction.atomic():
            if dropped:
                with connection.cursor() as cursor:
                    cursor.execute("DROP INDEX articles_article_newest")
            list(page[PAGE_SIZE * 49 : PAGE_SIZE * 50])
            transaction.set_rollback(True)

    medians = alternated({"with": False, "without": True}, repeat, read_page)
    print("\nThe list's page 50 query, with the index and without (median ms):")
    print(f"with {medians['with']:.1f}, without {medians['without']:.1f}")
    if connection.vendor != "postgresql":
        return

    def fetch(workers: int, url: str):
        with connection.cursor() as cursor:
            cursor.execute(f"SET max_parallel_workers_per_gather = {workers}")
        timed_page(client, url)

    print("\n| Page | 0 parallel workers | 2 parallel workers |")
    print("|---|---:|---:|")
    for url in ("/articles/", "/articles/?q=children", "/timeline/"):
        medians = alternated({"0": 0, "2": 2}, repeat, lambda workers, url=url: fetch(workers, url))
        print(f"| `{url}` | {medians['0']:.0f} | {medians['2']:.0f} |")
    with connection.cursor() as cursor:
        cursor.execute("SET max_parallel_workers_per_gather = 0")


def time_pages(client, repeat: int, explain: bool) -> None:
    print("\n| Page | Median ms | Queries | SQL ms |")
    print("|---|---:|---:|---:|")
    plans = []
    for url in ("/timeline/", "/articles/", "/articles/?page=50"):
        timed_page(client, url)
        runs = [timed_page(client, url) for _ in range(repeat)]
        queries = runs[-1][1]
        total = sum(float(query["time"]) for query in queries) * 1000
        median = statistics.median(elapsed for elapsed, _ in runs)
        print(f"| `{url}` | {median:.0f} | {len(queries)} | {total:.0f} |")
        plans.append(_Plan(url, slowest(queries)))
    if explain:
        print_plans(plans)


def run(args) -> None:
    from django.conf import settings
    from django.test import Client, override_settings

    from articles.models import Article

    if not Article.objects.exists():
        started = time.perf_counter()
        generate(settings, args.articles, args.people, args.seed)
        print(f"generated {args.articles} articles in {time.perf_counter() - started:.0f} s")
    prepare_database()
    plain_static = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=plain_static, ARCHIVE_PAGE_CACHE=False):
        client = Client(SERVER_NAME="localhost")
        load_before = os.getloadavg()[0]
        if not args.pages_only:
            compare_search(client, args.repeat, args.explain)
            compare_ranked_page_query(args.repeat)
            compare_index_and_workers(client, args.repeat)
        time_pages(client, args.repeat, args.explain)
        load_after = os.getloadavg()[0]
    print(
        f"\n{settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]},"
        f" {Article.objects.count()} articles; {os.cpu_count()} CPUs;"
        f" 1-minute load average {load_before:.1f} before, {load_after:.1f} after"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50000)
    parser.add_argument("--people", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument("--repeat", type=int, default=9, help="timed requests per variant")
    parser.add_argument("--keep", action="store_true", help=f"keep (and reuse) {DATABASE_NAME}")
    parser.add_argument("--pages-only", action="store_true", help="skip the search comparison")
    parser.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE slowest queries")
    args = parser.parse_args()

    os.environ["ARCHIVE_PAGE_CACHE"] = "0"
    setup_django()
    from django.db import connection

    connection.settings_dict.setdefault("TEST", {})["NAME"] = DATABASE_NAME
    if connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = f"/tmp/{DATABASE_NAME}.sqlite3"
    created = connection.creation.create_test_db(
        verbosity=0, autoclobber=not args.keep, serialize=False, keepdb=args.keep
    )
    try:
        run(args)
    finally:
        if not args.keep:
            connection.creation.destroy_test_db(created, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())

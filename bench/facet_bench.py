"""Benchmark: the facet pages before and after precomputed and bounded counts (issue 12).

    git archive main | tar -x -C /tmp/before      # the code to compare with, outside the repo
    scripts/with-postgres.sh .venv/bin/python bench/facet_bench.py --before /tmp/before \\
        [--articles 10000] [--rounds 3] [--repeat 7]

Migrates the database DATABASE_URL names (use a throwaway one: with-postgres.sh makes
a cluster and removes it) and fills it with bench/page_bench.py's generator. Then, in
rounds, each variant (the --before tree, then this one, the order swapped every round)
serves the facet pages in a fresh process through the Django test client, production
settings, page cache off: warm-up requests, one request whose queries are counted and
timed, then --repeat timed requests. Prints the median over every round of each page's
median time and SQL time, the queries, and how long one recount of the precomputed
counts takes.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _setup(root: Path) -> None:
    os.environ.update(DJANGO_DEBUG="0", ARCHIVE_PAGE_CACHE="0")
    os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reviewarchive.settings")
    sys.path.insert(0, str(root))
    os.chdir(root)
    import django

    django.setup()


def pages() -> list[tuple[str, str]]:
    from django.db.models import Count

    from articles.models import Outlet
    from people.models import Person

    top = Person.objects.annotate(n=Count("mentions")).order_by("-n").first()
    outlet = Outlet.objects.annotate(n=Count("articles")).order_by("-n").first()
    return [
        ("/articles/", "/articles/"),
        ("/articles/?person=<most mentioned>", f"/articles/?person={top.slug}"),
        ("/articles/?outlet=<largest>", f"/articles/?outlet={outlet.slug}"),
        ("/articles/?q=children", "/articles/?q=children"),
        ("/people/<most mentioned>/", f"/people/{top.slug}/"),
        ("/people/", "/people/"),
        ("/outlets/", "/outlets/"),
        ("/quotes/", "/quotes/"),
    ]


def measure(root: Path, warmup: int, repeat: int) -> dict:
    """Run in the variant's own process: every page's timings, as JSON."""
    _setup(root)
    import tempfile

    from django.conf import settings
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    plain = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    found = {}
    with (
        tempfile.TemporaryDirectory() as static_root,
        override_settings(STORAGES=plain, STATIC_ROOT=static_root),
    ):
        client = Client(SERVER_NAME="localhost")
        for name, url in pages():
            for _ in range(warmup):
                client.get(url, secure=True)
            with CaptureQueriesContext(connection) as captured:
                status = client.get(url, secure=True).status_code
            # Read them now: the next request empties the connection's query log.
            queries = list(captured.captured_queries)
            times = []
            for _ in range(repeat):
                started = time.perf_counter()
                client.get(url, secure=True)
                times.append((time.perf_counter() - started) * 1000)
            found[name] = {
                "status": status,
                "queries": len(queries),
                "sql_ms": sum(float(query["time"]) for query in queries) * 1000,
                "median_ms": statistics.median(times),
            }
    return found


def recount_ms(repeat: int) -> float:
    from facetcounts import compute
    from facetcounts.models import EntityCount

    times = []
    for _ in range(repeat):
        EntityCount.objects.all().delete()
        started = time.perf_counter()
        compute.refresh()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="the tree to compare with (else: none)")
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--people", type=int, default=1500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.warmup, args.repeat)))
        return 0

    _setup(ROOT)
    sys.path.insert(0, str(ROOT / "bench"))
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from page_bench import generate, prepare_database

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    generate(settings, args.articles, args.people, args.seed)
    prepare_database()
    print(f"database: {connection.vendor}; {args.articles} articles, {args.people} people,")
    print(f"generated in {time.perf_counter() - started:.0f} s; {os.cpu_count()} CPUs")
    print(f"one recount of the precomputed counts: {recount_ms(5):.0f} ms (median of 5)")
    connection.close()

    variants = {"before": args.before, "after": ROOT} if args.before else {"after": ROOT}
    results: dict[str, list[dict]] = {name: [] for name in variants}
    load = [os.getloadavg()[0]]
    for number in range(args.rounds):
        order = list(variants) if number % 2 == 0 else list(reversed(variants))
        for name in order:
            command = [sys.executable, __file__, "--measure", str(variants[name])]
            command += ["--warmup", str(args.warmup), "--repeat", str(args.repeat)]
            output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            results[name].append(json.loads(output.strip().splitlines()[-1]))
        load.append(os.getloadavg()[0])
    print(f"load average (1 min) during the rounds: {min(load):.1f} to {max(load):.1f}")
    print(f"{args.rounds} rounds alternated, {args.repeat} timed requests per page each\n")
    print("| Page | " + " | ".join(f"{name}: ms (SQL ms, queries)" for name in variants) + " |")
    print("|---|" + "---:|" * len(variants))
    for page in results["after"][0]:
        cells = " | ".join(_cell(results[name], page) for name in variants)
        statuses = {measured[page]["status"] for name in variants for measured in results[name]}
        print(f"| `{page}` | {cells} |" + ("" if statuses == {200} else f" status {statuses}"))
    return 0


def _cell(rounds: list[dict], page: str) -> str:
    """The median over the rounds of the page's median time and SQL time; its queries."""
    found = [measured[page] for measured in rounds]
    median = statistics.median(r["median_ms"] for r in found)
    sql = statistics.median(r["sql_ms"] for r in found)
    return f"{median:.0f} ({sql:.0f}, {found[0]['queries']})"


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: how fast does load_articles take in a generated corpus?

    python bench/load_bench.py [--articles 1000] [--database-url URL] [--profile]

Generates N distinct articles from the seeds (new titles, dates, people and
paragraphs, so that every file parses and writes for real), loads them into a
fresh database (a temporary SQLite file, or, when --database-url or DATABASE_URL
names a database server as scripts/with-postgres.sh does, a throwaway database made beside
the named one and dropped afterwards, so that every run starts empty),
then loads them again (the idempotent path) and prints the rates, the loader
process's own CPU time per article (parsing runs in worker processes, so this is the
cost of listing and writing, and is less sensitive than the rate to other work on the
machine), the queries it ran (counted, not kept) and peak memory of the loader and of
its largest worker. ``--profile`` prints
where the loader process spends the first load (pyinstrument: the workers' parsing
shows as waiting for a result).
"""

import argparse
import contextlib
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from _django import ROOT, in_throwaway_database, setup_django

FIRST_NAMES = ["Amira", "Ben", "Chloe", "Daniel", "Ellen", "Farah", "George", "Hannah", "Imran"]
SURNAMES = ["Okafor", "Lindqvist", "Brennan", "Chaudhry", "Walsh", "Ferreira", "Nakamura"]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def generated_article(seed_text: str, index: int, rng: random.Random) -> str:
    """A seed page with a new title, date, people and paragraphs: a distinct article."""
    lines = seed_text.splitlines()
    person = f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
    date = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.choice([2021, 2022, 2023])}"
    extra = [
        f"{person}, a director of children's services, said: “Article {index} shows the review "
        f"has listened to families and to the workforce across England.”",
        f"The consultation will close on {date}, the review said.",
    ]
    title = f"{lines[0]} (report {index})" if lines and lines[0].strip() else f"Report {index}"
    body_at = max(2, len(lines) // 3)
    return "\n".join([title, *lines[1:body_at], *extra, *lines[body_at:]]) + "\n"


class QueryCounter:
    """Counts the queries run on a connection while it is installed (Django's
    ``execute_wrapper``), without keeping them, so the count costs next to nothing."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def _profiler():
    from pyinstrument import Profiler  # only needed with --profile

    return Profiler(interval=0.002)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--profile", action="store_true", help="profile the first load")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="load-bench-"))
    database_url = args.database_url or os.environ.get("DATABASE_URL")
    setup_django(database_url or f"sqlite:///{workdir / 'bench.sqlite3'}", debug_off=False)
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "sqlite":
        return in_throwaway_database(lambda: run(args, workdir))

    call_command("migrate", verbosity=0)
    return run(args, workdir)


def run(args, workdir: Path) -> int:
    """Generate the corpus in ``workdir``, load it twice and print what was measured."""
    from django.db import connection

    from articles.services.loading import load_paths

    rng = random.Random(2021)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures/seeds").glob("*.txt"))]
    corpus = workdir / "corpus"
    corpus.mkdir()
    for index in range(args.articles):
        text = generated_article(seeds[index % len(seeds)], index, rng)
        (corpus / f"generated_{index:05d}.txt").write_text(text, encoding="utf-8")
    size_mb = sum(p.stat().st_size for p in corpus.iterdir()) / 1e6

    profiler = _profiler() if args.profile else contextlib.nullcontext()
    first_queries, second_queries = QueryCounter(), QueryCounter()
    started, cpu = time.perf_counter(), time.process_time()
    with profiler, connection.execute_wrapper(first_queries):
        first = load_paths([corpus])
    first_seconds, first_cpu = time.perf_counter() - started, time.process_time() - cpu
    started = time.perf_counter()
    with connection.execute_wrapper(second_queries):
        second = load_paths([corpus])
    second_seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    statuses = {s: sum(o.status == s for o in first) for s in {o.status for o in first}}
    print(f"database:      {connection.vendor}")
    print(f"corpus:        {args.articles} articles, {size_mb:.1f} MB")
    print(f"first load:    {first_seconds:.1f} s ({args.articles / first_seconds:.0f} articles/s)")
    print(f"  outcomes:    {statuses}")
    print(f"  loader CPU:  {first_cpu / args.articles * 1000:.1f} ms per article")
    print(
        f"  queries:     {first_queries.count} ({first_queries.count / args.articles:.1f} per "
        f"article); unchanged reload {second_queries.count}"
    )
    print(
        f"second load:   {second_seconds:.1f} s ({args.articles / second_seconds:.0f} files/s, "
        f"{first_seconds / second_seconds:.0f} times faster; all unchanged: "
        f"{all(o.status == 'unchanged' for o in second)})"
    )
    print(f"peak memory:   loader {peak_mb:.0f} MB, largest worker {worker_mb:.0f} MB (max RSS)")
    if args.profile:
        print(profiler.output_text(color=False))
    return 0 if statuses.get("loaded") == args.articles else 1


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: the first request after a write in another web worker, with the machine's
store of shared results (archivecache.memo) and without it, alternated in one run.

    make bench-after-write [BENCH_ARGS="--rounds 3"]   # on make bench-data's 100,000

Two processes stand for two web workers of one machine. The second has served every
page (so its memory holds what they share at the archive's version). The first then
changes the archive's version (a write's stand-in: the version row gets a new stamp,
as the triggers give it on every write) and asks every page once, working out what
they share. The second then asks every page once, timed. "shared": both processes keep
what they work out in the same ``ARCHIVE_SHARED_RESULTS_DIR``, as gunicorn's workers
do; "apart": each in a directory of its own, as if there were no machine-wide store (each
worker works everything out again, as before it existed). The pages are those of
bench/scale_bench.py on the archive of bench/make_archive.py (the CSV and the rows that
need a page cache or a new search each request are left out). Prints the median of the
rounds, in milliseconds, for each page and variant. The page cache is off.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from _django import setup_django

VARIANTS = ("apart", "shared")


def pages() -> list:
    from scale_bench import archive_pages

    return [
        page
        for page in archive_pages(os.environ["DATABASE_URL"])
        if not page.cached and not page.script and "CSV" not in page.row
    ]


def ask(client, page) -> None:
    response = client.get(page.path)
    if response.status_code != 200:
        raise SystemExit(f"{page.path}: {response.status_code}")


def second_worker() -> None:
    """Serve every page, say so, then time every page once for each line read."""
    from django.test import Client

    client = Client(HTTP_X_FORWARDED_PROTO="https")
    listed = pages()
    for page in listed:
        ask(client, page)
    print("ready", flush=True)
    for _ in sys.stdin:
        timed = {}
        for page in listed:
            started = time.perf_counter()
            ask(client, page)
            timed[page.row] = (time.perf_counter() - started) * 1000
        print(json.dumps(timed), flush=True)


def one_round(variant: str, store: Path, client, listed) -> dict[str, float]:
    from django.db import connection

    environment = dict(os.environ)
    if variant == "apart":
        environment["ARCHIVE_SHARED_RESULTS_DIR"] = str(store / f"apart-{uuid.uuid4().hex}")
    second = subprocess.Popen(
        [sys.executable, __file__, "--second-worker"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=environment,
    )
    try:
        if second.stdout.readline().strip() != "ready":
            raise SystemExit("the second worker did not start")
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE archivecache_archiveversion SET stamp = %s WHERE id = 1",
                [uuid.uuid4().hex],
            )
        for page in listed:
            ask(client, page)
        second.stdin.write("go\n")
        second.stdin.flush()
        return json.loads(second.stdout.readline())
    finally:
        second.stdin.close()
        second.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--second-worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ["ARCHIVE_PAGE_CACHE"] = "0"
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
    if args.second_worker:  # its store is the one its environment names
        setup_django()
        second_worker()
        return 0
    with tempfile.TemporaryDirectory(prefix="after-write-") as scratch:
        store = Path(scratch)
        os.environ["ARCHIVE_SHARED_RESULTS_DIR"] = str(store / "shared")
        setup_django()
        from django.test import Client

        client = Client(HTTP_X_FORWARDED_PROTO="https")
        listed = pages()
        timings: dict[str, dict[str, list[float]]] = {v: {} for v in VARIANTS}
        for number in range(args.rounds):
            for variant in VARIANTS if number % 2 else reversed(VARIANTS):
                for row, ms in one_round(variant, store, client, listed).items():
                    timings[variant].setdefault(row, []).append(ms)
    print("| page | apart (each worker works it out) | shared (the machine's store) |")
    print("|---|---:|---:|")
    for page in listed:
        apart, shared = (statistics.median(timings[v][page.row]) for v in VARIANTS)
        print(f"| {page.row} | {apart:.1f} ms | {shared:.1f} ms |")
    return 0


if __name__ == "__main__":
    sys.exit(main())

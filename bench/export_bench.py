"""Benchmark: do large downloads stream at a steady rate, in bounded memory?

    scripts/with-postgres.sh .venv/bin/python bench/export_bench.py [--articles 10000]

Generates the archive of bench/page_bench.py into a throwaway test database (as
page_bench.py does), then downloads the largest selection, the whole archive, as the
articles CSV and the quotes CSV through the Django test client with production settings,
alternated for --rounds rounds. While a download streams it counts the rows (the writer
yields one chunk a row) per second of the clock and samples the process's resident
memory. Prints, per download: rows, megabytes, time to the first row, rows/s over the
whole download and the min/median/max of the rate in each full quarter second, and the
resident memory of the process when the download started and at its peak during it.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from _django import in_throwaway_database, setup_django

EXPORTS = {"articles CSV": "/articles/?format=csv", "quotes CSV": "/quotes/?format=csv"}
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
BUCKET_S = 0.25


def resident_bytes() -> int:
    return int(Path("/proc/self/statm").read_text().split()[1]) * PAGE_SIZE


@dataclass
class Download:
    rows: int
    size: int
    first_row_s: float
    seconds: float
    rates: list[float]  # rows/s in each full bucket of BUCKET_S
    longest_pause_s: float  # between two rows
    memory_start: int
    memory_peak: int

    @property
    def rate(self) -> float:
        return self.rows / self.seconds


def stream(client, url: str) -> Download:
    started_memory, peak_memory = resident_bytes(), 0
    started = time.perf_counter()
    response = client.get(url, secure=True)
    assert response.status_code == 200 and response.streaming, url
    chunks, size, first, counts, last, pause = 0, 0, None, {}, 0.0, 0.0
    for chunk in response.streaming_content:
        now = time.perf_counter() - started
        first = now if first is None else first
        pause, last = max(pause, now - last if chunks else 0.0), now
        chunks, size = chunks + 1, size + len(chunk)
        bucket = int(now / BUCKET_S)
        counts[bucket] = counts.get(bucket, 0) + 1
        if chunks % 200 == 0:
            peak_memory = max(peak_memory, resident_bytes())
    seconds = time.perf_counter() - started
    response.close()
    full = range(int(first / BUCKET_S) + 1, int(seconds / BUCKET_S))
    rates = [counts.get(bucket, 0) / BUCKET_S for bucket in full]
    peak_memory = max(peak_memory, resident_bytes())
    return Download(chunks - 1, size, first, seconds, rates, pause, started_memory, peak_memory)


def run(args) -> int:
    from django.conf import settings
    from django.test import Client, override_settings
    from page_bench import generate, prepare_database

    generate(settings, args.articles, args.people, args.seed)
    prepare_database()
    plain_static = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    found: dict[str, list[Download]] = {name: [] for name in EXPORTS}
    with (
        tempfile.TemporaryDirectory() as static_root,
        override_settings(STORAGES=plain_static, STATIC_ROOT=static_root),
    ):
        client = Client(SERVER_NAME="localhost")
        load_before = os.getloadavg()[0]
        for round_number in range(args.rounds):
            names = list(EXPORTS)[:: 1 if round_number % 2 == 0 else -1]
            for name in names:
                found[name].append(stream(client, EXPORTS[name]))
        load_after = os.getloadavg()[0]

    print(f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}")
    print(f"machine:  {os.cpu_count()} CPUs; Python {sys.version.split()[0]}")
    print(f"load:     1-minute load average {load_before:.1f} before, {load_after:.1f} after")
    print(f"archive:  {args.articles} articles; {args.rounds} rounds, alternated; medians\n")
    print(
        "| Download | Rows | MB | First row s | Total s | Rows/s"
        f" | Rows/s per {BUCKET_S} s: min / 10th pct / median / max | Longest pause s"
        " | Memory at start, peak MB |"
    )
    print("|---|---:|---:|---:|---:|---:|---|---:|---:|")
    for name, runs in found.items():
        med = statistics.median
        rates = [rate for run in runs for rate in run.rates]
        spread = "-"
        if len(rates) >= 10:
            tenth = statistics.quantiles(rates, n=10)[0]
            spread = f"{min(rates):,.0f} / {tenth:,.0f} / {med(rates):,.0f} / {max(rates):,.0f}"
        print(
            f"| {name} | {runs[0].rows} | {runs[0].size / 1e6:.1f} | "
            f"{med(r.first_row_s for r in runs):.2f} | {med(r.seconds for r in runs):.1f} | "
            f"{med(r.rate for r in runs):,.0f} | {spread} | "
            f"{max(r.longest_pause_s for r in runs):.2f} | "
            f"{runs[0].memory_start / 1e6:.0f}, {max(r.memory_peak for r in runs) / 1e6:.0f} |"
        )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--people", type=int, default=1500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2021)
    args = parser.parse_args()

    os.environ["ARCHIVE_EXPORTS_AT_ONCE"] = os.environ["ARCHIVE_EXPORTS_PER_MINUTE"] = "0"
    setup_django()

    return in_throwaway_database(lambda: run(args))


if __name__ == "__main__":
    sys.exit(main())

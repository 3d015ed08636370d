"""Benchmark: the loader's peak memory on a corpus of large files.

    python bench/intake_memory_bench.py [--files 100] [--megabytes 4.9]

Writes N distinct seed-based pages padded with prose to the size given (just under
the 5 MB limit by default), loads them into a fresh temporary SQLite database with
``load_paths`` (what ``load_articles`` calls) and prints the time and the peak
resident memory of the loader and of its largest worker process. Files are read one
at a time, so the peak should not grow with N (target: under 250 MB at N = 100).
"""

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from _django import ROOT, setup_django

PARAGRAPH = (
    "The review heard from families, social workers and councils about what the care "
    "system does well and where it fails the children it looks after. "
) * 4


def padded_page(seed: str, index: int, size: int) -> bytes:
    head = f"Report {index}: {seed}"
    padding = size - len(head.encode())
    repeats = max(0, padding // (len(PARAGRAPH) + 2))
    return (head + ("\n\n" + PARAGRAPH) * repeats).encode()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--megabytes", type=float, default=4.9)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="intake-bench-"))
    setup_django(f"sqlite:///{workdir / 'bench.sqlite3'}")
    from django.core.management import call_command

    from articles.services.loading import load_paths

    call_command("migrate", verbosity=0)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures/seeds").glob("*.txt"))]
    corpus = workdir / "corpus"
    corpus.mkdir()
    size = int(args.megabytes * 1024 * 1024)
    for index in range(args.files):
        (corpus / f"large_{index:03d}.txt").write_bytes(
            padded_page(seeds[index % len(seeds)], index, size)
        )
    total_mb = sum(p.stat().st_size for p in corpus.iterdir()) / 1024 / 1024

    started = time.perf_counter()
    outcomes = load_paths([corpus])
    seconds = time.perf_counter() - started
    loader_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

    statuses = {s: sum(o.status == s for o in outcomes) for s in {o.status for o in outcomes}}
    print(f"corpus:        {args.files} files of {args.megabytes} MB ({total_mb:.0f} MB)")
    print(f"load:          {seconds:.1f} s, outcomes {statuses}")
    print(f"peak memory:   loader {loader_mb:.0f} MB, largest worker {worker_mb:.0f} MB (max RSS)")
    return 0 if statuses.get("loaded") == args.files else 1


if __name__ == "__main__":
    sys.exit(main())

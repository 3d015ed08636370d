"""Benchmark: how long does the parser take per page, against an earlier revision?

    python bench/parse_bench.py [--against REV] [--rounds 7] [--repeat 3]

Parses every page with a written truth (fixtures/seeds, tests/corpus/pages,
tests/corpus/own/pages) with the parser of this working tree and with the parser of
REV (checked out into a temporary git worktree), alternating the two variants round by
round in fresh processes so that both see the same machine load. Prints each round and
the medians, in milliseconds per page (pure parsing: decoding and extraction, no database).
"""

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE_FOLDERS = ("fixtures/seeds", "tests/corpus/pages", "tests/corpus/own/pages")

# Run inside a variant's tree: parse every page `repeat` times, print ms per page.
WORKER = """
import json, sys, time
from pathlib import Path
from articles.parsing.authority import load_authority
from articles.parsing.parse import read_source
pages = [Path(p).read_bytes() for p in json.loads(sys.argv[1])]
repeat = int(sys.argv[2])
authority = load_authority(Path("fixtures/authority.toml"), Path("fixtures/outlets.toml"))
for raw in pages:  # warm the caches (compiled patterns, name lists) before timing
    read_source(raw, "page.txt", authority)
start = time.perf_counter()
for _ in range(repeat):
    for raw in pages:
        read_source(raw, "page.txt", authority)
print(json.dumps((time.perf_counter() - start) * 1000 / (repeat * len(pages))))
"""


def pages() -> list[str]:
    found = []
    for folder in PAGE_FOLDERS:
        found += sorted(str(path) for path in (ROOT / folder).glob("*.txt"))
    return found


def time_variant(tree: Path, page_paths: list[str], repeat: int) -> float:
    run = subprocess.run(
        [sys.executable, "-c", WORKER, json.dumps(page_paths), str(repeat)],
        cwd=tree,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="HEAD", help="the revision to compare with")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="passes over the pages a round")
    args = parser.parse_args()
    page_paths = pages()
    with tempfile.TemporaryDirectory(prefix="parse-bench-") as temporary:
        base = Path(temporary) / "base"
        subprocess.run(
            ["git", "worktree", "add", "--detach", "--quiet", str(base), args.against],
            cwd=ROOT,
            check=True,
        )
        try:
            variants = {"this tree": ROOT, args.against: base}
            times: dict[str, list[float]] = {name: [] for name in variants}
            print(f"{len(page_paths)} pages, {args.repeat} passes a round, ms per page")
            for round_number in range(1, args.rounds + 1):
                for name, tree in variants.items():
                    times[name].append(time_variant(tree, page_paths, args.repeat))
                line = ", ".join(f"{name} {runs[-1]:.2f}" for name, runs in times.items())
                print(f"round {round_number}: {line}")
            for name, runs in times.items():
                print(f"median {name}: {statistics.median(runs):.2f} ms per page")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=ROOT)


if __name__ == "__main__":
    main()

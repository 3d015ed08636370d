#!/usr/bin/env python3
"""Score the loader on every page with a written truth: the seeds, the evaluation corpus and
the project's own pages, in one run of the scorer (scripts/score_extraction.py).

Usage: scripts/eval.py [--set seeds|corpus|own ...] [--bar 0.95] [--keep]
       (from the project's root; `make eval` scores every set)

Each set keeps its truth where it lives (tests/expected.json for fixtures/seeds,
tests/corpus/manifest.json for tests/corpus/pages, tests/corpus/own/*.json for
tests/corpus/own/pages); this script joins them into one truth file for the scorer, which
prints every miss, a score per kind of check and the total.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT / "scripts" / "score_extraction.py"
OWN = ROOT / "tests" / "corpus" / "own"
# Each set: its truth files and the folder of its pages.
SETS = {
    "seeds": ((ROOT / "tests" / "expected.json",), ROOT / "fixtures" / "seeds"),
    "corpus": ((ROOT / "tests" / "corpus" / "manifest.json",), ROOT / "tests" / "corpus" / "pages"),
    "own": (tuple(sorted(OWN.glob("*.json"))), OWN / "pages"),
}


def joined_truth(names: list[str]) -> dict:
    """One truth document: the sets' articles, and the seeds' people and review bodies."""
    joined: dict = {"articles": [], "people": [], "review_bodies": []}
    for truth_file in (path for name in names for path in SETS[name][0]):
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        if isinstance(truth, list):
            truth = {"articles": truth}
        for key in joined:
            joined[key].extend(truth.get(key, []))
    return joined


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", choices=SETS, help="score only these sets")
    parser.add_argument("--bar", default="0.95", help="exit 0 when the score reaches this share")
    parser.add_argument("--keep", action="store_true", help="keep the scorer's temporary folder")
    args = parser.parse_args()
    names = args.set or list(SETS)
    folders = [str(SETS[name][1]) for name in names]
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as truth:
        json.dump(joined_truth(names), truth, ensure_ascii=False)
        truth.flush()
        command = [sys.executable, str(SCORER), truth.name, *folders, "--project", str(ROOT)]
        command += ["--bar", args.bar, *(["--keep"] if args.keep else [])]
        return subprocess.run(command, cwd=ROOT, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())

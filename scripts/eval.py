#!/usr/bin/env python3
"""Score the loader on every page with a written truth: the seeds, the evaluation corpus and
the project's own pages, in one run of the scorer (scripts/score_extraction.py).

Usage: scripts/eval.py [--bar 0.95] [--keep]     (from the project's root; `make eval`)

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
SETS = (
    (ROOT / "tests" / "expected.json", ROOT / "fixtures" / "seeds"),
    (ROOT / "tests" / "corpus" / "manifest.json", ROOT / "tests" / "corpus" / "pages"),
    *(
        (truth, ROOT / "tests" / "corpus" / "own" / "pages")
        for truth in sorted((ROOT / "tests" / "corpus" / "own").glob("*.json"))
    ),
)


def joined_truth() -> dict:
    """One truth document: every set's articles, and the seeds' people and review bodies."""
    joined: dict = {"articles": [], "people": [], "review_bodies": []}
    for truth_file, _ in SETS:
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        if isinstance(truth, list):
            truth = {"articles": truth}
        for key in joined:
            joined[key].extend(truth.get(key, []))
    return joined


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bar", default="0.95", help="exit 0 when the score reaches this share")
    parser.add_argument("--keep", action="store_true", help="keep the scorer's temporary folder")
    args = parser.parse_args()
    folders = list(dict.fromkeys(str(folder) for _, folder in SETS))
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as truth:
        json.dump(joined_truth(), truth, ensure_ascii=False)
        truth.flush()
        command = [sys.executable, str(SCORER), truth.name, *folders, "--project", str(ROOT)]
        command += ["--bar", args.bar, *(["--keep"] if args.keep else [])]
        return subprocess.run(command, cwd=ROOT, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())

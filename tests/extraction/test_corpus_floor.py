"""The loader's score on pages it was not written from stays above its floor.

Runs `scripts/eval.py` (the evaluation scorer, as `make eval` does) on one set of pages: it
loads them into a throwaway SQLite database with `manage.py load_articles`, exports them and
compares field by field with the truth written for them.
"""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

OVERALL_FLOOR = 0.95
KIND_FLOOR = 0.85
OWN_PAGES_FLOOR = 0.90

_KIND_LINE = re.compile(r"^  (?P<kind>[a-z][a-z ]*?)\s+(?P<hits>\d+)/(?P<total>\d+)", re.MULTILINE)
_SCORE_LINE = re.compile(r"^score: (?P<hits>\d+)/(?P<total>\d+)", re.MULTILINE)


def score(page_set: str) -> tuple[float, dict[str, float], str]:
    command = [sys.executable, str(ROOT / "scripts" / "eval.py"), "--set", page_set, "--bar", "0"]
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    total = _SCORE_LINE.search(run.stdout)
    assert total, f"the scorer printed no score:\n{run.stdout}\n{run.stderr}"
    kinds = {
        match["kind"]: int(match["hits"]) / int(match["total"])
        for match in _KIND_LINE.finditer(run.stdout)
    }
    return int(total["hits"]) / int(total["total"]), kinds, run.stdout


def test_the_corpus_scores_above_its_floor_overall_and_in_every_kind():
    overall, kinds, report = score("corpus")
    low = {kind: share for kind, share in kinds.items() if share < KIND_FLOOR}
    assert overall >= OVERALL_FLOOR and not low, report


def test_the_projects_own_pages_score_above_their_floor():
    overall, _, report = score("own")
    assert overall >= OWN_PAGES_FLOOR, report

"""The seed page texts, read from fixtures/seeds/, and what expected.json says of them."""

import json
from functools import cache
from pathlib import Path

from articles.parsing.decode import decode_source

ROOT = Path(__file__).resolve().parents[2]
SEEDS_DIR = ROOT / "fixtures" / "seeds"
EXPECTED = {
    entry["file"]: entry
    for entry in json.loads((ROOT / "tests" / "expected.json").read_text(encoding="utf-8"))[
        "articles"
    ]
}
SEED_NAMES = sorted(EXPECTED)


def seed_bytes(name: str) -> bytes:
    return (SEEDS_DIR / name).read_bytes()


@cache
def seed_text(name: str) -> str:
    return decode_source(seed_bytes(name), name)

"""The seeds cut into [title, standfirst, *body] by hand, and the authority file.

The entity, quote and milestone parsers take clean paragraphs; cutting the
seeds here (first body line, first line of page furniture after the article,
the header lines in between) keeps their tests independent of the page parser.
"""

import json
import tomllib
from functools import cache

from articles.parsing.authority import Authority, parse_authority
from articles.parsing.fuzzydate import FuzzyDate

from .seeds import EXPECTED, ROOT, seed_text

# What expected.json says of the review bodies across all the seeds.
EXPECTED_BODIES = json.loads((ROOT / "tests" / "expected.json").read_text(encoding="utf-8"))[
    "review_bodies"
]

# file: (first line, line that ends the article, header lines that are not paragraphs)
_CUTS = {
    "000_53d296c89f0bca95.txt": ("Care Review announces", "Photo credit", ("19/04/21",)),
    "001_25bb43c5fd41dc62.txt": ("Children’s social care review", "Working Together", ()),
    "002_5dc0658c0538405e.txt": (
        "Care Review launches",
        "CYP Now Digital membership",
        ("Fiona Simpson", "Tuesday, November 9, 2021", "Josh MacAlister at an engagement event"),
    ),
    "003_d6ae2bbb91ba916e.txt": ("This page answers", None, ()),
    "004_e96da8d9b78644c1.txt": (
        "Review of Children’s Social Care",
        "Paint on Face",
        ("03/03/21",),
    ),
}


def body_paragraphs(name: str) -> list[str]:
    first, stop, header = _CUTS[name]
    lines = [line.strip() for line in seed_text(name).splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith(first))
    end = next(
        (i for i, line in enumerate(lines) if i > start and stop and line.startswith(stop)),
        len(lines),
    )
    paragraphs: list[str] = []
    for line in lines[start:end]:
        if not line or line.startswith(header) or line in paragraphs:
            continue
        if paragraphs and line[0].islower():  # a line wrapped mid-sentence ("Call\nfor Advice")
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
    return paragraphs


def published(name: str) -> FuzzyDate | None:
    date = EXPECTED[name]["published"]
    return FuzzyDate.from_edtf(date) if date else None


@cache
def authority() -> Authority:
    with open(ROOT / "fixtures" / "authority.toml", "rb") as authority_file:
        return parse_authority(tomllib.load(authority_file), {})

"""Pages of outlets the seeds do not cover, against tests/parsing/heldout/expected.toml."""

import tomllib
from pathlib import Path

import pytest

from articles.parsing.authority import load_authority
from articles.parsing.parse import parse_article

from .seeds import ROOT

HELDOUT = Path(__file__).resolve().parent / "heldout"
EXPECTED = tomllib.loads((HELDOUT / "expected.toml").read_text(encoding="utf-8"))
AUTHORITY = load_authority(ROOT / "fixtures" / "authority.toml", ROOT / "fixtures" / "outlets.toml")


def page_of(name):
    text = (HELDOUT / f"{name}.txt").read_text(encoding="utf-8")
    return parse_article(text, AUTHORITY).page


def test_every_page_has_an_expectation():
    assert sorted(path.stem for path in HELDOUT.glob("*.txt")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_header(name):
    expected, page = EXPECTED[name], page_of(name)
    assert page.outlet == expected["outlet"]
    assert page.kind == expected["kind"]
    assert page.title == expected["title"]
    if expected["standfirst"]:
        assert page.standfirst.startswith(expected["standfirst"])
    else:
        assert page.standfirst == ""
    assert page.author == expected["author"]
    assert (page.published.edtf() if page.published else "") == expected["published"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_body(name):
    expected, page = EXPECTED[name], page_of(name)
    body = "\n".join(page.paragraphs)
    for wanted in expected["body_contains"]:
        assert wanted in body
    for unwanted in expected["body_excludes"]:
        assert unwanted not in body

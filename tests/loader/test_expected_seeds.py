"""The five seeds, loaded and exported, match everything tests/expected.json asks.

expected.json is a verbatim copy of ../shared/seeds/expected.json. Each key is
checked as it reads: "people" and "review_bodies" of an article are exact sets,
"*_include" are subsets, "*_any" accept any listed value, "fragment"s are exact
substrings of a quote. A review body's "facts" are matched word by word, in
order, within one stated fact (the texts word them with extra words, e.g.
"members of the board will sit on both ..." for "members sit on both ...").
"""

import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction

EXPECTED = json.loads((Path(__file__).parent.parent / "expected.json").read_text(encoding="utf-8"))
SEED_NAMES = [entry["file"] for entry in EXPECTED["articles"]]


@pytest.fixture(scope="module")
def export(django_db_setup, django_db_blocker, tmp_path_factory):
    output = tmp_path_factory.mktemp("export") / "archive.json"
    # The module shares one load, rolled back afterwards so other tests start clean.
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_articles", verbosity=0)
        call_command("export_archive", output=str(output))
        transaction.set_rollback(True)
    return json.loads(output.read_text(encoding="utf-8"))


def article_of(export, name):
    return next(a for a in export["articles"] if a["source_file"] == name)


def words(text):
    return re.findall(r"[\w’'-]+", text.casefold())


def words_in_order(needle, haystack):
    remaining = iter(words(haystack))
    return all(word in remaining for word in words(needle))


def test_every_seed_is_loaded(export):
    assert sorted(a["source_file"] for a in export["articles"]) == sorted(SEED_NAMES)


@pytest.mark.parametrize("expected", EXPECTED["articles"], ids=SEED_NAMES)
def test_article_header(export, expected):
    article = article_of(export, expected["file"])
    assert article["outlet"] in expected["outlet_any"]
    if "title_any" in expected:
        assert article["title"] in expected["title_any"]
    if "title_any_regex" in expected:
        assert re.search(expected["title_any_regex"], article["title"]), article["title"]
    if "standfirst_starts" in expected:
        assert article["standfirst"].startswith(expected["standfirst_starts"])
    assert article["published"] == expected["published"]
    assert article["date_precision"] == expected["date_precision"]
    assert article["author"] == expected["author"]


@pytest.mark.parametrize("expected", EXPECTED["articles"], ids=SEED_NAMES)
def test_article_body(export, expected):
    article = article_of(export, expected["file"])
    body = article["body"]
    for text in expected["body_must_contain"]:
        assert text in body
    for text in expected["body_must_not_contain"]:
        assert text not in body
    if "caption" in expected:
        assert article["captions"].count(expected["caption"]) == 1
    if expected.get("caption_not_twice_in_body"):
        assert expected["caption"] not in body
    if expected.get("title_not_twice_in_body"):
        assert article["title"] not in body
    for link in expected.get("links_include", []):
        assert link in article["links"]


@pytest.mark.parametrize("expected", EXPECTED["articles"], ids=SEED_NAMES)
def test_article_entities(export, expected):
    article = article_of(export, expected["file"])
    assert sorted(article["people"]) == sorted(expected["people"])
    if "review_bodies" in expected:
        assert sorted(article["review_bodies"]) == sorted(expected["review_bodies"])
    assert set(expected.get("organisations_include", [])) <= set(article["organisations"])
    for name, spellings in expected.get("aliases_in_text", {}).items():
        mention = next(m for m in article["person_mentions"] if m["name"] == name)
        assert set(spellings) <= set(mention["spellings"]), mention


@pytest.mark.parametrize("expected", EXPECTED["articles"], ids=SEED_NAMES)
def test_article_quotes(export, expected):
    quotes = article_of(export, expected["file"])["quotes"]
    for wanted in expected.get("quotes", []):
        matches = [q for q in quotes if wanted["fragment"] in q["text"]]
        assert matches, f"no quote contains {wanted['fragment']!r}"
        if "speaker" in wanted:
            assert {q["speaker"] for q in matches} == {wanted["speaker"]}
        if "speaker_label" in wanted:
            assert {q["speaker_label"] for q in matches} == {wanted["speaker_label"]}
            assert {q["speaker"] for q in matches} == {None}


@pytest.mark.parametrize("expected", EXPECTED["articles"], ids=SEED_NAMES)
def test_article_milestones(export, expected):
    found = {
        (m["date"], m["precision"]) for m in article_of(export, expected["file"])["milestones"]
    }
    for wanted in expected.get("milestones", []):
        assert (wanted["date"], wanted["precision"]) in found, wanted["about"]


@pytest.mark.parametrize("expected", EXPECTED["people"], ids=lambda p: p["name"])
def test_people(export, expected):
    person = next(p for p in export["people"] if p["name"] == expected["name"])
    assert expected["role_contains"].casefold() in person["role"].casefold()
    assert set(expected.get("aliases_include", [])) <= set(person["aliases"])


@pytest.mark.parametrize("expected", EXPECTED["review_bodies"], ids=lambda b: b["name"])
def test_review_bodies(export, expected):
    body = next(b for b in export["review_bodies"] if b["name"] == expected["name"])
    if "chair" in expected:
        assert body["chair"] == expected["chair"]
    assert set(expected["members_include"]) <= set(body["members"])
    for fact in expected.get("facts", []):
        assert any(words_in_order(fact, stated) for stated in body["facts"]), fact


def test_milestones_reported_twice_are_one_milestone(export):
    keys = [(m["title"], m["date"]) for m in export["milestones"]]
    assert len(keys) == len(set(keys))
    for milestone in export["milestones"]:
        assert milestone["sources"], milestone

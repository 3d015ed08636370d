"""Where an article names an outlet: pure tests, no database."""

from dataclasses import replace
from pathlib import Path

import pytest

from articles.parsing.authority import OutletProfile, load_authority, parse_authority
from articles.parsing.mentions import PERSON, REVIEW_BODY, Mention
from articles.parsing.outlet_mentions import find_outlet_mentions, outlet_refs
from articles.parsing.parse import parse_article

from .seeds import SEED_NAMES, seed_text

ROOT = Path(__file__).resolve().parents[2]
AUTHORITY = load_authority(ROOT / "fixtures" / "authority.toml", ROOT / "fixtures" / "outlets.toml")


def authority(*profiles: OutletProfile):
    return replace(parse_authority({}, {}), outlets=profiles)


CC = OutletProfile("Community Care")
CYP = OutletProfile("Children & Young People Now", aliases=("CYP Now",))
GUARDIAN = OutletProfile("The Guardian", aliases=("Guardian",))


def named(paragraphs, *profiles, taken=()):
    return [
        (m.name, m.paragraph, m.text)
        for m in find_outlet_mentions(paragraphs, authority(*profiles), list(taken))
    ]


def test_typical_sentences_name_their_outlets_by_name_or_alias():
    paragraphs = [
        "Ann Lee told Community Care the plans were rushed.",
        "The Guardian reported the leak; the Guardian later corrected it.",
        "Writing in CYP Now, she said so.",
    ]
    assert named(paragraphs, CC, CYP, GUARDIAN) == [
        ("Community Care", 0, "Community Care"),
        ("The Guardian", 1, "The Guardian"),
        ("The Guardian", 1, "Guardian"),
        ("Children & Young People Now", 2, "CYP Now"),
    ]


def test_names_are_whole_words_with_their_case_and_tolerate_typography():
    profile = OutletProfile("Children’s Commissioner")
    paragraphs = [
        "community care is a service, not the magazine.",
        "The Community Caregivers met. Guardianship was discussed.",
        "The Children's Commissioner\nspoke.",
    ]
    assert named(paragraphs, CC, GUARDIAN, profile) == [
        ("Children’s Commissioner", 2, "Children's Commissioner"),
    ]


def test_the_longest_name_wins():
    assert named(["The Guardian said."], GUARDIAN) == [("The Guardian", 0, "The Guardian")]


def test_one_letter_names_are_left_out():
    profiles = (OutletProfile("X", aliases=("Twitter",)), OutletProfile("i", aliases=("iNews",)))
    assert named(["Plan X, i think, was on Twitter and iNews."], *profiles) == [
        ("X", 0, "Twitter"),
        ("i", 0, "iNews"),
    ]


def test_words_naming_a_person_or_review_body_are_theirs():
    independent = OutletProfile("The Independent", aliases=("Independent",))
    text = "The Independent Review met. The Independent said so."
    body = Mention(REVIEW_BODY, "Independent Review", 0, 4, 22, "Independent Review")
    assert named([text], independent, taken=[body]) == [("The Independent", 0, "The Independent")]
    person = Mention(PERSON, "Sky Jones", 0, 0, 9, "Sky Jones")
    assert named(
        ["Sky Jones spoke to Sky."], OutletProfile("Sky News", aliases=("Sky",)), taken=[person]
    ) == [("Sky News", 0, "Sky")]


def test_refs_count_spellings_and_place_spans_in_their_fields():
    paragraphs = ["Headline about CYP Now", "She told Children & Young People Now. Then CYP Now."]
    places = [("title", 0), ("body", 0)]
    mentions = find_outlet_mentions(paragraphs, authority(CYP))
    [ref] = outlet_refs(mentions, paragraphs, places)
    assert ref.name == "Children & Young People Now"
    assert ref.count == 3
    assert ref.spellings == ["CYP Now", "Children & Young People Now"]
    body = paragraphs[1]
    assert [(s.part, body[s.start : s.end] if s.part == "body" else None) for s in ref.spans] == [
        ("title", None),
        ("body", "Children & Young People Now"),
        ("body", "CYP Now"),
    ]
    assert body[ref.spans[1].sentence_start : ref.spans[1].sentence_end] == (
        "She told Children & Young People Now."
    )


def test_seed_002_names_its_own_outlet_once_in_the_stored_text_not_in_its_furniture():
    text = seed_text("002_5dc0658c0538405e.txt")
    parsed = parse_article(text, AUTHORITY)
    assert parsed.page.outlet == "Children & Young People Now"
    # The masthead and furniture name it too; the parser strips them, and they do not count.
    assert text.count("CYP Now") + text.count("Children & Young People Now") == 3
    [ref] = [r for r in parsed.outlets if r.name == "Children & Young People Now"]
    body = "\n\n".join(parsed.page.paragraphs)
    [span] = ref.spans
    assert (span.part, body[span.start : span.end]) == ("body", "CYP Now")
    assert "told CYP Now that" in body[span.sentence_start : span.sentence_end]


def test_seed_000_names_x_by_its_alias_twitter():
    parsed = parse_article(seed_text("000_53d296c89f0bca95.txt"), AUTHORITY)
    [ref] = [r for r in parsed.outlets if r.name == "X"]
    assert (ref.spellings, ref.count) == (["Twitter"], 1)


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_outlet_span_of_a_seed_holds_one_of_its_spellings(name):
    parsed = parse_article(seed_text(name), AUTHORITY)
    fields = {
        "title": parsed.page.title,
        "standfirst": parsed.page.standfirst,
        "body": "\n\n".join(parsed.page.paragraphs),
    }
    for ref in parsed.outlets:
        assert len(ref.spans) == ref.count, ref.name
        for span in ref.spans:
            text = fields[span.part]
            assert " ".join(text[span.start : span.end].split()) in ref.spellings
            assert span.sentence_start <= span.start < span.end <= span.sentence_end

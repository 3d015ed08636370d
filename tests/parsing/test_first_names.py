"""People an article knows by a first name alone, introduced as such."""

import pytest

from articles.parsing.entities import FIRST_NAME_REASON, extract_entities
from articles.parsing.first_names import first_name_people
from articles.parsing.mentions import PERSON, Mention

from .seed_body import authority


def named(*paragraphs, people=()):
    return [(m.name, m.paragraph) for m in first_name_people(list(paragraphs), list(people))]


@pytest.mark.parametrize(
    "sentence",
    [
        "The caller, who gave her name as Danielle, was speaking to the presenter.",
        "A mother known only as Danielle told the inquiry about it.",
        "‘Danielle’ (not her real name) left care at 18.",
        "“Danielle”, name changed, left care at 18.",
    ],
)
def test_a_first_name_the_article_introduces_as_all_it_gives_is_a_person(sentence):
    assert named(sentence) == [("Danielle", 0)]


def test_every_other_place_the_name_stands_alone_names_her_too():
    assert named(
        "Caller 'Danielle' broke down on air.",
        "The caller, who gave her name as Danielle, was speaking to the presenter.",
        "Danielle’s mother was not there.",
    ) == [("Danielle", 0), ("Danielle", 1), ("Danielle", 2)]


@pytest.mark.parametrize(
    "paragraphs",
    [
        ["Danielle said she left care at 18."],  # not introduced as a first name only
        ["A charity known only as Become said so."],  # not a first name
        ["The carer, who gave her name as Danielle Crewe, spoke."],  # a full name
    ],
)
def test_a_first_name_not_introduced_alone_is_nobody_new(paragraphs):
    assert named(*paragraphs) == []


def test_the_first_name_of_someone_named_in_full_is_their_short_form():
    crewe = Mention(PERSON, "Danielle Crewe", 0, 0, 14, "Danielle Crewe")
    text = "Danielle Crewe, known only as Danielle to her friends, spoke."
    assert named(text, people=[crewe]) == []


def test_she_is_flagged_for_review_and_speaks_her_quotes():
    entities = extract_entities(
        [
            "Headline",
            "",
            "The caller, who gave her name as Danielle, spoke to the presenter, Nick Ferrari.",
        ],
        authority(),
    )
    danielle = next(p for p in entities.people if p.name == "Danielle")
    assert danielle.first_name_only and danielle.needs_review
    assert danielle.review_reason == FIRST_NAME_REASON
    ferrari = next(p for p in entities.people if p.name == "Nick Ferrari")
    assert not ferrari.first_name_only

"""Known people: a distinctive surname alone names them, and so does a name split across lines."""

from articles.parsing.entities import extract_entities
from articles.parsing.known_names import known_names
from articles.parsing.spelling import similar_surnames

from .seed_body import authority


def people(*paragraphs):
    return {p.name: p for p in extract_entities(list(paragraphs), authority()).people}


def test_a_distinctive_surname_alone_names_the_known_person():
    found = people("The review chair MacAlister said councils must change.")
    assert list(found) == ["Josh MacAlister"]
    assert found["Josh MacAlister"].spellings == ["MacAlister"]
    assert list(people("Mr MacAlister was asked about cost.")) == ["Josh MacAlister"]
    assert list(people("Trowler has long argued for it.")) == ["Isabelle Trowler"]


def test_a_distinctive_surname_counts_before_the_full_name_too():
    found = people("MacAlister speaks out", "Josh MacAlister, the review's chair, said so.")
    assert found["Josh MacAlister"].count == 2


def test_common_surnames_and_first_names_are_not_distinctive():
    distinctive = known_names(authority()).distinctive_surnames
    assert distinctive["MacAlister"] == distinctive["MacAllister"] == "Josh MacAlister"
    assert "Jones" not in distinctive  # Ray Jones: one of the commonest surnames
    # A misspelt full name's surname may be someone else's ("Ian Dickinson").
    assert "Dickinson" not in distinctive
    assert people("Jones said the plan was flawed.") == {}


def test_a_variant_of_a_gaelic_prefix_or_of_capitals_is_the_same_surname():
    assert similar_surnames("McAlister", "MacAlister")
    assert similar_surnames("Macalister", "MacAlister")
    assert not similar_surnames("MacAlister", "MacAlister")
    assert list(people("Mr Macalister was asked about cost.")) == ["Josh MacAlister"]


def test_a_name_split_across_lines_is_one_mention_spelt_on_one_line():
    found = people("The chair, Josh\nMacAlister, said so.", "Lena\nHart, a team manager, agreed.")
    assert found["Josh MacAlister"].spellings == ["Josh MacAlister"]
    assert found["Lena Hart"].spellings == ["Lena Hart"]
    assert list(people("Eileen\nMonroe wrote the 2011 review.")) == ["Eileen Munro"]

"""Whether a search query names a person, organisation or body: pure, no database."""

import pytest

from articles.entity_search import ORGANISATION, PERSON, REVIEW_BODY, bare_query, names_entity


@pytest.mark.parametrize(
    "query, name",
    [
        ("Josh MacAlister", "Josh MacAlister"),
        ("josh macalister", "Josh MacAlister"),
        ("MacAllister", "Josh MacAlister"),  # a misspelt surname alone
        ("macalister", "Josh MacAlister"),
        ("McAlister", "Josh MacAlister"),
        ("Dickson", "Ian Dickson"),
        ("Ian Dickinson", "Ian Dickson"),  # a slip in a full name
        ("Eileen Monroe", "Eileen Munro"),
        ("Jones", "Ray Jones"),
    ],
)
def test_names_and_near_misses_of_a_person(query, name):
    assert names_entity(query, name, PERSON)


@pytest.mark.parametrize(
    "query, name",
    [
        ("Josh", "Josh MacAlister"),  # a first name alone names too many
        ("Williams", "Jo Williamson"),  # another surname, not a slip
        ("Dixon", "Ian Dickson"),  # another surname
        ("Ian", "Ian Dickson"),
        ("Jo", "Jo Jones"),
        ("MacAllister kinship", "Josh MacAlister"),
        ("Ray Jonas", "Ray Jones"),  # "Jonas" is a surname of its own next to "Jones"
    ],
)
def test_what_does_not_name_a_person(query, name):
    assert not names_entity(query, name, PERSON)


def test_organisations_and_bodies_must_be_named_almost_exactly():
    assert names_entity("department for education", "Department for Education", ORGANISATION)
    assert names_entity("Department for Educaton", "Department for Education", ORGANISATION)
    assert names_entity("DfE", "DfE", ORGANISATION)
    assert not names_entity("Department", "Department for Education", ORGANISATION)
    assert not names_entity("Education", "Department for Education", ORGANISATION)
    assert names_entity("Experts by Experience Board", "Experts by Experience Board", REVIEW_BODY)
    assert not names_entity("Board", "Experts by Experience Board", REVIEW_BODY)


def test_quotation_marks_and_spacing_do_not_matter():
    assert bare_query(' "Ian   Dickson" ') == "Ian Dickson"

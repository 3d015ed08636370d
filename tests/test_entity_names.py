"""Whether a search query names a person, organisation or body: pure, no database."""

import pytest

from articles.entity_search import (
    ORGANISATION,
    PERSON,
    REVIEW_BODY,
    NameIndex,
    bare_query,
    names_entity,
)
from articles.parsing.names import normalise_name


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


INDEXED = [
    (PERSON, 1, "Josh MacAlister"),
    (PERSON, 1, "Joshua MacAlister"),
    (PERSON, 2, "Ian Dickson"),
    (PERSON, 3, "Isabelle Trowler"),
    (PERSON, 4, "Ray Jones"),
    (PERSON, 5, "Madonna"),
    (ORGANISATION, 6, "Department for Education"),
    (ORGANISATION, 6, "DfE"),
    (ORGANISATION, 7, "Ofsted"),
    (ORGANISATION, 8, "What Works for Children's Social Care"),
    (ORGANISATION, 9, "Local Government Association"),
    (REVIEW_BODY, 10, "Experts by Experience Board"),
    (REVIEW_BODY, 11, "Design Group"),
]


def variants(name: str) -> set[str]:
    """The name, and every query one slip away: a letter dropped, doubled or changed, up
    to six letters added at the end, each word alone."""
    found = {name, *name.split()}
    for at in range(len(name)):
        found |= {name[:at] + name[at + 1 :], name[:at] + name[at] + name[at:]}
        found.add(name[:at] + "x" + name[at + 1 :])
    found |= {name + "s" * extra for extra in range(1, 7)}
    return found


def test_the_index_tries_every_name_that_a_query_could_name():
    """Matching against the index's candidates finds what trying every name finds."""
    names = [(kind, pk, name, normalise_name(name)) for kind, pk, name in INDEXED]
    index = NameIndex(names)
    queries = set().union(*(variants(name) for _, _, name, _ in names))
    queries |= {"review", "children", "Jo", "MacAllister", "Ofstead", "Dickinson"}
    matched_somewhere = 0
    for query in sorted(queries):
        typed = normalise_name(query)
        every = [n for n in names if names_entity(query, n[2], n[0], typed, n[3])]
        tried = [n for n in index.candidates(typed) if names_entity(query, n[2], n[0], typed, n[3])]
        assert tried == every, query
        matched_somewhere += bool(every)
    assert matched_somewhere > len(queries) / 2  # the variants are near misses, mostly found

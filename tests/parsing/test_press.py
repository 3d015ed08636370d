"""The press named as if it were an organisation: left to the outlet mentions."""

import pytest

from articles.parsing.authority import Authority, OutletProfile
from articles.parsing.entities import extract_entities
from articles.parsing.press import is_press

AUTHORITY = Authority(
    outlets=(
        OutletProfile(name="Sky News", kind="national", aliases=("Sky",)),
        OutletProfile(name="Children & Young People Now", kind="trade", aliases=("CYP Now",)),
        OutletProfile(name="Become", kind="charity"),
    )
)


@pytest.mark.parametrize(
    ("name", "outlet"),
    [
        ("Sky News", "Unknown outlet"),  # a press profile, on any page
        ("CYP Now", "The Guardian"),  # by an alias
        ("Standard", "Evening Standard"),  # the page's own press name, shortened
        ("Gazette", "Law Society Gazette"),
        ("Channel", "Channel 4 News"),
    ],
)
def test_the_press_is_not_an_organisation(name, outlet):
    assert is_press(name, AUTHORITY, outlet)


@pytest.mark.parametrize(
    ("name", "outlet"),
    [
        ("Become", "Become"),  # a charity that publishes is an organisation
        ("LGIU", "LGIU"),  # so is an outlet whose name is no press name
        ("Law Society", "Evening Standard"),  # and words not of the page's outlet
        ("Standard Life", "Evening Standard"),
    ],
)
def test_an_organisation_that_publishes_is_still_one(name, outlet):
    assert not is_press(name, AUTHORITY, outlet)


def test_an_article_telling_its_own_paper_names_no_organisation():
    paragraphs = [
        "Headline",
        "",
        "Cllr Omar Farouk, of Southbridge Council, told the Standard that it was overdue.",
    ]
    names = [
        o.name
        for o in extract_entities(paragraphs, AUTHORITY, outlet="Evening Standard").organisations
    ]
    assert names == ["Southbridge Council"]
    names = [o.name for o in extract_entities(paragraphs, AUTHORITY, outlet="LGIU").organisations]
    assert names == ["Southbridge Council", "Standard"]

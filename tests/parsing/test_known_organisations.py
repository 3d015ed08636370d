"""Organisations the authority file names, found however the text spells or places them."""

import pytest

from articles.parsing.authority import Authority, KnownOrganisation
from articles.parsing.entities import extract_entities

AUTHORITY = Authority(
    organisations=(
        KnownOrganisation(name="Barnardo’s", aliases=("Barnardos",)),
        KnownOrganisation(name="The Children’s Society", aliases=("Children’s Society",)),
        KnownOrganisation(name="Frontline", everyday_forms=("Frontline",)),
        KnownOrganisation(
            name="Kinship", aliases=("Grandparents Plus",), everyday_forms=("Kinship",)
        ),
        KnownOrganisation(name="Local Government Association", aliases=("LGA",)),
    )
)


def organisations(*paragraphs):
    return {
        ref.name: ref
        for ref in extract_entities(["Headline", "", *paragraphs], AUTHORITY).organisations
    }


@pytest.mark.parametrize(
    "paragraph",
    [
        "Barnardo's said the plan fell short.",  # straight apostrophe, opening a sentence
        "A spokesperson said Barnardos would respond.",
    ],
)
def test_a_known_organisation_is_found_by_its_name_alone(paragraph):
    found = organisations(paragraph)
    assert list(found) == ["Barnardo’s"]
    assert found["Barnardo’s"].known and not found["Barnardo’s"].needs_review


def test_the_text_s_the_before_a_name_without_it_is_the_same_organisation():
    found = organisations(
        "The Children’s Society said it was pleased.",
        "Its chief executive told the Children's Society's members.",
    )
    assert list(found) == ["The Children’s Society"]
    assert found["The Children’s Society"].count == 2


@pytest.mark.parametrize(
    "paragraph",
    [
        "Josh MacAlister founded Frontline in 2013.",
        "The review’s chair, who started Frontline, spoke first.",
        "Natasha Brierley, Frontline’s chief operating officer, will lead it.",
        "A report from Kinship, the kinship care charity, found the same.",
    ],
)
def test_an_everyday_word_that_names_an_organisation_counts_inside_running_text(paragraph):
    assert len(organisations(paragraph)) == 1


@pytest.mark.parametrize(
    "paragraph",
    [
        "Frontline social workers say they are stretched.",  # opens a sentence
        "“Kinship carers are saving the state a fortune,” she said.",
        "She left. Frontline staff stayed.",
        "✅ Kinship. Finally some recognition for grandparents.",  # a list item's mark
        "34:30 Kinship care and the missing allowance",  # a chapter's time
        "Ministers had not read the Kinship Review report.",  # a longer name's first word
        "Why Frontline Workers Are Leaving The Profession",  # a Title Case headline
    ],
)
def test_an_everyday_word_opening_a_sentence_or_a_longer_name_names_nothing(paragraph):
    assert "Frontline" not in organisations(paragraph)
    assert "Kinship" not in organisations(paragraph)


def test_a_known_name_that_begins_a_longer_organisation_s_is_left_to_that_one():
    found = organisations("Grandparents Plus Network has called on ministers to act.")
    assert "Kinship" not in found
    assert "Grandparents Plus Network" in found


def test_a_role_keeps_the_known_organisation_it_names():
    entities = extract_entities(
        ["Headline", "", "Louise Gittins, chair of the LGA’s children’s board, spoke."],
        AUTHORITY,
    )
    (gittins,) = entities.people
    assert gittins.role == "chair of the LGA’s children’s board"

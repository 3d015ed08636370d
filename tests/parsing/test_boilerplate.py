import pytest

from articles.parsing.boilerplate import (
    BAD,
    GOOD,
    NEARGOOD,
    SHORT,
    classify_lines,
    context_free_class,
    is_boilerplate,
    is_running_prose,
)
from articles.parsing.furniture import Furniture

GENERAL = Furniture()
PARAGRAPH = (
    "The review found that families who asked for help were too often turned away until "
    "things had gone badly wrong, and that the system waited for a crisis before it acted."
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (PARAGRAPH, GOOD),
        ("Ministers will respond to the review later this year.", NEARGOOD),
        ("Advertisement", BAD),
        ("https://www.example.org.uk/resources/born-into-care-series", BAD),
        ("Care review: key recommendations", SHORT),
        (
            "Solicitor – Care Proceedings (3-5 yrs PQE) – Midlands – £45,000 - £55,000 – "
            "Closing 30 June",
            BAD,
        ),
        (
            "Janine Holloway, Leeds, United Kingdom, Barry Smith, Essex, United Kingdom, "
            "Tom Reyes, West Midlands",
            BAD,
        ),
    ],
)
def test_lines_are_classed_on_their_own_features(line, expected):
    assert context_free_class(line, GENERAL) == expected


def test_short_lines_between_furniture_are_furniture_and_between_paragraphs_content():
    lines = [
        PARAGRAPH,
        "Key points",  # a heading above good text
        PARAGRAPH,
        "Most read",
        "Friday 14 October – Kettleby Library, 10am to 12pm",
        "Saturday 12 November – Community Centre",
        "© Example News 2022",
    ]
    classes = classify_lines(lines, GENERAL)
    assert classes[1] == GOOD
    assert classes[4] == BAD
    assert classes[5] == BAD


def test_a_finished_sentence_is_never_dropped_for_its_neighbours():
    line = "Ministers will respond to the review later this year."
    lines = ["Most read", line, "© Example News 2022"]
    classes = classify_lines(lines, GENERAL)
    assert classes[1] == BAD
    assert not is_boilerplate(line, classes[1])
    assert is_boilerplate("Friday 14 October – Kettleby Library", BAD)


def test_running_prose_does_not_address_the_reader():
    assert is_running_prose(PARAGRAPH, GENERAL)
    assert not is_running_prose(
        "Do you want to automatically post your comments to your Facebook Timeline?", GENERAL
    )
    assert not is_running_prose("Share this article", GENERAL)


def test_runs_of_menu_items_are_furniture_whatever_their_features():
    lines = [PARAGRAPH, "Social Work", "Child Protection", "Care Review", PARAGRAPH]
    assert classify_lines(lines, GENERAL)[1:4] == [GOOD, GOOD, GOOD]
    assert classify_lines(lines, GENERAL, menus={1, 2, 3})[1:4] == [BAD, BAD, BAD]

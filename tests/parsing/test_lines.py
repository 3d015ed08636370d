import pytest

from articles.parsing.lines import (
    is_breadcrumb,
    is_headline,
    is_prose,
    is_question,
    join_wrapped_lines,
    wrapped_blocks,
)


@pytest.mark.parametrize(
    "line",
    [
        "Care Review launches penultimate stage of project",
        "Needs of kinship children and carers being ‘overlooked and ignored’",
        "Is the care review really independent?",
        "£250m fund for children’s homes announced",
    ],
)
def test_headlines(line):
    assert is_headline(line)


@pytest.mark.parametrize(
    "line",
    [
        "Training",
        "All features",
        "The review met on Tuesday to agree its plans for the year.",
        "What's new today:",
        "top of page and more links here",
    ],
)
def test_not_headlines(line):
    assert not is_headline(line)


def test_prose_is_whole_sentences_of_some_length():
    assert is_prose("“We need to do so much more,” MacAlister wrote in the document.")
    assert is_prose("The review said it would report in spring 2022 (after a delay).")
    assert not is_prose("Read Full Story.")
    assert not is_prose("Publishing the Case for Change in June, the chair said [...]")


def test_questions():
    assert is_question("Why did you create an Experts by Experience Board?")
    assert is_question("You refer to the ‘Review team’. Who are they and what do they do?")
    assert not is_question("He asked whether the review was independent.")


def test_wrapped_lines_are_joined_back():
    text = (
        "We also received almost 1,000 submissions to our Call\n"
        "for Advice from individuals and organisations.\n"
        "\n"
        "Josh MacAlister, the chair of the review, said the board and\n"
        "The Design Group would meet in April.\n"
    )
    assert join_wrapped_lines(text) == [
        "We also received almost 1,000 submissions to our Call for Advice from individuals and "
        "organisations.",
        "Josh MacAlister, the chair of the review, said the board and The Design Group would "
        "meet in April.",
    ]


def test_inside_a_paragraph_of_several_lines_a_capital_goes_on_with_the_line_before():
    text = (
        "English child welfare policy has a long history of reviews whose\n"
        "diagnoses are accepted and whose remedies are not funded. Eileen\n"
        "Munro’s review of child protection in 2011 argued for less procedure.\n"
    )
    assert join_wrapped_lines(text) == [
        "English child welfare policy has a long history of reviews whose diagnoses are "
        "accepted and whose remedies are not funded. Eileen Munro’s review of child protection "
        "in 2011 argued for less procedure."
    ]


def test_separate_lines_stay_separate():
    text = (
        "Title of the article here\n"
        "The first paragraph ends here.\n"
        "top of page\n"
        "menu\n"
        "A heading without punctuation\n"
        "Then a paragraph.\n\n\n"
        "  Spaced   out   line  \n"
    )
    assert join_wrapped_lines(text) == [
        "Title of the article here",
        "The first paragraph ends here.",
        "top of page",
        "menu",
        "A heading without punctuation",
        "Then a paragraph.",
        "Spaced out line",
    ]


def test_a_byline_or_a_date_after_an_unfinished_line_starts_a_line_of_its_own():
    text = (
        "Review's final report proposes overhaul of child protection, with new teams\n"
        "by Alex Turner on May 23, 2022\n"
        "Families need help, not investigation, and the report understands that\n"
        "Tue 24 May 2022 06.00 BST\n"
    )
    assert len(join_wrapped_lines(text)) == 4


@pytest.mark.parametrize("credit", ["By", "by", "Written by", "By:"])
def test_a_credit_word_alone_on_a_line_goes_on_with_the_name_under_it(credit):
    text = f"Bookmark\n{credit}\nHannah Calloway\nSocial Affairs Editor\n13:15, 23 MAY 2022\n"
    assert join_wrapped_lines(text) == [
        "Bookmark",
        f"{credit} Hannah Calloway",
        "Social Affairs Editor",
        "13:15, 23 MAY 2022",
    ]


def test_a_credit_word_alone_before_a_line_in_lower_case_stays_alone():
    assert join_wrapped_lines("By\nnewest first\n") == ["By", "newest first"]


def test_a_word_hyphenated_over_a_line_break_is_read_joined():
    text = (
        "Many of the kinship recommendations will require changes to primary legis-\n"
        "lation, including a legal definition of kinship care.\n"
    )
    assert join_wrapped_lines(text) == [
        "Many of the kinship recommendations will require changes to primary legislation, "
        "including a legal definition of kinship care."
    ]


def test_a_hyphen_before_a_capital_or_a_blank_line_is_kept():
    text = (
        "The review proposes a new duty for the police, health services and anti-\n"
        "\n"
        "Social Work England said the plans would need a new register of agency staff.\n"
    )
    assert join_wrapped_lines(text)[0].endswith("anti-")


def test_wrapped_blocks_keep_the_blank_line_structure():
    text = "Read more:\nFirst story\nSecond story\n\nThe article goes on here, as it was.\n"
    assert wrapped_blocks(text) == (
        ("Read more:", "First story", "Second story"),
        ("The article goes on here, as it was.",),
    )


def test_a_title_wrapped_over_short_lines_is_joined_back():
    text = (
        "The care review and the family\ncourts: what the final report means\nfor family justice\n"
    )
    assert join_wrapped_lines(text) == [
        "The care review and the family courts: what the final report means for family justice"
    ]


def test_a_short_headline_ending_on_a_connecting_word_is_not_joined_to_the_next_line():
    text = "The care review, one year on\nWhat happened to the 80 recommendations\n"
    assert join_wrapped_lines(text) == [
        "The care review, one year on",
        "What happened to the 80 recommendations",
    ]


def test_a_whole_line_of_page_chrome_is_not_wrapped_text():
    assert join_wrapped_lines("Skip to main content\nreddit\nr/SocialWorkUK\n") == [
        "Skip to main content",
        "reddit",
        "r/SocialWorkUK",
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Home > News > 2023 > May", True),
        ("Jobs | Contact us | Sign in to your account", True),
        ("Briefing | Children and young people", True),
        ("19/04/21", False),
        ("02/06/2022", False),
        ("Care review calls for a radical reset of children’s social care", False),
    ],
)
def test_breadcrumbs_and_rows_of_links(line, expected):
    assert is_breadcrumb(line) is expected

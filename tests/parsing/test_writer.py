from articles.parsing.page import split_page
from articles.parsing.writer import (
    is_writer_bio,
    unsigned_title,
    without_post_nominals,
    writer_of,
    writer_on_platform,
)

from .test_page import AUTHORITY

BODY = ["The review published its final report today.", "It calls for a new family help service."]


def test_a_standfirst_opening_with_its_writer():
    standfirst = (
        "Jane Doe, Barrister, Example Chambers, considers the report's family justice plans."
    )
    assert writer_of(standfirst, BODY, "") == "Jane Doe"
    assert writer_of("The review considers the family courts.", BODY, "") == ""


def test_a_sign_off_names_the_writer():
    assert writer_of("", [*BODY, "Yours sincerely,", "Sam Okafor"], "") == "Sam Okafor"


def test_a_first_name_signing_a_newsletter_is_its_mastheads_person():
    paragraphs = [*BODY, "With best wishes,", "Helen", "Contact me"]
    assert writer_of("", paragraphs, "Helen Marlowe MP") == "Helen Marlowe"
    assert writer_of("", paragraphs, "Example Trust") == ""


def test_a_closing_bio_names_the_writer_but_not_someone_the_article_named():
    assert writer_of("", [*BODY, "Jane Doe is director of Example Trust."], "") == "Jane Doe"
    named = [
        "Jane Doe, the trust's director, welcomed it.",
        "Jane Doe is director of Example Trust.",
    ]
    assert writer_of("", named, "") == ""


def test_post_nominals_are_not_part_of_the_name():
    assert without_post_nominals("Jane Doe MP") == "Jane Doe"
    assert without_post_nominals("Jane Doe OBE MP") == "Jane Doe"


BIO = "Jane Doe is a senior researcher at the Example Institute. She was a social worker."


def test_a_closing_bio_of_the_writer_is_the_writers_bio():
    assert is_writer_bio([*BODY, BIO], "Jane Doe")
    assert is_writer_bio([*BODY, BIO], "Dr Jane Doe")
    assert not is_writer_bio([*BODY, BIO], "Sam Okafor")
    assert not is_writer_bio([*BODY, BIO], "")
    assert not is_writer_bio([BIO], "Jane Doe")


def test_the_writers_bio_names_the_writer_and_leaves_the_body():
    text = (
        "The care strategy keeps the review's words but not its scale\n"
        "The government has accepted most of the diagnosis but not the money it implies\n"
        "Comment | 3 February 2023\n" + "\n".join([*BODY, BIO]) + "\n"
    )
    page = split_page(text, AUTHORITY)
    assert page.author == "Jane Doe"
    assert page.paragraphs == BODY


def test_a_sign_off_that_ended_the_body_still_names_the_writer():
    assert (
        writer_of("", BODY, "", ["With best wishes,", "Sam Okafor", "Contact me"]) == "Sam Okafor"
    )
    assert writer_of("", BODY, "", ["Contact me", "About us", "Thanks,", "Pete Brown"]) == ""


def test_a_headline_signed_with_its_writer_s_name_loses_the_signature():
    title = "England's care review should borrow the hard part too - Iona Drummond-Rae"
    assert unsigned_title(title, "Iona Drummond-Rae") == (
        "England's care review should borrow the hard part too"
    )
    # Anyone else's name after a dash, or no byline, stays in the headline.
    assert unsigned_title(title, "Callum Baird") == title
    assert unsigned_title(title, "") == title
    assert unsigned_title("Iona Drummond-Rae", "Iona Drummond-Rae") == "Iona Drummond-Rae"


def test_a_platform_s_page_title_names_the_post_s_writer():
    title = "Priya Natarajan on LinkedIn: Eight months after the care review… | 27 comments"
    assert writer_on_platform(title, ["LinkedIn"]) == "Priya Natarajan"
    assert writer_on_platform("Jane Doe on X: “The review is out”", ["X", "Twitter"]) == "Jane Doe"
    # Another platform's name, or no name before it, names nobody.
    assert writer_on_platform(title, ["Medium"]) == ""
    assert writer_on_platform("Thoughts on LinkedIn: a guide", ["LinkedIn"]) == ""


def test_the_box_about_the_author_under_the_article_names_the_writer():
    after = [
        "Dame Jane Doe",
        "Commissioner for Example",
        "About the author",
        "Dame Jane Doe is the Commissioner for Example. She was a teacher for many years.",
        "Share this page",
    ]
    assert writer_of("", BODY, "", after) == "Jane Doe"
    # A box with another label, or a label with no bio under it, names nobody.
    assert writer_of("", BODY, "", ["Related blogs", *after[3:]]) == ""
    assert writer_of("", BODY, "", ["About the author", "Share this page"]) == ""

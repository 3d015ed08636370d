"""The body's furniture removal never takes the article's paragraphs with it."""

from articles.parsing.authority import Authority
from articles.parsing.page import split_page

HEADLINE = "Care review calls for a radical reset of children's social care\n"
LEAD = (
    "The independent review of children's social care has called for a radical reset of the "
    "system, with help for families put ahead of investigations.\n"
)
QUOTE_ONE = (
    "“We have a system that too often waits for things to go badly wrong before it acts,” "
    "the review's chair said.\n"
)
QUOTE_TWO = (
    "“Families told us again and again that they asked for help and were turned away,” he added.\n"
)


def paragraphs(text):
    return split_page(HEADLINE + text, Authority()).paragraphs


def test_an_inline_jobs_advert_leaves_the_paragraphs_after_it():
    text = (
        LEAD
        + "Related jobs\n"
        + "Social worker - children in care\n"
        + "Salary: £36,000 - £42,000\n"
        + QUOTE_ONE
        + QUOTE_TWO
        + "Most read\n"
        + "Another headline from elsewhere on the site\n"
    )
    assert paragraphs(text) == [LEAD.strip(), QUOTE_ONE.strip(), QUOTE_TWO.strip()]


def test_a_register_wall_inside_the_article_is_dropped_and_the_article_goes_on():
    text = (
        LEAD
        + "\nRegister with Example News to keep reading\n"
        + "You have read 1 of your 2 free articles this month. Register for free to read more.\n"
        + "Register now\n\n"
        + QUOTE_ONE
        + QUOTE_TWO
    )
    assert paragraphs(text) == [LEAD.strip(), QUOTE_ONE.strip(), QUOTE_TWO.strip()]


def test_nothing_of_the_article_follows_the_notes_to_editors():
    notes = (
        "The council runs four family hubs, opened in September 2022 in the borough's towns.\n"
        "The survey of 1,200 families was carried out online between 1 and 21 March 2022.\n"
    )
    assert paragraphs(LEAD + "ENDS\nNotes to editors\n" + notes) == [LEAD.strip()]


def test_comments_after_the_article_do_not_resume_it():
    text = (
        LEAD
        + "Comments 312\n"
        + "Typical. More money for social workers and nothing for the families who need it.\n"
        + "Barry, Essex, United Kingdom, 2 hours ago\n"
        + "Do you want to automatically post your comments to your Facebook Timeline?\n"
        + "Your comment will be posted to the site as usual, and to your timeline too.\n"
    )
    assert paragraphs(text) == [LEAD.strip()]


def test_a_list_of_links_under_a_label_is_not_body_but_the_paragraphs_around_it_are():
    text = (
        LEAD
        + "\nRead more:\n"
        + "Record number of children living in unregistered homes\n"
        + "Foster carer numbers fall for third year in a row\n\n"
        + QUOTE_ONE
    )
    assert paragraphs(text) == [LEAD.strip(), QUOTE_ONE.strip()]


def test_a_newsletters_letter_ends_at_its_sign_off():
    text = (
        LEAD
        + "With best wishes,\n"
        + "Helen\n"
        + "Cost of living help\n"
        + "Households can get help with energy bills through the support scheme this winter.\n"
        + "My advice surgeries\n"
        + "Friday 14 October – Kettleby Library, 10am to 12pm\n"
    )
    assert paragraphs(text) == [LEAD.strip()]


def test_a_copyright_line_above_the_articles_first_sentence_is_front_matter():
    text = (
        "\nReceived 3 March 2023\nAccepted 2 May 2023\n"
        "© Emerald Publishing Limited\n"
        "Introduction\n" + LEAD + QUOTE_ONE + "© Emerald Publishing Limited 2023\n" + QUOTE_TWO
    )
    assert paragraphs(text) == [LEAD.strip(), QUOTE_ONE.strip()]


def test_a_list_of_references_ends_the_article():
    text = (
        LEAD + QUOTE_ONE + "References\nMunro, E. (2011), The Munro Review of Child Protection.\n"
    )
    assert paragraphs(text) == [LEAD.strip(), QUOTE_ONE.strip()]


def test_a_threads_next_post_ends_the_first_post_and_its_replies_never_resume_it():
    text = (
        "\nGreyhairandcustard · 26/05/2022 21:14\n" + LEAD + QUOTE_ONE + "Report\nQuote\n"
        "Mumblesmum · 26/05/2022 21:31\n" + QUOTE_TWO + QUOTE_ONE
    )
    assert paragraphs(text) == [LEAD.strip(), QUOTE_ONE.strip()]

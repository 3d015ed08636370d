from articles.parsing.layout import clean_layout, running_lines
from articles.parsing.lines import join_wrapped_lines

PDF = (
    "Briefing paper\n"
    "\n"
    "The final report was published on 23 May 2022.\n"
    "\n"
    "1 example.org.uk\n"
    "\fThe review and the courts | Briefing paper, June 2022\n"
    "\n"
    "The review proposes a single family help service for every area.\n"
    "\n"
    "Special guardianship orders now account for a substantial share of the orders made at\n"
    "\n"
    "2 example.org.uk\n"
    "\fThe review and the courts | Briefing paper, June 2022\n"
    "\n"
    "the end of care proceedings, yet many special guardians report little support.\n"
    "\n"
    "Page 3 of 3\n"
)


def test_running_headers_and_footers_of_a_pdf_are_found():
    assert running_lines(PDF.split("\n")) == {
        "1 example.org.uk",
        "2 example.org.uk",
        "The review and the courts | Briefing paper, June 2022",
        "Page 3 of 3",
    }


def test_a_pdf_reads_without_its_running_lines_and_a_cut_sentence_is_joined():
    assert join_wrapped_lines(PDF) == [
        "Briefing paper",
        "The final report was published on 23 May 2022.",
        "The review proposes a single family help service for every area.",
        "Special guardianship orders now account for a substantial share of the orders made at "
        "the end of care proceedings, yet many special guardians report little support.",
    ]


def test_magazine_page_footers_with_page_numbers_are_running_lines():
    text = (
        "The review heard from social workers across England this spring.\n\n"
        "12 | PSW July 2021\n\n"
        "Others are more sceptical about what the review will achieve.\n\n"
        "13 | PSW July 2021\n\n"
        "Foster Care | Summer 2021 | 14\n\n"
        "The review will report next year.\n\n"
        "Foster Care | Summer 2021 | 15\n"
    )
    assert join_wrapped_lines(text) == [
        "The review heard from social workers across England this spring.",
        "Others are more sceptical about what the review will achieve.",
        "The review will report next year.",
    ]


def test_repeated_dates_and_single_numbered_lines_are_not_running_lines():
    lines = [
        "23 May 2022",
        "Review calls for family help teams",
        "25 May 2022",
        "12 | PSW July 2021",
        "Figure 3",
        "Step 1",
        "Step 2",
    ]
    assert running_lines(lines) == set()


def test_text_without_a_layout_is_left_as_it_is():
    text = "A headline\n\nA paragraph of the article, as it was written.\n"
    assert clean_layout(text) is text


def test_a_pdf_copied_without_page_breaks_has_pages_ended_by_their_page_numbers():
    text = (
        "Marlow District Council – Cabinet – 3 March 2022\n"
        "\n"
        "1.1 This report sets out the council's response to the review.\n"
        "\n"
        "Marlow District Council – Cabinet – 3 March 2022\n"
        "Page 12\n"
        "\n"
        "2.1 Members are asked to note the report.\n"
        "\n"
        "Marlow District Council – Cabinet – 3 March 2022\n"
        "Page 13\n"
    )
    assert join_wrapped_lines(text) == [
        "1.1 This report sets out the council's response to the review.",
        "2.1 Members are asked to note the report.",
    ]


def test_a_dated_line_that_changes_from_page_to_page_is_not_a_running_line():
    text = (
        "Monday 4 April 2022\n\nThe review team met in Leeds.\n\nPage 1\n"
        "Tuesday 5 April 2022\n\nThe review team met in York.\n\nPage 2\n"
    )
    assert "Tuesday 5 April 2022" in join_wrapped_lines(text)


def test_a_pdf_copied_without_page_breaks_has_pages_ended_by_its_numbered_footers():
    """A header under each numbered footer ("1 Firm LLP") runs along the pages, even where
    the first page carries it deep inside (under its cover)."""
    header = "Ashby Kerrigan | Client briefing | February 2023"
    text = (
        "Ashby Kerrigan Solicitors LLP\n\nClient briefing\n\nFebruary 2023\n\n"
        f"www.ashbykerrigan.co.uk\n{header}\n\n"
        "Introduction\n\nThe strategy is not legislation, and most of it will be piloted.\n\n"
        f"1 Ashby Kerrigan Solicitors LLP\n{header}\n\n"
        "1. Child protection\n\nLead practitioners will take the decisions.\n\n"
        f"2 Ashby Kerrigan Solicitors LLP\n{header}\n\n"
        "2. Kinship care\n\nA kinship strategy is promised by the end of 2023.\n\n"
        "3 Ashby Kerrigan Solicitors LLP\n"
    )
    assert running_lines(text.split("\n")) == {
        header,
        "1 Ashby Kerrigan Solicitors LLP",
        "2 Ashby Kerrigan Solicitors LLP",
        "3 Ashby Kerrigan Solicitors LLP",
    }
    kept = join_wrapped_lines(text)
    assert header not in kept
    assert "Lead practitioners will take the decisions." in kept


def test_a_line_repeated_inside_the_pages_of_numbered_footers_is_no_running_line():
    repeated = "Kinship carers and the courts"
    prose = "The strategy is not legislation.\n\nIts pilots come first.\n\nCouncils plan.\n\n"
    text = (
        f"Briefing\n\nIntroduction\n\n{prose}{repeated}\n\n{prose}1 Ashby Kerrigan Solicitors LLP\n"
        f"Part one\n\n{prose}{repeated}\n\n{prose}2 Ashby Kerrigan Solicitors LLP\n"
    )
    assert repeated not in running_lines(text.split("\n"))


def test_a_footer_that_facing_pages_mirror_is_one_running_line():
    text = (
        "English child welfare policy has a long history of reviews.\n"
        "PAGE 201 | JOURNAL OF CHILDREN’S SERVICES | VOL. 18 NO. 3 2023\n"
        "\fThe care review acknowledged this history in its Case for Change.\n"
        "VOL. 18 NO. 3 2023 | JOURNAL OF CHILDREN’S SERVICES | PAGE 202\n"
        "\fThere is a second risk.\n"
    )
    assert running_lines(text.split("\n")) == {
        "PAGE 201 | JOURNAL OF CHILDREN’S SERVICES | VOL. 18 NO. 3 2023",
        "VOL. 18 NO. 3 2023 | JOURNAL OF CHILDREN’S SERVICES | PAGE 202",
    }

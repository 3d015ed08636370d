"""A paper's cover sheet of labelled fields gives its title, date and author."""

from articles.parsing.cover_sheet import read_cover_sheet
from articles.parsing.fuzzydate import FuzzyDate
from articles.parsing.page import split_page

from .test_page import AUTHORITY

SHEET = (
    "Halbury County Council\n\n"
    "Cabinet\n\n"
    "Meeting date: 6 July 2022\n\n"
    "Report title: Children’s Social Care Reform – Our\n"
    "Response to the Independent Review\n\n"
    "Report author: Priya Lomax, Assistant Director, Safeguarding\n\n"
    "1. Summary\n\n"
    "1.1 This report sets out how the council will respond to the review’s recommendations.\n\n"
    "1.2 Cabinet is asked to note the report and agree the next steps set out in section 4.\n"
)


def test_the_fields_of_a_cover_sheet_are_read_and_a_wrapped_title_is_joined():
    sheet = read_cover_sheet(SHEET)
    assert sheet.found
    assert sheet.title == ("Children’s Social Care Reform – Our Response to the Independent Review")
    assert sheet.published == FuzzyDate(2022, 7, 6)
    assert sheet.author == "Priya Lomax"


def test_a_cover_sheet_gives_the_page_its_title_date_and_author():
    page = split_page(SHEET, AUTHORITY)
    assert page.title == "Children’s Social Care Reform – Our Response to the Independent Review"
    assert page.published == FuzzyDate(2022, 7, 6)
    assert page.author == "Priya Lomax"
    assert page.paragraphs[0].startswith("1.1 This report")


def test_a_title_field_alone_is_not_a_cover_sheet():
    text = "Title: The care review explained\n\nThe review published its report today.\n"
    assert not read_cover_sheet(text).found


def test_a_title_stops_at_the_next_field():
    text = "Subject: Kinship care allowances\nDate: 3 March 2023\n\nThe report follows.\n"
    sheet = read_cover_sheet(text)
    assert sheet.title == "Kinship care allowances"
    assert sheet.published == FuzzyDate(2023, 3, 3)

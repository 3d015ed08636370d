from articles.parsing.date_forms import labelled_date
from articles.parsing.fuzzydate import FuzzyDate
from articles.parsing.header import read_header_line


def test_written_out_forms_the_patterns_do_not_read():
    assert labelled_date("Tuesday the 24th of May, 2022") == FuzzyDate(2022, 5, 24)
    assert labelled_date("3 Mar '21") == FuzzyDate(2021, 3, 3)
    assert labelled_date("May 23rd 2022 at 6am") == FuzzyDate(2022, 5, 23)


def test_precision_is_what_the_text_gives():
    assert labelled_date("June of 2021") == FuzzyDate(2021, 6)
    assert labelled_date("2021") == FuzzyDate(2021)


def test_the_date_order_is_the_outlets():
    assert labelled_date("03/02/23 11:30") == FuzzyDate(2023, 2, 3)
    assert labelled_date("03/02/23 11:30", "mdy") == FuzzyDate(2023, 3, 2)


def test_relative_dates_and_dates_without_a_year_are_no_date():
    assert labelled_date("2 days ago") is None
    assert labelled_date("3 hours ago") is None
    assert labelled_date("24th of May") is None
    assert labelled_date("by the press office") is None


def test_a_labelled_header_line_in_a_rarer_form_dates_the_page():
    assert read_header_line("Posted on Tuesday the 24th of May, 2022").date == FuzzyDate(
        2022, 5, 24
    )
    assert read_header_line("Published: 3 Mar '21").date == FuzzyDate(2021, 3, 3)
    # Unlabelled, the same words are no header line: only a date label asks dateparser.
    assert read_header_line("Tuesday the 24th of May, 2022") is None
    assert read_header_line("Published 2 days ago").date is None

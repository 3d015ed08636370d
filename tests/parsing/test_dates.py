import pytest

from articles.parsing.dates import MONTHS, find_dates, parse_date
from articles.parsing.fuzzydate import FuzzyDate


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("19/04/21", FuzzyDate(2021, 4, 19)),
        ("03/03/21", FuzzyDate(2021, 3, 3)),
        ("19/04/2021", FuzzyDate(2021, 4, 19)),
        ("19.04.2021", FuzzyDate(2021, 4, 19)),
        ("19-04-2021", FuzzyDate(2021, 4, 19)),
        ("2021-05-23", FuzzyDate(2021, 5, 23)),
        ("15 January 2021", FuzzyDate(2021, 1, 15)),
        ("15th January 2021", FuzzyDate(2021, 1, 15)),
        ("1st of March 2022", FuzzyDate(2022, 3, 1)),
        ("Friday 5th February 2021", FuzzyDate(2021, 2, 5)),
        ("Tuesday, November 9, 2021", FuzzyDate(2021, 11, 9)),
        ("November 9, 2021", FuzzyDate(2021, 11, 9)),
        ("Sept. 3, 2021", FuzzyDate(2021, 9, 3)),
        ("9 Nov 2021", FuzzyDate(2021, 11, 9)),
        ("30 Jan 2024", FuzzyDate(2024, 1, 30)),
        ("Tue 9 Nov 2021 12.01 GMT", FuzzyDate(2021, 11, 9)),
        ("Monday 10 May 2021, 10:30am", FuzzyDate(2021, 5, 10)),
        ("May 23, 2022 6:00 am(Updated 9:15 am)", FuzzyDate(2022, 5, 23)),
        ("06:00, 23 May 2022", FuzzyDate(2022, 5, 23)),
        ("Monday 23 May 2022 06:00, UK", FuzzyDate(2022, 5, 23)),
        ("2022-05-23T06:00:00Z", FuzzyDate(2022, 5, 23)),
        ("Mon, 23 May 2022 06:00:00 +0100", FuzzyDate(2022, 5, 23)),
        ("  9 Nov 2021. ", FuzzyDate(2021, 11, 9)),
        ("January 2022", FuzzyDate(2022, 1)),
        ("Autumn 2021", FuzzyDate(2021, season="autumn")),
    ],
)
def test_parse_date_reads_british_and_iso_forms(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["31/02/21", "29/02/2021", "12/13/2021", "2021-13-01", "hello", "", "Posted 9 Nov 2021 by"],
)
def test_parse_date_refuses_what_is_not_a_whole_valid_date(text):
    assert parse_date(text) is None


def test_bare_year_only_when_asked():
    assert parse_date("2021") is None
    assert parse_date("2021", allow_year=True) == FuzzyDate(2021)


def test_numeric_dates_follow_the_order():
    assert parse_date("03/04/21", "dmy") == FuzzyDate(2021, 4, 3)
    assert parse_date("03/04/21", "mdy") == FuzzyDate(2021, 3, 4)
    assert parse_date("2021-04-03", "mdy") == FuzzyDate(2021, 4, 3)
    with pytest.raises(ValueError):
        parse_date("03/04/21", "ymd")


def test_month_table_covers_abbreviations():
    assert MONTHS["sept"] == MONTHS["september"] == 9
    assert len(set(MONTHS.values())) == 12


def test_find_dates_in_running_text():
    text = (
        "The Call for Evidence will close on 30th March 2021; the final report is due in "
        "spring 2022, not January 2022 (see 19/10/2021)."
    )
    found = find_dates(text)
    assert [date for _, _, date in found] == [
        FuzzyDate(2021, 3, 30),
        FuzzyDate(2022, season="spring"),
        FuzzyDate(2022, 1),
        FuzzyDate(2021, 10, 19),
    ]
    start, end, _ = found[0]
    assert text[start:end] == "30th March 2021"


def test_find_dates_skips_lookalikes():
    text = "Release v1.2.2021, call 0121 496 0000, the council may 2021-proof it, 31/02/2021."
    assert find_dates(text) == []


def test_find_dates_bare_years_only_when_asked():
    assert find_dates("Since 2011 the number rose") == []
    assert find_dates("Since 2011 the number rose", allow_year=True) == [(6, 10, FuzzyDate(2011))]


def test_a_place_or_paper_after_the_time_is_part_of_the_date_line():
    assert parse_date("Tuesday May 24 2022, 12.01am, The Times") == FuzzyDate(2022, 5, 24)
    # Without a time first, a name after the date is a byline's business, not the date's.
    assert parse_date("24 May 2022, Jane Doe") is None


def test_american_times_and_zones():
    assert parse_date("May 24th, 2022 at 9:15 a.m. EDT") == FuzzyDate(2022, 5, 24)
    assert parse_date("June 3, 2022, 6:30 PM ET") == FuzzyDate(2022, 6, 3)


@pytest.mark.parametrize("text", ["Winter 2022/23", "Winter 2022-2023", "winter 2022–23"])
def test_a_season_across_the_turn_of_the_year_is_named_by_its_first_year(text):
    assert parse_date(text) == FuzzyDate(2022, season="winter")


def test_a_season_whose_second_year_does_not_follow_is_not_a_date():
    assert parse_date("Winter 2022/25") is None

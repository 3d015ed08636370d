import pytest

from articles.parsing.fuzzydate import FuzzyDate
from articles.parsing.issue_dates import issue_date, read_issue_line


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("PSW | July 2021", FuzzyDate(2021, 7)),
        ("Autumn 2022 Newsletter", FuzzyDate(2022, season="autumn")),
        ("Newsletter | Spring 2022", FuzzyDate(2022, season="spring")),
        ("12 | PSW July 2021", FuzzyDate(2021, 7)),
        ("Foster Care | Summer 2021 | 14", FuzzyDate(2021, season="summer")),
    ],
)
def test_an_issue_line_gives_its_date(line, date):
    assert read_issue_line(line) == date


@pytest.mark.parametrize(
    "line",
    [
        "Published 3 May 2022 by the council",
        "Working hard for Kettleby",
        "Home | News | 2021 report",
    ],
)
def test_other_lines_are_not_issue_lines(line):
    assert read_issue_line(line) is None


def test_only_an_issue_above_the_headline_and_not_the_sites_today():
    lines = ["Monday 23 November 2026", "Example Magazine", "Winter 2021", "A headline here"]
    assert issue_date(lines, 3, "dmy") == FuzzyDate(2021, season="winter")
    assert issue_date(lines[:2] + lines[3:], 2, "dmy") is None
    assert issue_date(["A headline here", "Winter 2021"], 0, "dmy") is None


def test_an_issue_number_is_part_of_the_issue_line():
    line = "Children’s Services Bulletin | Issue 14 | Winter 2022"
    assert read_issue_line(line) == FuzzyDate(2022, season="winter")

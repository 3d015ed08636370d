import pytest

from articles.parsing.fuzzydate import FuzzyDate
from articles.parsing.issue_dates import issue_date, issue_date_below, read_issue_line


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("PSW | July 2021", FuzzyDate(2021, 7)),
        ("Autumn 2022 Newsletter", FuzzyDate(2022, season="autumn")),
        ("Newsletter | Spring 2022", FuzzyDate(2022, season="spring")),
        ("12 | PSW July 2021", FuzzyDate(2021, 7)),
        ("Foster Care | Summer 2021 | 14", FuzzyDate(2021, season="summer")),
        # A journal's issue is dated by its year, beside its pages, DOI or address.
        ("Vol. 18 No. 3, 2023", FuzzyDate(2023)),
        ("Vol. 18 No. 3, 2023 pp. 201-203", FuzzyDate(2023)),
        ("2023, VOL. 29, NO. 4, 388–396 https://doi.org/10.1080/13575279", FuzzyDate(2023)),
        ("Volume 18, Issue 3, 2023", FuzzyDate(2023)),
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
        "2023",  # a year alone, with no issue number beside it
        "Children's services, 2023",
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


def test_a_numbered_issue_line_in_the_front_matter_under_the_headline_dates_the_page():
    lines = ["A headline here", "Received 3 March 2023", "Vol. 18 No. 3, 2023", "Introduction"]
    assert issue_date_below(lines, 1, "dmy") == FuzzyDate(2023)
    # Not one that the article's first sentence comes before, nor one with no issue number.
    assert (
        issue_date_below(["The review reported in May.", "Vol. 18 No. 3, 2023"], 0, "dmy") is None
    )
    assert issue_date_below(["Received 3 March 2023", "Autumn 2022"], 0, "dmy") is None

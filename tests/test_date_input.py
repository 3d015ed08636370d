"""Dates as readers type them into the date filters (articles/date_input.py; no database)."""

import datetime

import pytest

from articles.date_input import DateInputError, range_in_words, read_date
from articles.parsing.fuzzydate import FuzzyDate


@pytest.mark.parametrize(
    ("typed", "start", "end", "words"),
    [
        ("2021", (2021, 1, 1), (2021, 12, 31), "2021"),
        ("June 2021", (2021, 6, 1), (2021, 6, 30), "June 2021"),
        ("  jun   2021 ", (2021, 6, 1), (2021, 6, 30), "June 2021"),
        ("Sept 2021", (2021, 9, 1), (2021, 9, 30), "September 2021"),
        ("spring 2022", (2022, 3, 1), (2022, 5, 31), "spring 2022"),
        ("Summer 2021", (2021, 6, 1), (2021, 8, 31), "summer 2021"),
        ("autumn 2021", (2021, 9, 1), (2021, 11, 30), "autumn 2021"),
        ("winter 2021", (2021, 12, 1), (2022, 2, 28), "winter 2021"),
        ("winter 2021/22", (2021, 12, 1), (2022, 2, 28), "winter 2021"),
        ("23 May 2022", (2022, 5, 23), (2022, 5, 23), "23 May 2022"),
        ("23rd May 2022", (2022, 5, 23), (2022, 5, 23), "23 May 2022"),
        ("May 23, 2022", (2022, 5, 23), (2022, 5, 23), "23 May 2022"),
        ("23/05/2022", (2022, 5, 23), (2022, 5, 23), "23 May 2022"),  # British: day first
        ("2022-05-23", (2022, 5, 23), (2022, 5, 23), "23 May 2022"),
        ("2021-06", (2021, 6, 1), (2021, 6, 30), "June 2021"),
        ("2021-6", (2021, 6, 1), (2021, 6, 30), "June 2021"),
        ("2022-21", (2022, 3, 1), (2022, 5, 31), "spring 2022"),  # EDTF season code
        ("2020-02", (2020, 2, 1), (2020, 2, 29), "February 2020"),
    ],
)
def test_typed_dates_name_their_whole_period(typed, start, end, words):
    found = read_date(typed)
    assert found.start() == datetime.date(*start)
    assert found.end() == datetime.date(*end)
    assert found.display() == words


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("March", "“March” is not a date the archive can read: try 2021, June 2021"),
        ("31 February 2022", "“31 February 2022” is not a date the archive can read"),
        ("2021-13", "“2021-13” is not a date: there is no month 13."),
        ("2021-02-30", "“2021-02-30” is not a date the archive can read"),
        ("next week", "“next week” is not a date the archive can read"),
        ("1850-06", "“1850-06” is not a date the archive can read"),  # 1900 to 2099 only
        ("", "Enter a date, for example 2021, June 2021"),
        ("2" * 41, "That is too long for a date"),
    ],
)
def test_what_is_not_a_date_gets_a_sentence_saying_so(typed, message):
    with pytest.raises(DateInputError) as raised:
        read_date(typed)
    assert message in str(raised.value)


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        (FuzzyDate(2021, 6), FuzzyDate(2022, season="spring"), "from June 2021 to spring 2022"),
        (FuzzyDate(2021, 6), None, "from June 2021"),
        (None, FuzzyDate(2022, 5, 23), "to 23 May 2022"),
        (FuzzyDate(2021), FuzzyDate(2021), "in 2021"),
        (FuzzyDate(2022, 5, 23), FuzzyDate(2022, 5, 23), "on 23 May 2022"),
    ],
)
def test_range_in_words(start, end, words):
    assert range_in_words(start, end) == words

import datetime

import pytest

from articles.parsing.fuzzydate import FuzzyDate, display_date, edtf_or_none


@pytest.mark.parametrize(
    ("fuzzy", "edtf", "display", "start", "end"),
    [
        (FuzzyDate(2021, 3, 3), "2021-03-03", "3 March 2021", (2021, 3, 3), (2021, 3, 3)),
        (FuzzyDate(2022, 1), "2022-01", "January 2022", (2022, 1, 1), (2022, 1, 31)),
        (FuzzyDate(2022, season="spring"), "2022-21", "spring 2022", (2022, 3, 1), (2022, 5, 31)),
        (FuzzyDate(2021, season="winter"), "2021-24", "winter 2021", (2021, 12, 1), (2022, 2, 28)),
        (FuzzyDate(2011), "2011", "2011", (2011, 1, 1), (2011, 12, 31)),
    ],
)
def test_fuzzy_date_round_trips(fuzzy, edtf, display, start, end):
    assert fuzzy.edtf() == edtf
    assert fuzzy.display() == display
    assert fuzzy.start() == datetime.date(*start)
    assert fuzzy.end() == datetime.date(*end)
    assert FuzzyDate.from_edtf(edtf) == fuzzy
    assert FuzzyDate.from_start(fuzzy.start(), fuzzy.precision) == fuzzy


def test_impossible_dates_are_refused():
    with pytest.raises(ValueError):
        FuzzyDate(2021, 2, 30)
    with pytest.raises(ValueError):
        FuzzyDate(2021, season="monsoon")
    with pytest.raises(ValueError):
        FuzzyDate.from_start(datetime.date(2021, 4, 1), "season")


def test_unknown_dates_display_plainly():
    assert display_date(None, "unknown") == "date unknown"
    assert edtf_or_none(None, "unknown") is None
    assert display_date(datetime.date(2021, 6, 1), "season") == "summer 2021"

"""The timeline's tests' archive: a milestone that three articles report."""

import datetime

import pytest

from tests import factories

DAY = datetime.date(2022, 5, 23)
TITLE = "Final report published"


@pytest.fixture
def reported(db):
    factories.make_milestone(TITLE, DAY)
    for n in range(3):
        factories.make_article(f"Report {n}", published=DAY, body="The final report is out.")

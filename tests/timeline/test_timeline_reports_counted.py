"""The timeline's reports are counted and picked by the database (articles/
milestone_reports.py): each article once per milestone, the loader's sentence kept,
oldest first, undated last, at most REPORTS_LISTED listed, in a fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import milestone_reports
from articles.models import MilestoneSource
from facetcounts import compute
from tests import factories

pytestmark = pytest.mark.django_db

DAY = datetime.date(2022, 5, 23)


def the_milestone(response, title: str):
    [milestone] = [m for m in response.context["milestones"] if m.title == title]
    return milestone


@pytest.fixture
def reported(db) -> None:
    """Four articles name the final report within its window; the loader also linked
    one of them by its sentence, and an undated page that the window cannot find."""
    found = [
        factories.make_article(
            f"Report {n}", published=DAY + datetime.timedelta(days=3 - n), body="The final report."
        )
        for n in range(4)
    ]
    undated = factories.make_article("Undated page", body="Nothing dated.")
    milestone = factories.make_milestone("Final report published", DAY)
    for article, sentence in [
        (found[1], "The final report is out today."),
        (undated, "It published its final report."),
    ]:
        MilestoneSource.objects.create(milestone=milestone, article=article, sentence=sentence)


def test_each_article_is_counted_once_with_the_loaders_sentence(client, reported):
    milestone = the_milestone(client.get("/timeline/"), "Final report published")
    assert milestone.report_count == 5
    assert [r.title for r in milestone.reports] == [
        "Report 3",
        "Report 2",
        "Report 1",
        "Report 0",
        "Undated page",  # oldest first, undated last
    ]
    sentences = {r.title: r.sentence for r in milestone.reports}
    assert sentences["Report 1"] == "The final report is out today."
    assert sentences["Undated page"] == "It published its final report."
    assert sentences["Report 0"] == ""


def test_only_the_first_reports_are_listed_and_all_are_counted(client, reported, monkeypatch):
    monkeypatch.setattr(milestone_reports, "REPORTS_LISTED", 2)
    response = client.get("/timeline/")
    milestone = the_milestone(response, "Final report published")
    assert (milestone.report_count, milestone.unlisted) == (5, 3)
    assert [r.title for r in milestone.reports] == ["Report 3", "Report 2"]
    assert "Reported in 5 articles:" in response.text


def test_a_milestone_nobody_reports_counts_none(client, reported):
    factories.make_milestone("Consultation closes", datetime.date(2023, 3, 1))
    milestone = the_milestone(client.get("/timeline/"), "Consultation closes")
    assert (milestone.report_count, milestone.reports, milestone.unlisted) == (0, [], 0)


def timeline_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(("url", "budget"), [("/timeline/", 5), ("/timeline/?format=json", 3)])
def test_the_queries_do_not_grow_with_milestones_or_reports(client, reported, url, budget):
    # The chart's date counts are the precomputed ones; the first reader after a write
    # recounts them, in a fixed number of queries (tests/facets/test_refresh_cost.py).
    compute.refresh()
    small = timeline_queries(client, url)
    for n in range(40):
        factories.make_article(f"More {n}", published=DAY, body="The final report.")
    for n in range(5):
        factories.make_milestone(f"Final report debated {n}", DAY + datetime.timedelta(days=n))
    compute.refresh()
    assert timeline_queries(client, url) == small <= budget

"""The timeline: the review's milestones first, earlier events apart, and every article
that reports a milestone, by the loader's sentence or by date and topic."""

import datetime

import pytest
from django.core.management import call_command

from articles import milestone_reports
from articles.parsing.fuzzydate import MONTH, YEAR
from articles.review import the_review
from facetcounts import compute
from tests import factories

pytestmark = pytest.mark.django_db

PUBLISHED = datetime.date(2022, 5, 23)


@pytest.fixture
def final_report_day(db):
    """A realistic 23 May 2022: eleven articles on the final report, two of which the
    loader linked by their sentence, and coverage that does not report it."""
    outlet = factories.make_outlet("Daily Paper")
    reporting = [
        factories.make_article(
            f"Report story {n:02d}",
            outlet=outlet,
            published=PUBLISHED + datetime.timedelta(days=n % 3),
            body=f"The review’s Final Report sets out {n} changes.\n\nMore.",
        )
        for n in range(11)
    ]
    milestone = factories.make_milestone(
        "Final report published", PUBLISHED, articles=reporting[:2], kind="publication"
    )
    others = {
        "same day, other topic": factories.make_article(
            "Kinship carers meet", published=PUBLISHED, body="Carers met the minister."
        ),
        "a week too late": factories.make_article(
            "Looking back",
            published=PUBLISHED + datetime.timedelta(days=30),
            body="The final report.",
        ),
        "the day before": factories.make_article(
            "Preview",
            published=PUBLISHED - datetime.timedelta(days=1),
            body="The final report is due.",
        ),
        "dated to a month only": factories.make_article(
            "May round-up",
            published=datetime.date(2022, 5, 1),
            precision=MONTH,
            body="The final report.",
        ),
        "one word of the topic": factories.make_article(
            "Another report", published=PUBLISHED, body="An Ofsted report on schools."
        ),
    }
    return milestone, reporting, others


def reported(response, title):
    [milestone] = [m for m in response.context["milestones"] if m.title == title]
    return milestone.reports


def test_a_milestone_lists_every_article_its_date_and_topic_find(client, final_report_day):
    _, reporting, others = final_report_day
    response = client.get("/timeline/")
    reports = reported(response, "Final report published")
    assert sorted(r.title for r in reports) == sorted(a.title for a in reporting)
    # The loader's two keep their sentences; oldest first.
    assert sum(1 for r in reports if r.sentence) == 2
    published = {a.title: a.published for a in reporting}
    dates = [published[r.title] for r in reports]
    assert dates == sorted(dates)
    text = response.text
    assert "Reported in 11 articles:" in text
    assert "The other 6 articles reporting “Final report published”" in text
    for article in reporting:
        assert f'href="{article.get_absolute_url()}"' in text
    for article in others.values():
        assert article.title not in text


def test_a_milestone_dated_only_to_a_month_lists_only_the_loaders_sources(client):
    article = factories.make_article(
        "Groups meet", published=datetime.date(2021, 4, 2), body="The groups meet."
    )
    factories.make_article("Also groups", published=datetime.date(2021, 4, 3), body="Groups meet.")
    factories.make_milestone(
        "Groups meet", datetime.date(2021, 4, 1), precision=MONTH, articles=[article]
    )
    reports = reported(client.get("/timeline/"), "Groups meet")
    assert [r.title for r in reports] == ["Groups meet"]


def test_earlier_events_are_listed_apart_after_the_reviews_milestones(client):
    launched = the_review().launched
    munro = factories.make_milestone(
        "Munro review of child protection", datetime.date(2011, 1, 1), precision=YEAR
    )
    launch = factories.make_milestone("Review launches", launched.replace(day=1), precision=MONTH)
    final = factories.make_milestone("Final report published", PUBLISHED)
    response = client.get("/timeline/")
    assert [m.title for m in response.context["milestones"]] == [launch.title, final.title]
    assert [m.title for m in response.context["earlier"]] == [munro.title]
    text = response.text
    assert text.index("Review launches") < text.index(
        '<h2 id="earlier-heading">Earlier events</h2>'
    )
    assert text.index("Earlier events</h2>") < text.index("Munro review of child protection")
    assert "before the review was announced on 15 January 2021" in text
    # The home page's milestones are the review's own.
    home = client.get("/")
    assert [m.title for m in home.context["milestones"]] == [launch.title, final.title]


def test_the_seeds_put_the_munro_review_among_earlier_events(client):
    call_command("load_articles", verbosity=0)
    response = client.get("/timeline/")
    assert [m.title for m in response.context["earlier"]] == ["Munro review of child protection"]
    assert response.context["milestones"][0].date >= datetime.date(2021, 1, 1)


def test_the_timeline_costs_the_same_with_ten_times_the_reports(
    client, django_assert_max_num_queries, final_report_day
):
    # The chart's date counts are the precomputed ones, which the first reader after a
    # write recounts (a fixed number of queries: tests/facets/test_refresh_cost.py).
    compute.refresh()
    with django_assert_max_num_queries(6):
        small = client.get("/timeline/")
    for n in range(100):
        factories.make_article(f"More {n}", published=PUBLISHED, body="The final report.")
    compute.refresh()
    with django_assert_max_num_queries(6):
        large = client.get("/timeline/")
    [before] = [m for m in small.context["milestones"] if m.title == "Final report published"]
    [after] = [m for m in large.context["milestones"] if m.title == "Final report published"]
    assert (before.report_count, after.report_count) == (11, 111)
    assert len(after.reports) == milestone_reports.REPORTS_LISTED


def test_a_milestone_with_many_reports_lists_the_first_and_counts_them_all(
    client, final_report_day, monkeypatch
):
    monkeypatch.setattr(milestone_reports, "REPORTS_LISTED", 8)
    response = client.get("/timeline/")
    [milestone] = [m for m in response.context["milestones"] if m.title == "Final report published"]
    assert (milestone.report_count, len(milestone.reports), milestone.unlisted) == (11, 8, 3)
    text = response.text
    assert "Reported in 11 articles:" in text
    assert "3 more of the articles reporting “Final report published”" in text
    assert "And 3 later articles, not listed here." in text

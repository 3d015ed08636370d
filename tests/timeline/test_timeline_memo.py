"""The timeline's reports are worked out once per archive version in a process
(archivecache.memo): a second request does not count them again, and a load or a
correction shows on the next request. Writes are committed (the version of PostgreSQL's
archive changes at commit)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from tests import factories
from tests.timeline.conftest import DAY, TITLE
from tests.timeline.test_timeline_reports_counted import the_milestone

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.version_memo]

REPORTS_QUERY = "COUNT(*) OVER (PARTITION BY r.milestone_id)"


def counted_reports(client) -> tuple[int, bool]:
    """(how many articles report the milestone, whether the reports were counted now)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/timeline/")
    counted = any(REPORTS_QUERY in query["sql"] for query in queries.captured_queries)
    return the_milestone(response, TITLE).report_count, counted


def test_the_reports_are_counted_once_per_version(client, reported):
    assert counted_reports(client) == (3, True)
    assert counted_reports(client) == (3, False)


def test_a_load_shows_at_once(client, reported):
    assert counted_reports(client) == (3, True)
    factories.make_article("Report 3", published=DAY, body="The final report is out.")
    assert counted_reports(client) == (4, True)
    assert counted_reports(client) == (4, False)


def test_a_correction_shows_at_once(client, reported):
    assert counted_reports(client) == (3, True)
    Article.objects.filter(title="Report 0").update(published=datetime.date(2020, 1, 1))
    assert counted_reports(client) == (2, True)


def test_off_it_counts_every_time(client, reported, settings):
    settings.ARCHIVE_VERSION_MEMO = False
    assert counted_reports(client) == (3, True)
    assert counted_reports(client) == (3, True)


ARTICLE_TITLES = '"articles_article"."title"'


def listed(client) -> tuple[list[str], bool]:
    """(the titles listed under the milestone, whether the articles' titles were read)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/timeline/")
    read = any(ARTICLE_TITLES in query["sql"] for query in queries.captured_queries)
    return [report.title for report in the_milestone(response, TITLE).reports], read


def test_the_listed_articles_are_read_once_too_and_a_retitle_shows_at_once(client, reported):
    titles = ["Report 0", "Report 1", "Report 2"]
    assert listed(client) == (titles, True)
    assert listed(client) == (titles, False)
    Article.objects.filter(title="Report 1").update(title="Report one")
    assert listed(client) == (["Report 0", "Report 2", "Report one"], True)

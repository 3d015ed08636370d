"""The timeline's milestones are the same for every reader until the archive changes:
rendered once per archive version in a process (templates/includes/
timeline_milestones.html, archivecache/templatetags/kept.py), and not even looked up
while they are kept. A correction or a load shows on the next request; with
ARCHIVE_VERSION_MEMO off they are rendered every time. Writes are committed."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Milestone
from tests import factories

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.version_memo]

DAY = datetime.date(2022, 5, 23)
ITEM = "includes/milestone_item.html"
MILESTONES_READ = 'FROM "articles_milestone"'


def timeline(client) -> tuple[str, int, bool]:
    """(the page, milestones rendered now, whether the milestones were read now)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/timeline/")
    assert response.status_code == 200
    read = any(MILESTONES_READ in query["sql"] for query in queries.captured_queries)
    return response.text, [t.name for t in response.templates].count(ITEM), read


@pytest.fixture
def milestones(db):
    factories.make_milestone("Final report published", DAY)
    factories.make_milestone("Munro review of child protection", datetime.date(2011, 5, 10))
    factories.make_article("Report out", published=DAY, body="The final report is out.")


def test_rendered_and_read_once_per_version(client, milestones):
    page, rendered, read = timeline(client)
    assert (rendered, read) == (2, True)
    assert "Final report published" in page and "Earlier events" in page
    again, rendered, read = timeline(client)
    assert (rendered, read) == (0, False)
    assert again.count("Final report published") == page.count("Final report published")
    assert "Earlier events" in again


def test_a_correction_shows_at_once(client, milestones):
    timeline(client)
    Milestone.objects.filter(title="Final report published").update(title="Final report out")
    page, rendered, _ = timeline(client)
    assert rendered == 2 and "Final report out" in page
    assert "Final report published" not in page


def test_a_load_shows_at_once(client, milestones):
    page, _, _ = timeline(client)
    assert "Reported in 1 article:" in page
    factories.make_article("Report again", published=DAY, body="The final report is out.")
    page, rendered, _ = timeline(client)
    assert rendered == 2 and "Reported in 2 articles:" in page


def test_rendered_every_time_with_the_memo_off(client, milestones, settings):
    settings.ARCHIVE_VERSION_MEMO = False
    assert timeline(client)[1:] == (2, True)
    assert timeline(client)[1:] == (2, True)

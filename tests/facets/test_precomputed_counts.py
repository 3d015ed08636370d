"""The precomputed facet counts equal a direct count after every kind of write: a load,
admin corrections, rejections, a merge and its undo, with unreviewed records hidden or
shown. Reads go through facetcounts.read, which recounts when the archive changed.

These tests commit their writes (a transactional database): on PostgreSQL the
archive's version changes when a writing transaction commits.
"""

import datetime
import logging

import pytest
from django.contrib.auth.models import AnonymousUser, User
from django.core.management import call_command
from django.db import DatabaseError
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from archivecache.models import ArchiveVersion
from articles.models import Article, Outlet, PersonMention
from curation.merges import merge_recorded, undo_merge
from curation.rejections import reject_mention, reject_record
from facetcounts import after_writes, compute, read
from people.models import Person
from people.services.merge import merge_people
from tests.admin.payloads import article_form
from tests.conftest import HttpsClient
from tests.facets.direct import assert_current, direct_counts

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(params=[False, True], ids=["shown", "hidden"])
def hiding(request, settings):
    settings.ARCHIVE_HIDE_UNREVIEWED = request.param
    return request.param


@pytest.fixture
def loaded(hiding, settings):
    # Small enough that the most covered entities have more articles than the facets'
    # window, so that their dates are precomputed too.
    settings.ARCHIVE_FACET_WINDOW = 2
    call_command("load_articles", str(settings.SEEDS_DIR), verbosity=0)
    assert Article.objects.count() >= 5
    return hiding


@pytest.fixture
def staff_client(db):
    user = User.objects.create_superuser("facet-admin", password="a-long-test-password-4821")
    client = HttpsClient()
    client.force_login(user)
    return client


def test_after_a_load(loaded):
    assert_current()
    counts = direct_counts()
    assert sum(counts["person"].values()) > 0
    assert "person" in {facet for facet, _ in counts["entity_dates"]}
    hidden = Article.objects.filter(needs_review=True).count() if loaded else 0
    assert counts["articles"][""] == Article.objects.count() - hidden


def test_a_load_leaves_the_counts_current_for_its_first_reader(loaded):
    """The load recounts them when it is done: no reader after it waits for a recount."""
    assert compute.is_current(loaded, ArchiveVersion.current())


def test_an_admin_correction_leaves_the_counts_current_for_its_first_reader(loaded, staff_client):
    """The correcting request recounts them once its response is sent."""
    article = Article.objects.order_by("pk").first()
    before = ArchiveVersion.current()
    response = staff_client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form(article, title="A corrected title"),
    )
    assert response.status_code == 302
    assert ArchiveVersion.current() != before
    assert compute.is_current(loaded, ArchiveVersion.current())
    assert_current()


def _respond(method: str, view, user=None):
    """``view`` answered through the middleware for ``user`` (by default a signed-in
    one), as a server would, its response not yet closed (a WSGI server closes it once it
    has sent it)."""
    request = RequestFactory().generic(method, "/anything/")
    request.user = User(username="editor") if user is None else user
    return after_writes.RecountAfterWritesMiddleware(view)(request)


def _renaming_view(request):
    Person.objects.filter(pk=Person.objects.order_by("pk").first().pk).update(name="Renamed")
    return HttpResponse("done")


def test_a_writing_request_recounts_once_its_response_is_closed(loaded):
    response = _respond("POST", _renaming_view)
    assert not compute.is_current(loaded, ArchiveVersion.current())
    response.close()  # fires request_finished
    assert compute.is_current(loaded, ArchiveVersion.current())
    assert_current()


def test_a_reading_request_recounts_nothing(loaded):
    response = _respond("GET", _renaming_view)  # a view that writes on GET, to tell
    response.close()
    assert not compute.is_current(loaded, ArchiveVersion.current())


def test_an_anonymous_writing_request_recounts_nothing(loaded):
    """Only signed-in users change the archive over the web; a stray POST costs nothing."""
    response = _respond("POST", _renaming_view, user=AnonymousUser())
    response.close()
    assert not compute.is_current(loaded, ArchiveVersion.current())


def test_a_failed_recount_is_logged_and_left_to_the_next_reader(loaded, monkeypatch, caplog):
    def failing():
        raise DatabaseError("the database went away")

    monkeypatch.setattr(after_writes, "refresh", failing)
    response = _respond("POST", _renaming_view)
    with caplog.at_level(logging.WARNING, logger="facetcounts.after_writes"):
        response.close()
    assert "the database went away" in caplog.text
    assert not compute.is_current(loaded, ArchiveVersion.current())
    assert_current()


def test_hiding_unreviewed_changes_what_is_counted(loaded, settings):
    """Both modes are counted from the same archive, each honouring its own visibility."""
    Article.objects.filter(pk=Article.objects.order_by("pk").first().pk).update(needs_review=True)
    assert_current()
    settings.ARCHIVE_HIDE_UNREVIEWED = not loaded
    assert_current()


def test_after_removing_a_mention_and_rejecting_a_person(loaded):
    assert_current()
    mention = PersonMention.objects.select_related("person", "article").order_by("pk").first()
    reject_mention(mention)
    assert_current()
    reject_record(Person.objects.order_by("pk").first())
    assert_current()


def test_after_admin_changes_an_outlet_a_bulk_rejection_and_a_deletion(loaded, staff_client):
    assert_current()
    article = Article.objects.order_by("pk").first()
    other = Outlet.objects.exclude(pk=article.outlet_id).first() or Outlet.objects.create(
        name="Another outlet", slug="another-outlet"
    )
    response = staff_client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form(article, outlet=other.pk),
    )
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).outlet_id == other.pk
    assert_current()
    mentions = list(PersonMention.objects.order_by("pk").values_list("pk", flat=True)[:2])
    response = staff_client.post(
        reverse("admin:articles_personmention_changelist"),
        {"action": "reject_mentions", "_selected_action": mentions, "post": "yes"},
    )
    assert response.status_code == 302
    assert not PersonMention.objects.filter(pk__in=mentions).exists()
    assert_current()
    article.delete()  # the admin offers no deletion of articles; the shell can
    assert_current()


def test_after_a_merge_and_its_undo(loaded):
    mentioned = PersonMention.objects.values_list("person", flat=True).distinct().order_by("person")
    survivor, duplicate = Person.objects.filter(pk__in=list(mentioned)[:2]).order_by("pk")
    before = direct_counts()["person"]
    assert_current()
    record = merge_recorded(merge_people, survivor, [duplicate])
    assert_current()
    assert direct_counts()["person"].get(duplicate.slug) is None
    undo_merge(record)
    assert_current()
    assert direct_counts()["person"] == before


def test_stale_counts_are_never_read(loaded):
    """After a write, no row is current until a reader recounts."""
    assert_current()
    Article.objects.order_by("pk").first().delete()
    assert not read.current_rows().exists()
    assert_current()


def test_the_unfiltered_list_shows_the_direct_counts(loaded, client):
    response = client.get("/articles/")
    counts = direct_counts()
    for facet in response.context["facets"]:
        shown = {value.value: value.count for value in facet.values}
        expected = {value: n for value, n in counts[facet.name].items() if n}
        top = sorted(expected.items(), key=lambda item: -item[1])[: len(shown)]
        assert shown == {value: expected[value] for value in shown}, facet.name
        assert sorted(shown.values(), reverse=True) == [n for _, n in top], facet.name
        assert not facet.bounded
    assert response.context["quoted_count"] == counts["has_quotes"]["1"]
    assert response.context["facet_note"] == ""


def test_after_a_restore(loaded, tmp_path):
    """A backup holds the counts with the version they were counted at; after a restore
    into an emptied database they are right."""
    reject_record(Person.objects.order_by("pk").first())
    assert_current()
    backup = tmp_path / "archive.backup"
    call_command("backup_archive", str(backup))
    call_command("flush", interactive=False, verbosity=0)
    assert direct_counts()["articles"][""] == 0
    call_command("restore_archive", str(backup))
    assert Article.objects.exists()
    assert_current()


def test_the_home_pages_key_people_after_a_write(loaded, client):
    client.get("/")
    reject_record(Person.objects.order_by("pk").first())  # the counts are stale now
    shown = {p.slug: p.article_count for p in client.get("/").context["key_people"]}
    counted = {slug: n for slug, n in direct_counts()["person"].items() if n}
    top = sorted(counted.values(), reverse=True)[: len(shown)]
    assert shown and shown == {slug: counted[slug] for slug in shown}
    assert sorted(shown.values(), reverse=True) == top


def test_after_an_article_is_redated(loaded, client):
    """The date counts follow a correction of a date, and the unfiltered list's date
    facet and the timeline's chart show them."""
    article = Article.objects.filter(published__isnull=False).order_by("pk").first()
    assert_current()
    assert "2019" not in client.get("/articles/").text
    Article.objects.filter(pk=article.pk).update(
        published=datetime.date(2019, 3, 4), published_end=datetime.date(2019, 3, 4)
    )
    assert_current()
    in_2019 = sum(
        n for (start, *_), n in direct_counts()["dates"].items() if start and start.year == 2019
    )
    page = client.get("/articles/").text
    assert 'date_from=2019&amp;date_to=2019">2019</a>' in page
    assert f'<span class="count">({in_2019})</span>' in page
    assert "2019" in client.get("/timeline/").text

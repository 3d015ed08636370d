"""What every reader shares, kept per archive version, is found by the machine's other
processes (archivecache.memo's store on disk): another web worker does not work it out
again, a write still shows at once, and newer code never reads what older code kept.
Another process is stood in for by emptying this one's memory (its LocMemCaches).
Writes are committed (the version of PostgreSQL's archive changes at commit)."""

import datetime

import pytest
from django.core.cache import caches

from archivecache import code_digest, memo
from articles.models import Article
from tests.timeline.test_timeline_memo import counted_reports

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.version_memo]


def another_process():
    """This process's kept results and fragments forgotten, as in a worker that has not
    seen them."""
    for alias in (memo.CACHE, memo.OWN_LISTS, "template_fragments"):
        caches[alias].clear()


def test_another_process_finds_what_one_worked_out(client, reported):
    assert counted_reports(client) == (3, True)
    another_process()
    assert counted_reports(client) == (3, False)


def test_without_the_machines_store_another_process_counts_again(client, reported):
    assert counted_reports(client) == (3, True)
    another_process()
    caches[memo.SHARED].clear()
    assert counted_reports(client) == (3, True)


def test_a_write_shows_at_once_in_another_process(client, reported):
    assert counted_reports(client) == (3, True)
    Article.objects.filter(title="Report 0").update(published=datetime.date(2020, 1, 1))
    another_process()
    assert counted_reports(client) == (2, True)
    another_process()
    assert counted_reports(client) == (2, False)


def test_newer_code_does_not_read_what_older_code_kept(client, reported, monkeypatch):
    assert counted_reports(client) == (3, True)
    another_process()
    monkeypatch.setattr(memo, "code_digest", lambda: "newer-code")
    assert counted_reports(client) == (3, True)


def test_the_code_digest_follows_the_code(tmp_path, settings):
    """Any change to a module or a template gives another digest."""
    code_digest.code_digest.cache_clear()
    before = code_digest.code_digest()
    template = tmp_path / "page.html"
    template.write_text("one")
    settings.BASE_DIR = tmp_path
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    code_digest.code_digest.cache_clear()
    only_template = code_digest.code_digest()
    template.write_text("two")
    code_digest.code_digest.cache_clear()
    changed = code_digest.code_digest()
    code_digest.code_digest.cache_clear()
    assert len({before, only_template, changed}) == 3


def test_a_store_that_cannot_be_written_is_no_failed_page(
    client,
    reported,
    settings,
    tmp_path,
    caplog,
):
    """A full disk or a directory the site may not write: the pages are worked out as
    without the store, and a warning says why."""
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("")
    settings.CACHES = {
        **settings.CACHES,
        memo.SHARED: {**settings.CACHES[memo.SHARED], "LOCATION": str(blocked / "store")},
    }
    assert counted_reports(client) == (3, True)
    another_process()
    assert counted_reports(client) == (3, True)
    assert "results cannot be kept in 'shared_results'" in caplog.text

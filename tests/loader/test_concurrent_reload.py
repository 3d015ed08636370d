"""A reload never overwrites a correction saved while it runs.

The editor's save happens on a second database connection (a thread of its
own), at the moment the loader is busy: while it parses the changed file, or
while it writes the article.
"""

import threading

import pytest
from django.db import DatabaseError, connection, transaction

from articles.models import Article
from articles.services import loading
from tests.admin.seeds import copy_seeds, edit_seed, load, seed_article

pytestmark = pytest.mark.django_db(transaction=True)

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks: run with DATABASE_URL=postgres://…"
)
CORRECTED = "Care Review launches the penultimate stage of its work"


def on_another_connection(work):
    """Run ``work`` in a thread, so on a database connection of its own; return its outcome."""
    thread, outcome = start_on_another_connection(work)
    thread.join()
    return outcome


def start_on_another_connection(work):
    """Start ``work`` in a thread of its own; its outcome fills in once the thread ends."""
    outcome = {}

    def run():
        try:
            outcome["result"] = work()
        except Exception as error:  # reported to the test, not lost in the thread
            outcome["error"] = error
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def correct_title(pk: int) -> None:
    article = Article.objects.get(pk=pk)
    article.title = CORRECTED
    article.save()


@pytest.fixture
def seeds(tmp_path):
    folder = copy_seeds(tmp_path)
    load(folder)
    edit_seed(folder, "002", "However, critics have", "However, several critics have")
    return folder


def test_a_correction_saved_while_the_file_is_parsed_is_kept(seeds, monkeypatch):
    pk = seed_article("002").pk
    parse = loading.read_source

    def parse_while_an_editor_saves(*args):
        parsed = parse(*args)
        assert "error" not in on_another_connection(lambda: correct_title(pk))
        return parsed

    monkeypatch.setattr(loading, "read_source", parse_while_an_editor_saves)
    load(seeds)

    article = seed_article("002")
    assert article.title == CORRECTED
    assert "several critics" in article.body
    assert article.corrected_fields() == ["title"]


@postgresql_only
def test_the_article_is_locked_while_the_loader_writes_it(seeds, monkeypatch):
    pk = seed_article("002").pk
    write = loading.write_article
    seen = {}

    def try_to_lock():
        with transaction.atomic():
            Article.objects.select_for_update(nowait=True).filter(pk=pk).first()

    def write_while_an_editor_saves(**kwargs):
        seen.update(on_another_connection(try_to_lock))
        return write(**kwargs)

    monkeypatch.setattr(loading, "write_article", write_while_an_editor_saves)
    load(seeds)

    assert isinstance(seen.get("error"), DatabaseError), seen
    assert "several critics" in seed_article("002").body


@postgresql_only
def test_an_editor_blocked_by_the_loader_saves_after_it_and_keeps_both(seeds, monkeypatch):
    """The editor's save waits for the load's commit, then lands on top of it."""
    pk = seed_article("002").pk
    write = loading.write_article
    editor = {}

    def save_after_the_lock():
        with transaction.atomic():
            Article.objects.select_for_update().filter(pk=pk).first()  # waits for the load
            correct_title(pk)

    def write_while_an_editor_saves(**kwargs):
        editor["thread"], editor["outcome"] = start_on_another_connection(save_after_the_lock)
        return write(**kwargs)

    monkeypatch.setattr(loading, "write_article", write_while_an_editor_saves)
    load(seeds)
    editor["thread"].join()

    assert "error" not in editor["outcome"]

    article = seed_article("002")
    assert article.title == CORRECTED
    assert "several critics" in article.body

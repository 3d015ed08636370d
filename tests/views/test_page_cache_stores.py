"""Where the page cache keeps a page: each process's memory in front of the store on disk
that every worker of the machine shares (archivecache/tiers.py). Another process is
stood in for by emptying this one's memory."""

import pytest
from django.core.cache import caches

from archivecache.middleware import HEADER, PAGE_STORES
from articles.models import Article

pytestmark = [pytest.mark.page_cache, pytest.mark.django_db(transaction=True)]

MEMORY, DISK = PAGE_STORES


def test_a_hit_is_served_from_the_process_memory_without_the_disk(client, archive):
    assert client.get("/articles/")[HEADER] == "miss"
    caches[DISK].clear()
    assert client.get("/articles/")[HEADER] == "hit"


def test_another_process_finds_the_page_on_disk_and_keeps_it_in_memory(client, archive):
    first = client.get("/timeline/")
    caches[MEMORY].clear()
    from_disk = client.get("/timeline/")
    caches[DISK].clear()
    from_memory = client.get("/timeline/")
    assert (first[HEADER], from_disk[HEADER], from_memory[HEADER]) == ("miss", "hit", "hit")
    assert from_disk.content == from_memory.content == first.content


def test_a_write_shows_at_once_though_the_page_is_in_memory(client, archive):
    client.get("/articles/")
    assert client.get("/articles/")[HEADER] == "hit"
    Article.objects.filter(pk=Article.objects.order_by("pk").first().pk).update(
        title="A title written since"
    )
    after = client.get("/articles/")
    assert after[HEADER] == "miss"
    assert "A title written since" in after.content.decode()


def test_a_store_on_disk_that_cannot_be_used_is_no_failed_page(
    client, archive, settings, tmp_path, caplog
):
    """A full disk or a directory the site may not write: the page is rendered, kept in
    memory, and a warning says why."""
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("")
    settings.CACHES = {**settings.CACHES, DISK: {**settings.CACHES[DISK], "LOCATION": str(blocked)}}
    first = client.get("/articles/")
    assert (first.status_code, first[HEADER]) == (200, "miss")
    assert client.get("/articles/")[HEADER] == "hit"
    assert "cannot be kept in 'pages'" in caplog.text

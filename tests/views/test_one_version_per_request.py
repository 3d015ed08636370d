"""A reading request reads the archive's version once (archivecache/version.py); a
request that may write, and code outside requests, read it afresh."""

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from archivecache.version import OneVersionPerRequestMiddleware, current_version
from tests import factories

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.version_memo]

STAMP = 'SELECT stamp FROM "archivecache_archiveversion"'


def test_a_page_that_keeps_several_results_reads_the_version_once(client, settings):
    settings.ARCHIVE_FACET_WINDOW = 2
    ray = factories.make_person("Ray Jones")
    for n in range(4):
        factories.make_article(f"Story {n}", body="-", people=[ray])
    client.get("/people/ray-jones/")  # counts the stored counts, which reads the version
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/people/ray-jones/?page=1").status_code == 200
    stamps = [query for query in queries.captured_queries if query["sql"].startswith(STAMP)]
    assert len(stamps) == 1


def seen_across_a_write(method: str) -> tuple[str, str]:
    """The versions a request of ``method`` sees before and after a write made in it."""
    factories.make_article("Written before", body="-")  # the archive has a version
    assert current_version() is not None
    seen = []

    def view(request):
        seen.append(current_version())
        factories.make_article("Written meanwhile", body="-")
        seen.append(current_version())
        return HttpResponse()

    OneVersionPerRequestMiddleware(view)(getattr(RequestFactory(), method)("/"))
    return tuple(seen)


def test_a_reading_request_keeps_the_version_it_read_first():
    before, after = seen_across_a_write("get")
    assert before == after
    assert current_version() != before  # released with the response


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_a_request_that_may_write_reads_it_afresh(method):
    before, after = seen_across_a_write(method)
    assert before != after

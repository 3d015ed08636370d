"""A recount of the precomputed facets costs a fixed number of queries, whatever the size
of the archive, and only the first reader after a write pays it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from facetcounts import compute, read
from facetcounts.models import EntityCount
from tests import factories

pytestmark = pytest.mark.django_db


def _recount_queries() -> int:
    EntityCount.objects.all().delete()  # as stale as after a write, on either database
    with CaptureQueriesContext(connection) as queries:
        assert compute.refresh()
    assert read.current_rows().exists()
    return len(queries)


def test_a_recount_costs_the_same_at_any_size():
    archive = factories.build_archive(articles=30, people=20)
    small = _recount_queries()
    factories.add_articles(archive, 120)
    assert _recount_queries() == small


def test_current_counts_are_not_recounted():
    factories.build_archive(articles=10, people=5)
    compute.refresh()
    before = set(EntityCount.objects.values_list("pk", flat=True))
    compute.refresh()
    assert set(EntityCount.objects.values_list("pk", flat=True)) == before


def test_only_the_first_page_after_a_write_recounts(client):
    factories.build_archive(articles=10, people=5)
    EntityCount.objects.all().delete()
    with CaptureQueriesContext(connection) as first:
        assert client.get("/articles/").status_code == 200
    with CaptureQueriesContext(connection) as second:
        assert client.get("/articles/").status_code == 200
    assert len(first) > len(second)
    assert sum("INSERT INTO" in q["sql"] for q in first.captured_queries) >= 4
    assert not any("INSERT INTO" in q["sql"] for q in second.captured_queries)

"""A word that nearly every article contains is still read from the GIN index.

Given the query as a constant, PostgreSQL estimates that every row matches and scans
the table, unpacking each stored vector; the search hides the constant behind a
sub-select so that the plan uses the index (docs/performance.md).
"""

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection

from articles import search
from articles.models import Article
from tests import factories
from tests.views.helpers import postgresql_only

pytestmark = [pytest.mark.django_db, postgresql_only]

GIN_INDEX = "articles_article_search_vector_gin"


@pytest.fixture
def every_article_mentions_children(db):
    outlet = factories.make_outlet()
    Article.objects.bulk_create(
        Article(
            outlet=outlet,
            title=f"Report {index}",
            slug=f"report-{index}",
            body=f"Children in care, report {index}, on placements and family help.",
            source_file=f"report_{index}.txt",
            source_key=f"report_{index}.txt",
            sha256=f"{index:064d}",
            source_text="",
        )
        for index in range(2000)
    )
    with connection.cursor() as cursor:
        # Move the new entries from the index's pending list into the index proper, as
        # autovacuum would, and gather the planner's statistics.
        cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [GIN_INDEX])
        cursor.execute("ANALYZE articles_article")


def test_a_constant_query_for_a_common_word_scans_the_table(every_article_mentions_children):
    constant = SearchQuery("children", search_type="websearch", config=search.CONFIG)
    plan = Article.objects.filter(search_vector=constant).explain()
    assert GIN_INDEX not in plan, plan


def test_the_search_reads_a_common_word_from_the_index(every_article_mentions_children):
    matching = search.filter_matching(Article.objects.all(), "children")
    assert GIN_INDEX in matching.explain()
    assert matching.count() == 2000


def test_facet_counts_read_the_matches_from_the_index(every_article_mentions_children):
    matching = search.filter_matching(Article.objects.all(), "children")
    plan = Article.objects.filter(pk__in=matching.values("pk")).values("kind").explain()
    assert GIN_INDEX in plan

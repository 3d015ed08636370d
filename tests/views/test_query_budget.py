"""Every page costs a fixed number of queries, whatever the size of the archive.

Each page is requested on a generated archive of 30 articles, then again after it
grew to 300 articles (50 people): the query count must not change, and must stay
within the page's budget.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import exports
from articles.views import browse
from tests import factories

pytestmark = pytest.mark.django_db

# Page -> most queries allowed. List pages: up to 4 slug look-ups for the filters, the
# count, the page, 5 facets and the quoted count. Person, organisation and body pages add
# two for their mentions in context (the count and the page).
BUDGETS = {
    "/": 7,
    "/articles/": 8,
    "/articles/?person={person}&organisation={organisation}&review_body={body}"
    "&outlet={outlet}&kind=news&has_quotes=1&date_from=2021&sort=oldest": 12,
    "/articles/?q=Article": 10,  # + every name and alias, the review bodies
    "/articles/?q={person_name}": 11,  # + the counts of the names matched
    "/articles/{article}/": 7,
    "/articles/{article}/source/": 2,  # the article, its source versions
    "/people/": 2,
    "/people/{person}/": 16,
    "/people/{person}/?outlet={outlet}&kind=opinion": 17,
    "/people/{person}/?mentions_page=2": 16,
    "/organisations/": 2,
    "/organisations/{organisation}/": 12,
    "/review-bodies/": 1,
    "/review-bodies/{body}/": 13,
    "/outlets/": 1,
    "/outlets/{outlet}/": 9,
    "/timeline/": 6,  # milestones, their sources, date-and-topic matches, their articles, chart
    "/articles/feed/?person={person}": 2,
    "/sitemap.xml": 6,
    "/sitemap-articles.xml": 2,
    "/sitemap-people.xml": 2,
}


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(queries)


def test_page_costs_do_not_grow_with_the_archive(client):
    archive = factories.build_archive(articles=30, people=50)
    # Reported by every article of its first week, by date and topic ("review").
    factories.make_milestone("Review announced", datetime.date(2021, 1, 1))
    factories.make_milestone("Earlier review published", datetime.date(2011, 6, 1))
    names = {
        "person": archive.people[0].slug,
        "organisation": archive.organisations[0].slug,
        "body": archive.review_bodies[0].slug,
        "outlet": archive.outlets[0].slug,
        "article": archive.articles[0].slug,
        "person_name": archive.people[0].name.replace(" ", "+"),
    }
    urls = {pattern.format(**names): budget for pattern, budget in BUDGETS.items()}
    small = {url: count_queries(client, url) for url in urls}
    factories.add_articles(archive, 270)
    large = {url: count_queries(client, url) for url in urls}
    assert large == small
    over = {url: (count, urls[url]) for url, count in large.items() if count > urls[url]}
    assert not over, f"over budget (queries, budget): {over}"


def test_list_page_budget_with_django_assert(client, django_assert_max_num_queries):
    archive = factories.build_archive(articles=300, people=50)
    person = archive.people[0].slug
    with django_assert_max_num_queries(9):
        response = client.get(f"/articles/?person={person}")
    assert response.status_code == 200
    assert len(response.context["articles"]) == browse.PAGE_SIZE
    assert response.context["page_obj"].paginator.count == 150


def test_exports_cost_a_fixed_number_of_queries_per_chunk(client, monkeypatch):
    monkeypatch.setattr(exports, "CHUNK_SIZE", 50)
    factories.build_archive(articles=200, people=50)
    # The rows in one query read in chunks, then per chunk of 50 one query per kind of
    # mention: 1 + 4 * 3.
    assert count_queries(client, "/articles/?format=csv") == 1 + 4 * 3
    assert count_queries(client, "/articles/?format=json") == 1 + 4 * 3

"""Every page costs a fixed number of queries, whatever the size of the archive.

Each page is requested on a generated archive of 30 articles, then again after it
grew to 300 articles (50 people): the query count must not change, and must stay
within the page's budget.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import browsing as browse
from articles.exports import article_rows as exports
from articles.models import Quote
from facetcounts import compute
from tests import factories

pytestmark = pytest.mark.django_db

# Page -> most queries allowed. List pages: up to 4 slug look-ups for the filters, the
# count, the page, 5 facets and the quoted count, then 2 for the coverage chart and the
# date facet (one grouped count they share, and the milestones). Person, organisation,
# body and outlet pages add two for their mentions in context (the count and the page);
# a person's page one for the people mentioned with them (over all of the person's
# articles, once per archive version: the memo is off in tests, so it is counted here).
BUDGETS = {
    "/": 7,
    "/articles/": 5,  # the count, the page, the precomputed facets, the chart's two
    "/articles/?person={person}&organisation={organisation}&review_body={body}"
    "&outlet={outlet}&kind=news&has_quotes=1&date_from=2021&sort=oldest": 14,
    # + every name and alias, the review bodies, the ranking's ids (kept per version
    # outside tests) beside the page's rows; SQLite: snippets
    "/articles/?q=Article": 14,
    "/articles/?q={person_name}": 15,  # + the counts of the names matched
    "/articles/{article}/": 7,
    "/articles/{article}/source/": 2,  # the article, its source versions
    "/people/": 2,
    "/people/{person}/": 18,
    "/people/{person}/?outlet={outlet}&kind=opinion": 19,
    "/people/{person}/?mentions_page=2": 18,
    "/organisations/": 2,
    "/organisations/{organisation}/": 14,
    "/review-bodies/": 2,  # the count for the paging, the page
    "/review-bodies/{body}/": 15,
    "/outlets/": 2,
    "/outlets/{outlet}/": 13,
    "/outlets/{outlet}/?mentions_page=2": 13,
    "/timeline/": 5,  # milestones, their reports counted and picked, their articles, chart
    # The look-ups of the four compared (one per kind), their grouped count, the milestones.
    "/compare/?person={person}&organisation={organisation}&review_body={body}&outlet={outlet}": 6,
    "/compare/": 1,  # the people suggested for a first comparison
    "/articles/feed/?person={person}": 2,
    "/quotes/": 8,
    "/quotes/?speaker={person}&person={person}&organisation={organisation}&review_body={body}"
    "&outlet={outlet}&date_from=2021&date_to=2023&q=listen": 12,
    "/quotes/{quote}/": 1,
    "/quotes/{quote}/?format=json": 2,
    "/quotes/?speaker={person}&format=csv": 2,  # the slug, the rows
    "/quotes/?format=json": 2,  # the rows, the count
    "/people/?format=json": 2,
    "/organisations/?format=json": 2,
    "/review-bodies/?format=json": 2,
    "/outlets/?format=json": 2,
    "/timeline/?format=json": 3,  # milestones, their reports counted and picked, articles
    # The person (3 queries), their quote count, the article count, rows, 4 per chunk, and
    # the 2 of the mentions in context the page computes for its HTML as well.
    "/people/{person}/?format=json": 12,
    "/articles/{article}/?format=json": 7,
    "/articles/{article}/?format=ris": 6,
    "/articles/?person={person}&date_from=2021&format=bibtex": 6,
    "/articles/?format=csljson": 5,
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
        "quote": Quote.objects.order_by("pk").first().pk,
        "person_name": archive.people[0].name.replace(" ", "+"),
    }
    urls = {pattern.format(**names): budget for pattern, budget in BUDGETS.items()}
    # The first page to read the precomputed facet counts after a write recounts them:
    # a fixed number of queries of its own (tests/facets/test_refresh_cost.py).
    compute.refresh()
    small = {url: count_queries(client, url) for url in urls}
    factories.add_articles(archive, 270)
    compute.refresh()
    large = {url: count_queries(client, url) for url in urls}
    assert large == small
    over = {url: (count, urls[url]) for url, count in large.items() if count > urls[url]}
    assert not over, f"over budget (queries, budget): {over}"


def test_list_page_budget_with_django_assert(client, django_assert_max_num_queries):
    archive = factories.build_archive(articles=300, people=50)
    person = archive.people[0].slug
    with django_assert_max_num_queries(11):
        response = client.get(f"/articles/?person={person}")
    assert response.status_code == 200
    assert len(response.context["articles"]) == browse.PAGE_SIZE
    assert response.context["page_obj"].paginator.count == 150


def test_exports_cost_a_fixed_number_of_queries_per_chunk(client, monkeypatch):
    monkeypatch.setattr(exports, "CHUNK_SIZE", 50)
    factories.build_archive(articles=200, people=50)
    # The rows in one query read in chunks, then per chunk of 50 one query per kind of
    # mention and one for the quotes: 1 + 4 * 4; JSON also counts the list.
    assert count_queries(client, "/articles/?format=csv") == 1 + 4 * 4
    assert count_queries(client, "/articles/?format=json") == 2 + 4 * 4


def test_quotes_index_budget_with_django_assert(client, django_assert_max_num_queries):
    archive = factories.build_archive(articles=300, people=50)
    speaker = archive.people[0].slug
    with django_assert_max_num_queries(9):
        response = client.get(f"/quotes/?speaker={speaker}&date_from=2021")
    assert response.status_code == 200
    assert (
        response.context["page_obj"].paginator.count
        == Quote.public.filter(
            speaker__slug=speaker, article__published_end__gte="2021-01-01"
        ).count()
    )

"""A person's and a review body's memberships are read with what their pages show of
them (the other side's name and link, the role, the source article's title and link),
so more memberships cost no more queries and each one shows in full."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from people.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db


def page(client, url: str) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode(), len(queries)


def test_more_memberships_cost_no_more_queries(client):
    board = factories.make_review_body("Experts Board", purpose="Advises the review.")
    ray = factories.make_person("Ray Jones")
    first = factories.make_article("Board named")
    factories.make_membership(ray, board, role=Membership.CHAIR, source_article=first)
    counts, sources = {}, []
    for size in (1, 4):
        for n in range(len(counts) and 3):
            member = factories.make_person(f"Member {n}")
            sources.append(factories.make_article(f"Member {n} joins"))
            factories.make_membership(member, board, source_article=sources[-1])
        body_page, body_queries = page(client, "/review-bodies/experts-board/")
        person_page, person_queries = page(client, "/people/ray-jones/")
        counts[size] = body_queries, person_queries
    assert counts[1] == counts[4]
    for n in range(3):
        assert f'<a href="/people/member-{n}/">Member {n}</a>' in body_page
        source = sources[n].get_absolute_url()
        assert f'<a href="{source}">Member {n} joins</a>' in body_page
    assert '<a href="/review-bodies/experts-board/">Experts Board</a>' in person_page
    assert f'<a href="{first.get_absolute_url()}">Board named</a>' in person_page

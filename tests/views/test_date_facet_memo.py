"""The date facet of a list that every reader shares (the whole archive's, one
entity's) is counted once per archive version in a process and per chosen year
(articles.coverage.date_facet_counts); a write shows on the next request, and a list of
its own (a search) is counted once per version by its filters (articles/list_memo.py).
Writes are committed: the version changes at commit."""

import datetime
import re

import pytest

from articles import coverage
from tests import factories

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.version_memo]


@pytest.fixture
def ray():
    ray = factories.make_person("Ray Jones")
    for year, month in ((2021, 3), (2021, 5), (2022, 1)):
        factories.make_article(
            f"Review story {year}-{month}", published=datetime.date(year, month, 2), people=[ray]
        )
    return ray


@pytest.fixture
def counting(monkeypatch):
    """How many times the date rows were counted into years and months."""
    calls = []
    real = coverage.count_overlaps

    def spy(rows, months_of=None):
        calls.append(months_of)
        return real(rows, months_of)

    monkeypatch.setattr(coverage, "count_overlaps", spy)
    return calls


LIST = re.compile(r'<ul class="histogram( months)?"[^>]*>(.*?)</ul>', re.S)
BUCKET = re.compile(r'>([^<>]+)</(?:a|span)> <svg[^>]*>.*?</svg> <span class="count">\((\d+)\)')


def facet(client, url: str) -> tuple[dict[str, int], dict[str, int]]:
    """(the date facet's count per year, per month of the chosen year where one is)."""
    response = client.get(url)
    assert response.status_code == 200, url
    found = {"": {}, " months": {}}
    for kind, items in LIST.findall(response.text):
        found[kind] = {label: int(n) for label, n in BUCKET.findall(items) if int(n)}
    return found[""], found[" months"]


@pytest.mark.parametrize("url", ["/articles/", "/articles/?person=ray-jones", "/people/ray-jones/"])
def test_counted_once_per_version_and_a_load_shows_at_once(client, ray, counting, url):
    assert facet(client, url) == ({"2021": 2, "2022": 1}, {})
    assert facet(client, url) == ({"2021": 2, "2022": 1}, {})
    assert len(counting) == 1
    factories.make_article("Review story 2022-6", published=datetime.date(2022, 6, 2), people=[ray])
    assert facet(client, url) == ({"2021": 2, "2022": 2}, {})
    assert len(counting) == 2


def test_each_chosen_year_has_its_months(client, ray, counting):
    url = "/articles/?person=ray-jones&date_from={0}&date_to={0}"
    assert facet(client, url.format(2021)) == ({"2021": 2, "2022": 1}, {"March": 1, "May": 1})
    assert facet(client, url.format(2022)) == ({"2021": 2, "2022": 1}, {"January": 1})
    assert facet(client, url.format(2021))[1] == {"March": 1, "May": 1}
    assert counting == [2021, 2022]


def test_a_search_is_counted_once_per_version_by_its_filters(client, ray, counting):
    first = facet(client, "/articles/?q=review")
    assert facet(client, "/articles/?q=review&sort=oldest") == first
    assert len(counting) == 1
    facet(client, "/articles/?q=story")
    assert len(counting) == 2
    factories.make_article("Review story 9", published=datetime.date(2023, 9, 2))
    assert facet(client, "/articles/?q=review") != first
    assert len(counting) == 3

"""The facets of a list that every reader shares (the whole archive's, one entity's)
are rendered once per archive version in a process (includes/article_browser.html,
Django's cache tag): every page and order of that list shows them, a write shows on
the next request, and a list of its own (a second filter, a search) renders its facets
every time. Writes are committed: the version changes at commit."""

import re

import pytest

from tests import factories

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.version_memo]

FACET = "includes/facet_list.html"
PEOPLE = re.compile(r'<fieldset id="facet-person">(.*?)</fieldset>', re.S)
VALUE = re.compile(r'value="([^"]+)"[^>]*>\s*<label[^>]*>[^<]*<span class="count">\((\d+)\)')


def facets(client, url: str) -> tuple[dict[str, int], bool]:
    """(the people facet's counts, whether the facets were rendered now)."""
    response = client.get(url)
    assert response.status_code == 200, url
    [people] = PEOPLE.findall(response.text)
    counts = {value: int(count) for value, count in VALUE.findall(people)}
    return counts, FACET in [template.name for template in response.templates]


@pytest.fixture
def ray():
    ray, sam = factories.make_person("Ray Jones"), factories.make_person("Sam Patel")
    for n in range(3):
        factories.make_article(f"Review story {n}", body="-", people=[ray, sam] if n else [ray])
    return ray


@pytest.mark.parametrize("url", ["/articles/", "/articles/?person=ray-jones", "/people/ray-jones/"])
def test_rendered_once_per_version_and_a_load_shows_at_once(client, ray, url):
    counts = {"ray-jones": 3, "sam-patel": 2}
    assert facets(client, url) == (counts, True)
    assert facets(client, url) == (counts, False)
    assert facets(client, f"{url}{'&' if '?' in url else '?'}sort=oldest") == (counts, False)
    factories.make_article("Review story 3", body="-", people=[ray])
    assert facets(client, url) == ({"ray-jones": 4, "sam-patel": 2}, True)


def test_each_shared_list_has_its_own(client, ray):
    assert facets(client, "/articles/?person=ray-jones")[1]
    assert facets(client, "/articles/?person=sam-patel") == (
        {"ray-jones": 2, "sam-patel": 2},
        True,
    )
    assert facets(client, "/people/ray-jones/")[1]


@pytest.mark.parametrize(
    "url", ["/articles/?person=ray-jones&person=sam-patel", "/articles/?q=review"]
)
def test_a_list_of_its_own_renders_its_facets_every_time(client, ray, url):
    assert facets(client, url)[1]
    assert facets(client, url)[1]

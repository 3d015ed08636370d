"""What is kept per archive version (archivecache.memo and the rendered fragments) is
kept apart for each visibility: switching ``ARCHIVE_HIDE_UNREVIEWED`` hides an
unreviewed article from every list at once, its count, facets, date facet and card,
with no write in between. Writes are committed: the version changes at commit."""

import datetime
import re

import pytest

from tests import factories

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.version_memo]

HEADING = re.compile(r'<h2 id="results-heading">(\d+) articles?')
PEOPLE = re.compile(r'<fieldset id="facet-person">(.*?)</fieldset>', re.S)
VALUE = re.compile(r'value="([^"]+)"[^>]*>\s*<label[^>]*>[^<]*<span class="count">\((\d+)\)')
YEARS = re.compile(r'<ul class="histogram">(.*?)</ul>', re.S)
YEAR = re.compile(r'>(\d{4})</(?:a|span)> <svg[^>]*>.*?</svg> <span class="count">\((\d+)\)')


def seen(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, url
    page = response.text
    [people] = PEOPLE.findall(page)
    [years] = YEARS.findall(page)
    return {
        "count": int(HEADING.search(page).group(1)),
        "people": {value: int(count) for value, count in VALUE.findall(people)},
        "years": {year: int(count) for year, count in YEAR.findall(years)},
        "unchecked card": "Unchecked story" in page,
    }


@pytest.mark.parametrize("url", ["/articles/", "/articles/?person=ray-jones", "/people/ray-jones/"])
def test_switching_visibility_shows_at_once(client, settings, url):
    ray, sam = factories.make_person("Ray Jones"), factories.make_person("Sam Patel")
    factories.make_article("Checked story", people=[ray, sam], published=datetime.date(2021, 3, 2))
    factories.make_article(
        "Unchecked story", people=[ray], published=datetime.date(2022, 3, 2), needs_review=True
    )
    assert seen(client, url) == {
        "count": 2,
        "people": {"ray-jones": 2, "sam-patel": 1},
        "years": {"2021": 1, "2022": 1},
        "unchecked card": True,
    }
    settings.ARCHIVE_HIDE_UNREVIEWED = True
    assert seen(client, url) == {
        "count": 1,
        "people": {"ray-jones": 1, "sam-patel": 1},
        "years": {"2021": 1},
        "unchecked card": False,
    }

"""What every public page must have, read from its HTML: one h1, unique ids, a skip
link to main, landmarks, a label for every form control and only escaped markup."""

import datetime
from collections import Counter
from html.parser import HTMLParser

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


class PageReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: Counter = Counter()
        self.ids: list[str] = []
        self.label_targets: set[str] = set()
        self.controls: list[dict] = []
        self.skip_target = None
        self.html_lang = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags[tag] += 1
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag == "html":
            self.html_lang = attributes.get("lang")
        if tag == "label" and "for" in attributes:
            self.label_targets.add(attributes["for"])
        if tag in ("input", "select", "textarea") and attributes.get("type") != "hidden":
            self.controls.append(attributes)
        if tag == "a" and "skip-link" in (attributes.get("class") or ""):
            self.skip_target = attributes.get("href")


def read(response) -> PageReader:
    reader = PageReader()
    reader.feed(response.text)
    return reader


@pytest.fixture
def urls(archive):
    factories.make_milestone("Final report", datetime.date(2022, 5, 23), articles=[archive.spring])
    article = archive.penultimate.get_absolute_url()
    return [
        "/",
        "/articles/",
        "/articles/?person=ian-dickson&q=stage&date_from=2021",
        "/articles/?person=nobody",
        article,
        f"{article}source/",
        "/people/",
        "/people/ian-dickson/",
        "/organisations/",
        "/organisations/department-for-education/",
        "/review-bodies/",
        "/review-bodies/experts-by-experience-board/",
        "/outlets/",
        "/outlets/cyp-now/",
        "/timeline/",
        "/no-such-page/",
    ]


def test_every_page_has_the_basic_structure(client, urls):
    for url in urls:
        response = client.get(url)
        page = read(response)
        assert page.html_lang == "en-GB", url
        assert page.tags["h1"] == 1, url
        assert page.tags["main"] == 1 and page.tags["header"] >= 1 and page.tags["footer"] >= 1
        assert page.skip_target == "#main" and "main" in page.ids, url
        duplicates = [name for name, count in Counter(page.ids).items() if count > 1]
        assert not duplicates, (url, duplicates)
        unlabelled = [c for c in page.controls if c.get("id") not in page.label_targets]
        assert not unlabelled, (url, unlabelled)
        assert page.tags["title"] >= 1, url


def test_every_page_links_the_stylesheet_through_static(client, urls):
    for url in urls:
        assert '<link rel="stylesheet" href="/static/css/archive.css">' in client.get(url).text

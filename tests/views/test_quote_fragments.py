"""/quotes/: every quote's facets and each quote are the same for every reader until the
archive changes, so rendered once per archive version (templates/quotes/quote_list.html,
archivecache/templatetags/kept.py). A filtered list's facets are rendered every time; a
correction of a quote or of its speaker shows on the next request. Writes are committed."""

import datetime

import pytest

from articles.models import Quote
from tests import factories

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.version_memo]

FACETS = "includes/facet_list.html"
QUOTE = "includes/quote_item.html"


def rendered(client, url: str) -> tuple[str, int, int]:
    """(the page, facets rendered now, quotes rendered now)."""
    response = client.get(url)
    assert response.status_code == 200, url
    names = [t.name for t in response.templates]
    return response.text, names.count(FACETS), names.count(QUOTE)


@pytest.fixture
def quotes(db):
    speaker = factories.make_person("Josh MacAlister")
    outlet = factories.make_outlet("Community Care")
    article = factories.make_article(
        "Review calls for reset", outlet=outlet, published=datetime.date(2022, 5, 23)
    )
    factories.make_quote(article, "We need a radical reset.", speaker=speaker)
    factories.make_quote(article, "Families need help early.", speaker=speaker)
    return speaker


def test_every_quotes_facets_and_quotes_rendered_once_per_version(client, quotes):
    page, facets, items = rendered(client, "/quotes/")
    assert facets > 0 and items == 2
    again, facets_again, items_again = rendered(client, "/quotes/")
    assert (facets_again, items_again) == (0, 0)
    assert again.count("We need a radical reset.") == page.count("We need a radical reset.") == 1
    assert again.count('<input type="checkbox"') == page.count('<input type="checkbox"')


def test_a_filtered_lists_facets_every_time_its_quotes_kept(client, quotes):
    rendered(client, "/quotes/")
    url = "/quotes/?speaker=josh-macalister"
    for _ in range(2):
        page, facets, items = rendered(client, url)
        assert facets > 0 and items == 0
        assert 'value="josh-macalister" id="f-speaker-1" checked' in page


def test_a_correction_of_a_quote_or_its_speaker_shows_at_once(client, quotes):
    rendered(client, "/quotes/")
    Quote.objects.filter(text="We need a radical reset.").update(text="We need a reset.")
    page, _, items = rendered(client, "/quotes/")
    assert items == 2 and "We need a reset." in page
    quotes.name = "Josh Mac Alister"
    quotes.save()
    page, _, items = rendered(client, "/quotes/")
    assert items == 2 and page.count(">Josh Mac Alister</a>") == 2

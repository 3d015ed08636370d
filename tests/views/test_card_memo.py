"""An article's card is the same for every reader and list until the archive changes:
rendered once per archive version in a process (templates/includes/article_card.html,
Django's cache tag). A correction of the article or of its outlet shows on the next
request; a search's cards, with their excerpts, are rendered every time around their
kept titles and meta lines; nothing is
kept with ARCHIVE_VERSION_MEMO off. Writes are committed: the version changes at commit."""

import datetime

import pytest

from tests import factories

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.version_memo]

CARD = "includes/article_card_content.html"
HEAD = "includes/article_card_head.html"


def cards(client, url: str) -> tuple[str, int]:
    """(the page, how many cards were rendered now)."""
    response = client.get(url)
    assert response.status_code == 200, url
    return response.text, [t.name for t in response.templates].count(CARD)


@pytest.fixture
def story():
    outlet = factories.make_outlet("Community Care")
    dated = {"outlet": outlet, "published": datetime.date(2022, 5, 23)}
    factories.make_article("Review backs family help", body="Family help.", **dated)
    return factories.make_article("Review hears from children", body="Heard.", **dated)


def test_rendered_once_for_every_list_that_shows_it(client, story):
    assert cards(client, "/articles/")[1] == 2
    assert cards(client, "/articles/")[1] == 0
    assert cards(client, "/articles/?sort=oldest")[1] == 0
    page, rendered = cards(client, "/")
    assert rendered == 0 and "Review hears from children" in page


def test_a_correction_of_the_article_or_its_outlet_shows_at_once(client, story):
    cards(client, "/articles/")
    story.title = "Review hears from young people"
    story.save()
    page, rendered = cards(client, "/articles/")
    assert rendered == 2 and "Review hears from young people" in page
    story.outlet.name = "Community Care Online"
    story.outlet.save()
    page, rendered = cards(client, "/articles/")
    assert rendered == 2 and page.count(">Community Care Online</a>") == 2


def heads(client, url: str) -> tuple[str, int]:
    """(the page, how many cards' titles and meta lines were rendered now)."""
    response = client.get(url)
    assert response.status_code == 200, url
    return response.text, [t.name for t in response.templates].count(HEAD)


def test_a_search_renders_its_cards_excerpts_every_time_around_their_kept_heads(client, story):
    cards(client, "/articles/")
    for _ in range(2):
        page, rendered = cards(client, "/articles/?q=heard")
        assert rendered == 1 and '<p class="excerpt">' in page
    assert heads(client, "/articles/?q=heard")[1] == 0
    story.title = "Review heard young people"
    story.save()
    page, rendered = heads(client, "/articles/?q=heard")
    assert rendered == 1 and ">Review heard young people</a>" in page
    assert '<p class="excerpt">' in page and "<mark>" in page


def test_nothing_is_kept_with_the_memo_off(client, story, settings):
    settings.ARCHIVE_VERSION_MEMO = False
    assert cards(client, "/articles/")[1] == 2
    assert cards(client, "/articles/")[1] == 2

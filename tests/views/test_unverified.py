"""Records still awaiting review are marked on the public pages, or hidden by a setting."""

import datetime
from types import SimpleNamespace

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed(db):
    """One checked article naming a known person; one unchecked one naming a discovered name."""
    known = factories.make_person("Josh MacAlister")
    discovered = factories.make_person("The Big Ask", needs_review=True)
    organisation = factories.make_organisation("Survey Ltd", needs_review=True)
    checked = factories.make_article(
        "Checked article",
        published=datetime.date(2021, 4, 19),
        people=[known, discovered],
        organisations=[organisation],
    )
    unchecked = factories.make_article(
        "Unchecked article",
        outlet=factories.make_outlet("Unknown outlet"),
        published=datetime.date(2022, 5, 1),
        people=[known],
        needs_review=True,
        review_reason="unknown outlet “Unknown outlet”",
    )
    return SimpleNamespace(
        checked=checked,
        unchecked=unchecked,
        known=known,
        discovered=discovered,
        organisation=organisation,
    )


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_unreviewed_records_carry_an_unverified_badge(client, mixed):
    home = page(client, reverse("articles:home"))
    assert home.count('class="unverified"') == 1  # the unchecked article's card only
    article = page(client, mixed.unchecked.get_absolute_url())
    assert "not yet checked by the archive's staff" in article
    checked = page(client, mixed.checked.get_absolute_url())
    assert "unverified" not in checked.split("<main")[1].split("Mentioned")[0]
    person = page(client, mixed.discovered.get_absolute_url())
    assert "whether it is a person at all" in person
    assert "whether it is a person at all" not in page(client, mixed.known.get_absolute_url())
    people = page(client, reverse("people:person-list"))
    assert people.count('class="unverified"') == 1
    assert 'class="unverified"' in page(client, reverse("people:organisation-list"))


def test_the_setting_hides_unreviewed_articles_and_discovered_names(client, mixed, settings):
    settings.ARCHIVE_HIDE_UNREVIEWED = True

    assert client.get(mixed.unchecked.get_absolute_url()).status_code == 404
    assert client.get(mixed.discovered.get_absolute_url()).status_code == 404
    assert client.get(mixed.organisation.get_absolute_url()).status_code == 404
    listing = page(client, reverse("articles:article-list"))
    assert "Checked article" in listing and "Unchecked article" not in listing
    assert "The Big Ask" not in listing  # nor in the facets
    home = page(client, reverse("articles:home"))
    assert "Unchecked article" not in home and "Unknown outlet" not in home
    article = page(client, mixed.checked.get_absolute_url())
    assert "Josh MacAlister" in article and "The Big Ask" not in article
    assert "Survey Ltd" not in article
    people = page(client, reverse("people:person-list"))
    assert "The Big Ask" not in people
    factories.make_quote(mixed.checked, "We asked.", speaker=mixed.discovered)
    article = page(client, mixed.checked.get_absolute_url())
    assert "We asked." in article and "The Big Ask" not in article
    assert "Unattributed" in article
    assert "Unchecked article" not in page(client, mixed.known.get_absolute_url())
    feed = page(client, reverse("articles:article-feed"))
    assert "Unchecked article" not in feed
    sitemap = page(client, reverse("sitemap-section", args=["articles"]))
    assert mixed.unchecked.slug not in sitemap and mixed.checked.slug in sitemap


def test_without_the_setting_everything_is_shown(client, mixed):
    assert client.get(mixed.unchecked.get_absolute_url()).status_code == 200
    assert "Unchecked article" in page(client, reverse("articles:article-list"))

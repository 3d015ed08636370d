"""An admin form never throws away or rewrites what an editor typed without saying so."""

import pytest
from django.urls import reverse

from .factories import make_article
from .payloads import article_form

pytestmark = pytest.mark.django_db


def post(client, article, **changes):
    return client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form(article, **changes),
        follow=True,
    )


def test_a_date_with_precision_unknown_is_refused_not_thrown_away(editor_client):
    article = make_article(published=None, published_precision="unknown")
    response = post(editor_client, article, published="2021-03-15", published_precision="unknown")
    assert response.status_code == 200
    assert "with precision “Unknown” the date would be thrown away" in response.content.decode()
    assert "changed successfully" not in response.content.decode()
    article.refresh_from_db()
    assert (article.published, article.published_precision) == (None, "unknown")


def test_a_precision_without_a_date_is_refused(editor_client):
    article = make_article(published=None, published_precision="unknown")
    response = post(editor_client, article, published="", published_precision="month")
    assert "Give the date, or set its precision to “Unknown”." in response.content.decode()
    article.refresh_from_db()
    assert article.published_precision == "unknown"


def test_a_day_inside_a_coarser_date_is_kept_with_a_warning(editor_client):
    article = make_article(published=None, published_precision="unknown")
    response = post(editor_client, article, published="2021-03-15", published_precision="month")
    page = response.content.decode()
    assert "changed successfully" in page
    assert "is kept as “March 2021” (precision month), stored as its first day, 2021-03-01" in page
    article.refresh_from_db()
    assert article.date_display == "March 2021"


def test_a_day_that_starts_no_season_is_refused(editor_client):
    article = make_article()
    response = post(editor_client, article, published="2022-04-01", published_precision="season")
    assert "does not start a season" in response.content.decode()
    article.refresh_from_db()
    assert article.published_precision == "day"


def test_an_exact_date_saves_without_a_warning(editor_client):
    article = make_article(published=None, published_precision="unknown")
    response = post(editor_client, article, published="2021-03-15", published_precision="day")
    page = response.content.decode()
    assert "changed successfully" in page
    assert "stored as its first day" not in page
    article.refresh_from_db()
    assert article.date_display == "15 March 2021"

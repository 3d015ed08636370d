"""An admin form never throws away or rewrites what an editor typed without saying so."""

import datetime

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


@pytest.mark.parametrize(
    ("typed", "precision", "shown"),
    [
        ("2021-03", "month", "March 2021"),
        ("March 2021", "month", "March 2021"),
        ("spring 2022", "season", "spring 2022"),
        ("2022", "year", "2022"),
        ("2021-03-15", "day", "15 March 2021"),
        ("9 March 2021", "day", "9 March 2021"),
    ],
)
def test_a_date_typed_with_precision_unknown_sets_the_precision_and_says_so(
    editor_client, typed, precision, shown
):
    article = make_article(published=None, published_precision="unknown")
    response = post(editor_client, article, published=typed, published_precision="unknown")
    page = response.content.decode()
    assert "changed successfully" in page
    assert f"The precision was set to “{precision}” from the date typed" in page
    article.refresh_from_db()
    assert (article.published_precision, article.date_display) == (precision, shown)


def test_a_date_less_precise_than_the_chosen_precision_is_refused(editor_client):
    article = make_article(published=None, published_precision="unknown")
    response = post(editor_client, article, published="2021-03", published_precision="day")
    assert "“March 2021” gives no day" in response.content.decode()
    article.refresh_from_db()
    assert article.published is None


def test_text_that_is_no_date_is_refused(editor_client):
    article = make_article()
    response = post(editor_client, article, published="sometime soon")
    assert "“sometime soon” is not a date" in response.content.decode()


def test_the_change_page_shows_the_date_as_precisely_as_it_is_known(editor_client):
    article = make_article(published=datetime.date(2021, 3, 1), published_precision="month")
    page = editor_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert 'value="2021-03"' in page.content.decode()


def test_a_model_with_a_date_and_precision_unknown_fails_validation():
    from django.core.exceptions import ValidationError

    from articles.models import Article

    article = Article(published=datetime.date(2021, 3, 1), published_precision="unknown")
    with pytest.raises(ValidationError, match="would be thrown away"):
        article.clean()


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

"""Every change is recorded with who, when and what, and can be reverted; corrections show."""

import pytest
from django.urls import reverse

from people.models import PersonAlias, SlugRedirect

from .factories import make_article, make_person
from .payloads import article_form, person_form

pytestmark = pytest.mark.django_db


def test_an_admin_edit_is_recorded_and_can_be_reverted(editor_client):
    article = make_article(title="Original title")
    change_url = reverse("admin:articles_article_change", args=[article.pk])
    editor_client.post(change_url, article_form(article, title="Wrong title"))
    latest = article.history.first()
    assert (latest.title, latest.history_user.username, latest.history_type) == (
        "Wrong title",
        "editor",
        "~",
    )
    history_page = editor_client.get(
        reverse("admin:articles_article_history", args=[article.pk])
    ).content.decode()
    assert "Original title" in history_page and "Wrong title" in history_page

    first = article.history.earliest()
    revert_url = reverse("admin:articles_article_simple_history", args=[article.pk, first.pk])
    revert_page = editor_client.get(revert_url).content.decode()
    assert "Revert" in revert_page
    article.refresh_from_db()  # the revert form is opened on the current version
    assert f'name="seen_version" value="{article.version}"' in revert_page
    reverted = editor_client.post(revert_url, article_form(article, title=first.title))
    assert reverted.status_code == 302
    article.refresh_from_db()
    assert article.title == "Original title"
    assert article.source_text  # not kept in the history, but not lost by the revert
    assert article.history.count() == 3


def test_readers_can_read_the_history_but_not_revert(reader_client):
    article = make_article()
    first = article.history.earliest()
    revert_url = reverse("admin:articles_article_simple_history", args=[article.pk, first.pk])
    page = reader_client.get(revert_url)
    assert page.status_code == 200
    assert "Revert" not in page.content.decode().split("<title>")[1].split("</title>")[0]
    refused = reader_client.post(revert_url, article_form(article, title="Changed"))
    assert refused.status_code == 403
    assert article.history.count() == 1  # not even an empty save


def test_corrected_fields_are_shown_on_the_list_and_the_change_page(superuser_client):
    article = make_article(title="As loaded")
    article.loader_values = {
        "title": "As loaded",
        "published": "2021-03-01",
        "published_precision": "day",
        "needs_review": False,
    }
    article.title, article.published_precision = "As corrected", "month"
    article.needs_review = True  # flagging again is curation, not a correction
    article.save()
    listing = superuser_client.get(reverse("admin:articles_article_changelist"))
    assert "title, published precision" in listing.content.decode()
    page = superuser_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert "Corrected by staff" in page.content.decode()
    assert "title, published precision" in page.content.decode()


def test_renaming_a_person_keeps_the_old_name_and_address(editor_client):
    person = make_person("Ian Dickinson")
    old_slug = person.slug
    form = person_form(person, name="Ian Dickson", slug="ian-dickson")
    response = editor_client.post(reverse("admin:people_person_change", args=[person.pk]), form)
    assert response.status_code == 302
    assert PersonAlias.objects.get().name == "Ian Dickinson"
    assert SlugRedirect.objects.get(old_slug=old_slug).person == person


def test_saving_an_unedited_form_from_a_browser_corrects_nothing(editor_client):
    """Browsers send CRLF line breaks; an untouched body must not count as corrected."""
    article = make_article(body="First paragraph.\n\nSecond paragraph.", standfirst="Lead.")
    article.loader_values = {
        name: article.field_value(name) for name in ("title", "body", "standfirst", "captions")
    }
    article.save()
    browser_form = article_form(
        article, body="First paragraph.\r\n\r\nSecond paragraph.\r\n", standfirst=" Lead. "
    )
    response = editor_client.post(
        reverse("admin:articles_article_change", args=[article.pk]), browser_form
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.corrected_fields() == []
    edited = article_form(article, body="First paragraph.\r\n\r\nA new second paragraph.")
    editor_client.post(reverse("admin:articles_article_change", args=[article.pk]), edited)
    article.refresh_from_db()
    assert article.body == "First paragraph.\n\nA new second paragraph."
    assert article.corrected_fields() == ["body"]

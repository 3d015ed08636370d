"""A change form saved over a newer version of its record is refused, and nothing is lost."""

import pytest
from django.urls import reverse

from people.models import Person
from tests.conftest import HttpsClient

from .factories import make_article
from .payloads import article_form, person_form
from .seeds import copy_seeds, edit_seed, load, seed_article

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def test_a_form_opened_before_a_reload_cannot_undo_it(editor_client, tmp_path):
    seeds = copy_seeds(tmp_path)
    load(seeds)
    opened = seed_article("002")  # the editor opens the change page
    assert editor_client.get(change_url(opened)).status_code == 200
    edit_seed(seeds, "002", "However, critics have", "However, several critics have")
    load(seeds)

    response = editor_client.post(
        change_url(opened), article_form(opened, title="A corrected title")
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "was changed by “load_articles” after you opened this page" in page
    assert "body (" in page  # what changed is named
    assert "Nothing was saved" in page
    article = seed_article("002")
    assert "several critics" in article.body
    assert article.title == opened.title
    assert article.corrected_fields() == []


def test_a_form_opened_before_another_editors_save_is_refused(editor, superuser):
    article = make_article(title="As loaded")
    first_editor, second_editor = HttpsClient(), HttpsClient()
    first_editor.force_login(editor)
    second_editor.force_login(superuser)
    first = first_editor.post(change_url(article), article_form(article, title="First fix"))
    assert first.status_code == 302

    second = second_editor.post(change_url(article), article_form(article, author="Someone"))

    assert second.status_code == 200
    assert "was changed by editor after you opened this page" in second.content.decode()
    assert "“As loaded” → “First fix”" in second.content.decode()
    article.refresh_from_db()
    assert (article.title, article.author) == ("First fix", "")


def test_a_form_with_no_version_is_refused(editor_client):
    article = make_article()
    form = article_form(article, title="A fix")
    del form["seen_version"]
    response = editor_client.post(change_url(article), form)
    assert "does not say which version" in response.content.decode()


def test_the_change_page_carries_the_version_and_saving_moves_it_on(editor_client):
    article = make_article()
    page = editor_client.get(change_url(article)).content.decode()
    assert f'name="seen_version" value="{article.version}"' in page
    editor_client.post(change_url(article), article_form(article, title="A fix"))
    article.refresh_from_db()
    assert article.version == 2


def test_a_stale_person_form_is_refused(editor_client):
    person = Person.objects.create(name="Ray Jones", slug="ray-jones")
    Person.objects.filter(pk=person.pk).update(version=5)
    response = editor_client.post(
        reverse("admin:people_person_change", args=[person.pk]), person_form(person, role="X")
    )
    assert response.status_code == 200
    person.refresh_from_db()
    assert person.role == ""

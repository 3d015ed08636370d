"""Who reaches the admin and what they may do there; failed logins are throttled."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.urls import reverse

from tests.conftest import HttpsClient

from .conftest import PASSWORD
from .factories import make_article
from .payloads import article_form

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")


def test_anonymous_visitors_are_sent_to_the_login(client):
    article = make_article()
    response = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert response.status_code == 302
    assert response.url.startswith(LOGIN)
    posted = client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form(article, title="Vandalised"),
    )
    assert posted.status_code == 302
    article.refresh_from_db()
    assert article.title != "Vandalised"


def test_users_who_are_not_staff_cannot_reach_the_admin(client):
    member = User.objects.create_user("public", password=PASSWORD)
    member.groups.add(Group.objects.get(name="Editors"))  # a group alone is not enough
    client.force_login(member)
    for name in ("admin:index", "admin:review-queue", "admin:articles_article_changelist"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response.url.startswith(LOGIN)


def test_readers_can_view_but_not_change(reader_client):
    article = make_article()
    change_url = reverse("admin:articles_article_change", args=[article.pk])
    page = reader_client.get(change_url)
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
    refused = reader_client.post(change_url, article_form(article, title="Changed"))
    assert refused.status_code == 403
    assert (
        reader_client.post(
            reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    assert reader_client.get(reverse("admin:articles_article_add_from_text")).status_code == 403
    article.refresh_from_db()
    assert article.title != "Changed"


def test_editors_can_correct_an_article(editor_client):
    article = make_article(title="Care Review launches penultimate stage")
    response = editor_client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form(article, title="Care Review launches penultimate stage of project"),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Care Review launches penultimate stage of project"


def test_the_groups_hold_the_right_permissions():
    editors = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    readers = set(Group.objects.get(name="Readers").permissions.values_list("codename", flat=True))
    for model in ("article", "quote", "person", "organisation", "milestone", "personalias"):
        assert {f"{action}_{model}" for action in ("add", "change", "delete", "view")} <= editors
        assert f"view_{model}" in readers
    assert all(codename.startswith("view_") for codename in readers)
    assert not any(codename.endswith("_user") for codename in editors)


def test_the_admin_login_is_locked_after_repeated_failures(client, editor):
    for _ in range(settings.ARCHIVE_LOGIN_FAILURES_PER_USERNAME - 1):
        failed = client.post(LOGIN, {"username": "editor", "password": "wrong"})
        assert failed.status_code == 200  # the login form again, with an error
    locked = client.post(LOGIN, {"username": "editor", "password": "wrong"})
    assert locked.status_code == 429
    # Even the right password is refused while locked out.
    refused = client.post(LOGIN, {"username": "editor", "password": PASSWORD})
    assert refused.status_code == 429
    assert client.get(reverse("admin:index")).status_code == 302
    assert AccessAttempt.objects.filter(username="editor").exists()


def test_a_correct_login_works_and_other_users_are_not_locked(client, editor, reader):
    for _ in range(settings.ARCHIVE_LOGIN_FAILURES_PER_USERNAME):
        client.post(LOGIN, {"username": "reader", "password": "wrong"})
    response = client.post(LOGIN, {"username": "editor", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_admin_login_requires_a_csrf_token(editor):
    strict = HttpsClient(enforce_csrf_checks=True)
    response = strict.post(LOGIN, {"username": "editor", "password": PASSWORD})
    assert response.status_code == 403


def test_staff_sessions_expire():
    assert settings.SESSION_COOKIE_AGE <= 60 * 60 * 12
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE

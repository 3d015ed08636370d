"""Every admin page a superuser reaches works with the Content-Security-Policy on.

The index, and for each registered model its list, its add form and the change form
of its first record: the ``page`` fixture fails the test on anything the policy blocks
(Django's admin widgets: calendar, filters, related-object pop-ups), a script error or
a missing asset.
"""

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.test import RequestFactory
from django.urls import reverse
from playwright.sync_api import expect

from .database import restored_afterwards

pytestmark = pytest.mark.browser

PASSWORD = "a-long-browser-test-password-4410"


@pytest.fixture(scope="module")
def superuser(archive_server):
    """Made outside the test's transaction (the live server must see it on PostgreSQL)."""
    with restored_afterwards():
        yield User.objects.create_superuser("browser-admin", password=PASSWORD)


def admin_paths(user: User) -> list[str]:
    request = RequestFactory().get("/")
    request.user = user
    paths = [reverse("admin:index")]
    for model, model_admin in admin.site._registry.items():
        url_name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        paths.append(reverse(f"{url_name}_changelist"))
        if model_admin.has_add_permission(request):
            paths.append(reverse(f"{url_name}_add"))
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            paths.append(reverse(f"{url_name}_change", args=[first.pk]))
    return paths


def test_every_admin_page_works_with_the_policy_on(archive, page, superuser):
    page.goto(archive.url(reverse("admin:login")))
    page.get_by_label("Username").fill(superuser.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()

    failed = []
    for path in admin_paths(superuser):
        response = page.goto(archive.url(path))
        if response.status != 200:
            failed.append(f"{path} answered {response.status}")
    assert not failed, "\n".join(failed)

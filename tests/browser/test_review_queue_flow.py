"""An editor works through the review queue with the keyboard and bulk actions, rejects a
wrong person, converts another into an organisation, reloads the seeds, and finds none of
it undone."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from people.models import Organisation, Person

from .database import restored_afterwards

pytestmark = pytest.mark.browser

PASSWORD = "a-long-browser-test-password-7724"
CLEARED = ("Leon Feinstein", "Gavin Williamson")
REJECTED = "Charmaine Orchard"
CONVERTED = "Dez Holmes"


@pytest.fixture(scope="module")
def curator(archive_server):
    """An editor, made outside the test's transaction (the live server must see it on
    PostgreSQL); everything the test writes is put back afterwards."""
    with restored_afterwards():
        user = User.objects.create_user("browser-curator", password=PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name="Editors"))
        yield user


def tick_with_keyboard(page, name: str) -> None:
    box = page.get_by_label(f"Select {name}")
    box.focus()
    page.keyboard.press("Space")
    expect(box).to_be_checked()


def queued(page, name: str):
    """The link of a queued record named ``name`` (other rows may quote the name)."""
    return page.locator("#review-queue").get_by_role("link", name=name, exact=True)


def test_an_editor_clears_rejects_and_converts_and_a_reload_keeps_it(archive, page, curator):
    page.goto(archive.url(reverse("admin:login")))
    page.get_by_label("Username").fill(curator.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()

    page.goto(archive.url(reverse("admin:review-queue") + "?type=people.person"))
    expect(page.locator("#review-queue input[type=checkbox]").first).to_be_focused()
    for name in CLEARED:
        tick_with_keyboard(page, name)
    page.get_by_role("button", name="Clear the selected").press("Enter")
    for name in CLEARED:
        expect(page.locator(".messagelist")).to_contain_text(f"“{name}”")
    expect(page.locator("#review-queue input[type=checkbox]").first).to_be_focused()

    tick_with_keyboard(page, REJECTED)
    page.get_by_role("button", name="Reject the selected").press("Enter")
    expect(page.locator(".messagelist")).to_contain_text("Rejected (the loader will not")
    for name in (*CLEARED, REJECTED):
        expect(queued(page, name)).to_have_count(0)

    page.goto(archive.url(reverse("admin:people_person_changelist") + "?q=Dez+Holmes"))
    page.get_by_role("row").filter(has_text=CONVERTED).get_by_role("checkbox").check()
    page.locator("select[name=action]").select_option("convert_to_organisation")
    page.get_by_role("button", name="Go").click()
    expect(page.locator(".messagelist")).to_contain_text("Converted to organisations")

    call_command("load_articles", "--reparse", verbosity=0)

    assert not Person.objects.filter(name__in=[REJECTED, CONVERTED]).exists()
    assert Organisation.objects.filter(name=CONVERTED).exists()
    assert not Person.objects.filter(name__in=CLEARED, needs_review=True).exists()
    page.goto(archive.url(reverse("admin:review-queue") + "?type=people.person"))
    for name in (*CLEARED, REJECTED, CONVERTED):
        expect(queued(page, name)).to_have_count(0)
    expect(queued(page, "Lisa Harker")).to_have_count(1)  # the others are still there
    page.goto(archive.url(reverse("people:organisation-list")))
    expect(page.get_by_role("link", name=CONVERTED)).to_be_visible()

"""An editor dates an undated article from the review queue, and the date survives a reload."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Article
from articles.parsing.fuzzydate import DAY, FuzzyDate

pytestmark = pytest.mark.browser

PASSWORD = "a-long-browser-test-password-5310"
NEW_DATE = datetime.date(2021, 3, 9)


@pytest.fixture(scope="module")
def editor(archive_server) -> User:
    """A member of the Editors group (created by a data migration), else a superuser.

    Made outside the test's transaction, so that the live server sees it on PostgreSQL
    too, where it has connections of its own; the package's clean-up removes it.
    """
    editors = Group.objects.filter(name="Editors").first()
    user = User.objects.create_user(
        "browser-editor", password=PASSWORD, is_staff=True, is_superuser=editors is None
    )
    if editors:
        user.groups.add(editors)
    return user


@pytest.fixture(scope="module")
def undated_article(archive_server) -> Article:
    """The first undated seed article, put back as it was for the tests after this one.

    Outside the test's transaction, like ``editor``: on PostgreSQL what the live server
    saves is committed, and so must be the undoing of it.
    """
    article = Article.objects.filter(published__isnull=True).order_by("source_file").first()
    assert article is not None, "seeds 001 and 003 give no publication date"
    saved = {
        field.attname: getattr(article, field.attname)
        for field in Article._meta.concrete_fields
        if not field.primary_key
    }
    yield article
    Article.objects.filter(pk=article.pk).update(**saved)


def log_in(page, archive, user: User) -> None:
    page.goto(archive.url(reverse("admin:login")))
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def test_an_editor_dates_an_article_and_a_reload_keeps_it(archive, page, editor, undated_article):
    public_url = archive.url(undated_article.get_absolute_url())
    page.goto(public_url)
    expect(page.locator(".article .meta")).to_contain_text("date unknown")

    log_in(page, archive, editor)
    page.goto(archive.url(reverse("admin:review-queue")))
    queue = page.locator("#review-queue")
    # Other rows may name the article too (the article that introduced a name).
    title_link = page.get_by_role("link", name=undated_article.title, exact=True)
    row = queue.get_by_role("row").filter(has=title_link)
    expect(row).to_contain_text("no publication date found")
    row.get_by_role("link", name=undated_article.title).click()

    page.locator("#id_published").fill(NEW_DATE.isoformat())
    page.locator("#id_published_precision").select_option(DAY)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    shown = FuzzyDate(NEW_DATE.year, NEW_DATE.month, NEW_DATE.day).display()
    page.goto(public_url)
    date = page.locator(f'.article .meta time[datetime="{NEW_DATE.isoformat()}"]')
    expect(date).to_have_text(shown)

    call_command("load_articles", verbosity=0)
    undated_article.refresh_from_db()
    assert (undated_article.published, undated_article.published_precision) == (NEW_DATE, DAY)
    page.reload()
    expect(date).to_have_text(shown)

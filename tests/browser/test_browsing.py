"""A reader narrows the coverage, reads an article, follows a person and downloads a list.

Nothing changes until "Apply filters" (WCAG 3.2.2): with JavaScript the list is then
updated in place, without it the form is submitted.
"""

import csv
import io
import re
from pathlib import Path

import pytest
from django.db.models import Count
from django.urls import reverse
from playwright.sync_api import expect

from articles import browsing as browse
from articles.exports.article_rows import FIELDS
from articles.models import Article, Outlet
from tests.browser.pages import most_covered_outlet, most_covered_person

pytestmark = pytest.mark.browser

SEARCH = "review"


def result_count(page) -> int:
    heading = page.locator("#results-heading").inner_text()
    return 0 if heading.startswith("No results") else int(heading.split()[0])


def shown_titles(page) -> list[str]:
    return page.locator(".cards .card-title").all_inner_texts()


def active_filters(page) -> list[str]:
    labels = page.locator(".active-filters li a:not(.clear)").all_inner_texts()
    return [label.removeprefix("Remove filter:").removesuffix("×").strip() for label in labels]


def facet_checkbox(page, facet: str, label: str):
    """The checkbox of one value of a facet, its list opened first when it is folded."""
    group = page.locator("details.facet").filter(
        has=page.locator("summary", has_text=re.compile(rf"^{facet}$"))
    )
    if group.get_attribute("open") is None:
        group.locator("summary").click()
    return group.get_by_role("checkbox", name=re.compile(rf"^{re.escape(label)} \(\d+\)$"))


def titles(articles) -> list[str]:
    return sorted(article.title for article in articles)


def test_a_reader_narrows_the_coverage_reads_on_and_downloads_a_list(archive, page, monkeypatch):
    # Five seed articles: one to a page makes the filtered list long enough to page through.
    monkeypatch.setattr(browse, "PAGE_SIZE", 1)
    person = most_covered_person()
    about_person = Article.objects.filter(people=person)
    outlet = (
        Outlet.objects.filter(articles__in=about_person)
        .annotate(n=Count("articles"))
        .order_by("-n", "name")
        .first()
    )
    narrowed = about_person.filter(outlet=outlet)
    assert narrowed.count() >= 2, "the seeds give one outlet two articles about one person"
    assert all(SEARCH in article.title.lower() for article in narrowed), "so the search keeps all"

    page.goto(archive.url(reverse("articles:article-list")))
    assert result_count(page) == Article.objects.count()

    apply = page.get_by_role("button", name="Apply filters")
    facet_checkbox(page, "People", person.name).click()
    apply.click()
    page.wait_for_url(re.compile(rf"[?&]person={person.slug}(&|$)"))
    assert result_count(page) == about_person.count()

    facet_checkbox(page, "Outlets", outlet.name).click()
    apply.click()
    page.wait_for_url(re.compile(rf"[?&]outlet={outlet.slug}(&|$)"))
    assert result_count(page) == narrowed.count()

    search = page.get_by_label("Search the articles")
    search.fill(SEARCH)
    search.press("Enter")
    page.wait_for_url(re.compile(rf"[?&]q={SEARCH}(&|$)"))
    assert result_count(page) == narrowed.count()
    assert set(active_filters(page)) == {person.name, outlet.name, f"Search: {SEARCH}"}
    expect(search).to_have_value(SEARCH)

    seen = shown_titles(page)
    pages = page.get_by_role("navigation", name="Pages of results")
    while pages.get_by_role("link", name="Next").count():
        pages.get_by_role("link", name="Next").click()
        page.wait_for_url(re.compile(rf"[?&]page={len(seen) + 1}(&|$)"))
        assert set(active_filters(page)) == {person.name, outlet.name, f"Search: {SEARCH}"}
        seen += shown_titles(page)
    expect(pages).to_contain_text(f"Page {len(seen)} of {len(seen)}")
    assert sorted(seen) == titles(narrowed)

    page.locator(".cards .card-title a").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(seen[-1])
    article = Article.objects.get(title=seen[-1])

    other = article.people.exclude(pk=person.pk).order_by("name").first()
    mentioned = page.get_by_role("region", name="Mentioned")
    mentioned.get_by_role("link", name=other.name, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(other.name)
    assert page.url == archive.url(other.get_absolute_url())

    with page.expect_download() as started:
        page.locator(".downloads").get_by_role("link", name="CSV", exact=True).click()
    download = started.value
    assert download.suggested_filename == f"care-review-articles-{other.slug}.csv"
    raw = Path(download.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a byte-order mark, for Excel"
    text = raw.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == FIELDS
    expected = Article.objects.filter(people=other)
    assert sorted(row["title"] for row in rows) == titles(expected)
    assert {row["url"] for row in rows} == {
        archive.url(article.get_absolute_url()) for article in expected
    }
    assert all(other.name in row["people"].split("; ") for row in rows)


def test_the_filters_work_without_javascript(archive, page_without_javascript):
    page = page_without_javascript
    outlet = most_covered_outlet()
    list_url = archive.url(reverse("articles:article-list"))
    page.goto(list_url)

    facet_checkbox(page, "Outlets", outlet.name).check()
    assert page.url == list_url, "without JavaScript nothing happens until the button is pressed"
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(rf"[?&]outlet={outlet.slug}(&|$)"))
    assert result_count(page) == outlet.articles.count()
    assert titles(outlet.articles.all()) == sorted(shown_titles(page))
    assert active_filters(page) == [outlet.name]

    page.get_by_role("link", name=f"Remove filter: {outlet.name}").click()
    page.wait_for_url(lambda url: "outlet=" not in url)
    assert result_count(page) == Article.objects.count()

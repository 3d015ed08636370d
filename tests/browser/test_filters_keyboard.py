"""The filters by keyboard alone: no control acts by itself (WCAG 3.2.2, On Input), and
"Apply filters" updates the list in place with the focus kept and the count announced."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Article
from tests.browser.pages import most_covered_person

pytestmark = pytest.mark.browser

MAX_TABS = 80


def active_id(page) -> str:
    return page.evaluate("document.activeElement.id")


def tab_to(page, selector: str) -> None:
    """Press Tab until ``selector`` has the focus (as a keyboard user would)."""
    target = page.locator(selector)
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{selector} never got the focus in {MAX_TABS} tabs")


def test_keyboard_only_filtering_keeps_the_focus_and_announces_the_count(archive, page):
    person = most_covered_person()
    list_url = archive.url(reverse("articles:article-list"))
    page.goto(list_url)
    page.evaluate("window.sameDocument = true")  # gone if the page reloads

    tab_to(page, "#id_sort")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#id_sort")).to_have_value("oldest")
    assert page.url == list_url and active_id(page) == "id_sort"

    box = page.locator(f'input[name="person"][value="{person.slug}"]')
    if box.evaluate("element => !element.closest('details').open"):
        tab_to(page, f'details:has(input[value="{person.slug}"]) > summary')
        page.keyboard.press("Enter")
    tab_to(page, f'input[name="person"][value="{person.slug}"]')
    page.keyboard.press("Space")
    expect(box).to_be_checked()
    assert page.url == list_url, "ticking a box changed the page"

    tab_to(page, "#apply-filters")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"\?sort=oldest&person={person.slug}$"))
    expected = Article.objects.filter(people=person).count()
    heading = f"{expected} article{'s' if expected != 1 else ''} mentioning {person.name}"
    expect(page.locator("#results-heading")).to_have_text(heading)
    expect(page.locator("#result-count")).to_have_text(heading)
    assert page.evaluate("window.sameDocument") is True, "the page was reloaded"
    assert active_id(page) == "apply-filters"
    expect(page.locator(f'input[name="person"][value="{person.slug}"]')).to_be_checked()
    dates = Article.objects.filter(people=person, published__isnull=False).order_by("published")
    first = page.locator(".cards .card-title").first
    expect(first).to_have_text(dates.first().title)

    # Enter in the search field applies too, and the focus stays in the field.
    tab_to(page, "#id_q")
    page.keyboard.type("review")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"[?&]q=review(&|$)"))
    assert active_id(page) == "id_q"
    expect(page.locator("#result-count")).to_contain_text("matching “review”")

    # Back restores the previous list in place.
    page.go_back()
    page.wait_for_url(re.compile(rf"\?sort=oldest&person={person.slug}$"))
    expect(page.locator("#results-heading")).to_have_text(heading)
    assert page.evaluate("window.sameDocument") is True


FONT_SIZE = """element => {
  const size = parseFloat(getComputedStyle(element).fontSize);
  return size * element.getScreenCTM().a;
}"""
OVERLAPS = """labels => labels.some((label, i) => i > 0 &&
  labels[i - 1].getBoundingClientRect().right > label.getBoundingClientRect().left)"""


@pytest.mark.parametrize("width", [375, 1280])
def test_chart_axis_text_is_readable_and_apart(archive, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    for path in (most_covered_person().get_absolute_url(), reverse("articles:timeline")):
        page.goto(archive.url(path))
        labels = page.locator(".chart .axis text.x-label:visible")
        assert labels.count() >= 2, f"{path}: fewer than two month labels at {width} px"
        for index in range(labels.count()):
            rendered = labels.nth(index).evaluate(FONT_SIZE)
            assert rendered >= 12, f"{path}: axis text {rendered:.1f} px at {width} px"
        y_label = page.locator(".chart .axis text").first.evaluate(FONT_SIZE)
        assert y_label >= 12
        assert not labels.evaluate_all(OVERLAPS), f"{path}: month labels overlap at {width} px"
        badge = page.locator(".chart .milestone-mark text").first
        if badge.count():
            assert badge.evaluate(FONT_SIZE) >= 12
        scroll = page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width, f"{path} scrolls sideways at {width} px"

"""A reader searches from any page's header for a misspelt name, by keyboard alone, and
follows the person to the sentences that name them."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Article

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 375])
def test_a_misspelt_name_from_the_header_finds_the_person_and_their_contexts(archive, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(archive.url(reverse("articles:timeline")))
    search = page.get_by_role("search", name="Site").get_by_label("Search the archive")
    expect(search).to_be_visible()
    search.focus()
    page.keyboard.type("MacAllister")
    page.keyboard.press("Enter")
    page.wait_for_url("**/articles/?q=MacAllister")
    josh = Article.objects.filter(people__slug="josh-macalister").count()
    names = page.locator(".named-entities")
    expect(names).to_contain_text(f"People: Josh MacAlister — {josh} articles")
    expect(page.locator("#results-heading")).to_contain_text(f"{josh} article")
    # No part of the page is wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    names.get_by_role("link", name="Josh MacAlister").click()
    contexts = page.locator("#mentions")
    expect(contexts.locator("mark").first).to_be_visible()
    expect(contexts.locator(".context-list > li")).to_have_count(josh)

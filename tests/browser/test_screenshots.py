"""Screenshots of the main pages at desktop and phone widths, for the README.

They are written to docs/screenshots/ on every run, so they always show the pages as
they are; a change in how a page looks shows up as a changed image in ``git status``.
"""

from pathlib import Path

import pytest
from django.conf import settings

from tests.browser.pages import page_path

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(settings.BASE_DIR) / "docs" / "screenshots"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}
PAGES = ["article-list", "article", "person", "timeline", "quotes"]


@pytest.mark.parametrize("device", VIEWPORTS)
def test_screenshots(archive, page, device):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(VIEWPORTS[device])
    for page_type in PAGES:
        page.goto(archive.url(page_path(page_type)))
        page.evaluate("document.fonts.ready")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= VIEWPORTS[device]["width"], f"{page_type} scrolls sideways: {width}px"
        path = SCREENSHOTS / f"{page_type}-{device}.png"
        page.screenshot(path=path, animations="disabled", caret="hide")
        assert path.stat().st_size > 10_000, f"{path.name} looks blank"


# The pages of issue 10: the compare page, and a person's page scrolled to its chart and
# to the sentences that name them.
CHART_SHOTS = {
    "compare": ("compare", "#compare-heading"),
    "person-chart": ("person", "#coverage-heading"),
    "person-contexts": ("person", "#contexts-heading"),
}


@pytest.mark.parametrize("name", CHART_SHOTS)
def test_chart_screenshots(archive, page, name):
    page_type, heading = CHART_SHOTS[name]
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.goto(archive.url(page_path(page_type)))
    page.evaluate("document.fonts.ready")
    page.locator(heading).evaluate("element => element.scrollIntoView({block: 'start'})")
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=path, animations="disabled", caret="hide")
    assert path.stat().st_size > 10_000, f"{path.name} looks blank"

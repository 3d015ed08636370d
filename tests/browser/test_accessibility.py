"""axe-core finds no accessibility violation on any kind of page, at desktop or phone width."""

from pathlib import Path

import pytest
from django.conf import settings

from tests.browser.conftest import TIMEOUT_MS
from tests.browser.pages import PAGE_TYPES, page_path

pytestmark = pytest.mark.browser

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"desktop": 1280, "phone": 375}
# Details of the rules that pass are not needed, and skipping them makes a run faster.
# axe runs in the page and leaves its result there: page.evaluate has no timeout, and a
# run that never finished once held a whole CI run; waiting for the result has one.
AXE_START = """() => {
    window.axeResult = undefined;
    axe.run(document, {resultTypes: ['violations']}).then(
        (result) => { window.axeResult = result; },
        (error) => { window.axeResult = {error: String(error)}; },
    );
}"""
AXE_DONE = "() => window.axeResult !== undefined"


def axe_result(page) -> dict:
    """axe's result on the page as it is now; a run that does not end fails the test."""
    page.evaluate(AXE_START)
    page.wait_for_function(AXE_DONE, polling=100, timeout=TIMEOUT_MS)
    result = page.evaluate("() => window.axeResult")
    assert "error" not in result, f"axe failed: {result.get('error')}"
    return result


def describe(violations: list[dict]) -> str:
    """One paragraph per violated rule: what, how bad, where, and how to fix it."""
    lines = []
    for violation in violations:
        lines.append(f"[{violation['impact']}] {violation['id']}: {violation['help']}")
        lines.append(f"    {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"    at {' '.join(node['target'])}: {node['html'][:160]}")
            summary = node.get("failureSummary", "").replace("\n", " ")
            if summary:
                lines.append(f"       {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_no_axe_violations(archive, page, page_type):
    assert AXE.is_file(), f"{AXE} is missing: run `npm ci` (make test does)"
    url = archive.url(page_path(page_type))
    # An init script, not a <script> tag added to the page: the CSP blocks those.
    page.add_init_script(path=AXE)
    page.goto(url)
    found = {}
    for name, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        result = axe_result(page)
        assert result["passes"], "axe checked nothing"
        if result["violations"]:
            found[name] = describe(result["violations"])
    report = "".join(f"\n{url} at {name} width:\n{text}" for name, text in found.items())
    assert not found, report

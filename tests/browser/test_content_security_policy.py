"""The Content-Security-Policy blocks inline code, and the browser tests would see it.

Every browser test fails on a blocked script or style (``watch_for_breakage``), so every
page the suite visits, the admin's included, works with the policy on. This test shows
that check is live: a page of the archive with an inline style and script added is
served with the archive's own policy, and both are reported.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.conftest import watch_for_breakage

pytestmark = pytest.mark.browser


def test_inline_code_is_blocked_and_reported(archive, new_context):
    page = new_context().new_page()
    problems = watch_for_breakage(page)
    home = archive.url(reverse("articles:home"))
    served = page.request.get(home)
    policy = served.headers["content-security-policy"]
    tampered = served.text().replace(
        "</main>",
        '<p id="injected" style="color: red">x</p><script>document.title = "ran"</script></main>',
    )
    page.route(
        home,
        lambda route: route.fulfill(
            status=200,
            content_type="text/html; charset=utf-8",
            headers={"Content-Security-Policy": policy},
            body=tampered,
        ),
    )

    page.goto(home)

    expect(page.locator("#injected")).to_be_attached()
    assert page.title() != "ran"
    blocked = [problem for problem in problems if "Content Security Policy" in problem]
    assert any("inline style" in problem for problem in blocked), problems
    assert any("inline script" in problem for problem in blocked), problems

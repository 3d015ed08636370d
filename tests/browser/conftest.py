"""Debian's Chromium driven by Playwright, and the seeded archive on a live server.

The seeds are loaded once for the whole package and the database is put back as it
was afterwards; one server and one browser serve every test.
"""

import os
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass

import pytest
from django.core.management import call_command
from django.db import connections
from django.test.utils import override_settings
from playwright.sync_api import Browser, Page, Playwright, expect, sync_playwright

from tests.browser.database import restored_afterwards
from tests.browser.server import LiveServer, live_archive_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# How long an action or an auto-waiting assertion may wait before the test fails: a
# ceiling for a broken page, never a pause (a passing step goes on as soon as it can), so
# generous enough for a machine whose cores are all busy with other work.
TIMEOUT_MS = 30_000
expect.set_options(timeout=TIMEOUT_MS)
# Subresources whose failure to load breaks a page.
ASSET_TYPES = {"stylesheet", "script", "image", "font"}


@dataclass(frozen=True)
class Archive:
    root: str

    def url(self, path: str) -> str:
        return self.root + path


@pytest.fixture(scope="package", autouse=True)
def _orm_beside_playwright() -> Iterator[None]:
    """Let the tests use the ORM while Playwright's event loop is in the main thread:
    it is safe, as the tests do one thing at a time."""
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if before is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Never a downloaded browser: the system's Chromium, headless."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="package")
def playwright() -> Iterator[Playwright]:
    """Playwright for this package only (pytest-playwright's lasts the whole session).

    Its sync API runs an event loop in the main thread, where Django refuses ORM
    calls; stopping it with the package keeps the tests after it unaffected.
    """
    with sync_playwright() as started:
        yield started
        # Django keeps the connections it opened beside the event loop apart; close them
        # while it still runs, or PostgreSQL cannot drop the test database at the end.
        connections.close_all()


@pytest.fixture(scope="package")
def browser(playwright, browser_type_launch_args) -> Iterator[Browser]:
    """One Chromium for every browser test."""
    launched = playwright.chromium.launch(**browser_type_launch_args)
    yield launched
    launched.close()


@pytest.fixture(scope="package")
def browser_context_args() -> dict:
    return {"locale": "en-GB", "timezone_id": "Europe/London"}


@pytest.fixture(scope="package")
def archive_server(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[LiveServer]:
    """The seeds loaded and served with production settings, except plain HTTP (tests
    use it through ``archive``).

    Static files are collected with production's manifest storage into a temporary
    STATIC_ROOT, so the pages link the hashed names that WhiteNoise serves.
    """
    with ExitStack() as stack:
        stack.enter_context(django_db_blocker.unblock())
        stack.enter_context(
            override_settings(
                STATIC_ROOT=tmp_path_factory.mktemp("static"), SECURE_SSL_REDIRECT=False
            )
        )
        call_command("collectstatic", interactive=False, verbosity=0)
        stack.enter_context(restored_afterwards())
        call_command("load_articles", verbosity=0)
        yield stack.enter_context(live_archive_server())


@pytest.fixture
def archive(archive_server, db) -> Iterator[Archive]:
    """The seeded archive, served on the database connection this test uses.

    Asking for ``db`` makes pytest-django create the test database before the server
    fills it, and runs each test in a transaction of its own.
    """
    with archive_server.sharing_connections():
        yield Archive(archive_server.root)


def watch_for_breakage(page) -> list[str]:
    """Collect, as they happen, uncaught script errors, assets that fail to load and
    anything the Content-Security-Policy blocked (an inline script or style, say)."""
    problems = []

    def check_console(message):
        # Chromium reports each blocked script, style or resource on the console, also
        # with JavaScript turned off.
        if "Content Security Policy" in message.text:
            problems.append(f"{page.url}: {message.text}")

    def check_request(request):
        # An aborted request is one the browser cancelled because the test moved on to
        # another page before it finished (slower on a busy machine), not a missing asset:
        # those answer an error status (check_response) or fail to connect.
        if request.resource_type in ASSET_TYPES and request.failure != "net::ERR_ABORTED":
            problems.append(f"{request.url}: {request.failure}")

    def check_response(response):
        if response.request.resource_type in ASSET_TYPES and response.status >= 400:
            problems.append(f"{response.url} answered {response.status}")

    page.set_default_timeout(TIMEOUT_MS)
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("requestfailed", check_request)
    page.on("response", check_response)
    page.on("console", check_console)
    return problems


@pytest.fixture
def page(archive, page) -> Iterator[Page]:
    """A page that fails its test on an uncaught script error or a missing asset."""
    problems = watch_for_breakage(page)
    yield page
    assert not problems, "\n".join(problems)


@pytest.fixture
def page_without_javascript(archive, new_context) -> Iterator[Page]:
    """A page in a browser that has JavaScript turned off."""
    page = new_context(java_script_enabled=False).new_page()
    problems = watch_for_breakage(page)
    yield page
    assert not problems, "\n".join(problems)

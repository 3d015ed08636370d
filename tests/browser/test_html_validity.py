"""The Nu HTML Checker finds no error in the HTML of any kind of page.

The pages are fetched from the live server as served, saved, and checked together in
one run of the checker (one Java start-up for all of them).
"""

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.conf import settings

from tests.browser.pages import PAGE_TYPES, STATUS, page_path

pytestmark = pytest.mark.browser

VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# A short run: the quick compiler alone and the simplest collector halve the start-up.
# The quick compiler's larger frames need a bigger stack than the checker's 512k minimum.
JAVA_OPTIONS = ["-Xss8m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]


def check_html(files: list[Path]) -> list[dict]:
    """Every message of the checker about ``files``, each with its file's URL."""
    java = shutil.which("java")
    assert java, "the Nu HTML Checker needs Java (Debian: openjdk-17-jre-headless)"
    assert VNU.is_file(), f"{VNU} is missing: run `npm ci` (make test does)"
    run = subprocess.run(
        [
            java,
            *JAVA_OPTIONS,
            "-jar",
            str(VNU),
            "--format",
            "json",
            "--stdout",
            "--exit-zero-always",
        ]
        + [str(path) for path in files],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(run.stdout)["messages"]


def describe(messages: list[dict], urls: dict[str, str]) -> str:
    """One line per message: the page type and its address, the line, what is wrong."""
    lines = []
    for message in messages:
        page_type = Path(urlparse(message.get("url", "")).path).stem
        where = f"{page_type} ({urls[page_type]})" if page_type in urls else message.get("url")
        lines.append(f"{where}, line {message.get('lastLine', '?')}: {message['message']}")
        if message.get("extract"):
            lines.append(f"    {message['extract'].strip()[:160]}")
    return "\n".join(lines)


def test_every_page_type_is_valid_html(archive, page, tmp_path):
    urls = {page_type: archive.url(page_path(page_type)) for page_type in PAGE_TYPES}
    for page_type, url in urls.items():
        response = page.request.get(url)
        assert response.status == STATUS.get(page_type, 200), f"{url} answered {response.status}"
        (tmp_path / f"{page_type}.html").write_bytes(response.body())

    messages = check_html([tmp_path / f"{page_type}.html" for page_type in PAGE_TYPES])

    assert not [m for m in messages if m["type"] == "non-document-error"], describe(messages, urls)
    errors = [message for message in messages if message["type"] == "error"]
    assert not errors, "\n" + describe(errors, urls)

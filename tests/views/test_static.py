"""The production static set-up: collectstatic, the manifest storage and WhiteNoise.

The other view tests use the plain storage (see conftest.py); this one collects
the real files into a temporary directory, so a template naming a missing static
file, or a page that bypasses ``{% static %}``, fails here.
"""

import re

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_pages_use_hashed_static_files_that_whitenoise_serves(client, settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    page = client.get("/articles/")
    assert page.status_code == 200
    stylesheet = re.search(r'href="(/static/css/archive\.[0-9a-f]{12}\.css)"', page.text)
    script = re.search(r'src="(/static/js/filters\.[0-9a-f]{12}\.js)"', page.text)
    assert stylesheet and script
    for url in (stylesheet.group(1), script.group(1)):
        response = client.get(url)
        assert response.status_code == 200
        assert "max-age" in response["Cache-Control"]
    # Nothing is loaded from another site.
    assert not re.search(r'<(?:link|script|img)[^>]+(?:src|href)="(?:https?:)?//', page.text)

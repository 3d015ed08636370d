"""Fixtures for every test that talks to Django.

The suite runs with production settings (debug off), so two things differ from a
browser on a deployed site: plain HTTP is redirected to HTTPS, and static files
go through the manifest storage, which needs ``collectstatic``. Tests send HTTPS
requests and use the plain storage (same ``{% static %}`` names, no manifest);
tests/views/test_static.py and the browser tests check the real manifest storage
after collecting into a temporary directory.
"""

import pytest
from django.test import Client


class HttpsClient(Client):
    def generic(self, method, path, *args, secure=True, **kwargs):
        return super().generic(method, path, *args, secure=True, **kwargs)


@pytest.fixture
def client() -> Client:
    return HttpsClient()


@pytest.fixture(autouse=True)
def _plain_static_storage(request):
    if request.node.get_closest_marker("browser"):
        return
    settings = request.getfixturevalue("settings")
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _page_cache(request, settings, tmp_path):
    """The page cache (archivecache) is off, except in tests marked ``page_cache``, which
    get an empty one of their own. Only those tests commit their writes, and on PostgreSQL
    the archive's version changes at commit (archivecache/triggers.py). So too the results
    kept per version (archivecache.memo), on in those and in tests marked ``version_memo``,
    whose machine-wide store is a test's own as well."""
    settings.ARCHIVE_PAGE_CACHE = bool(request.node.get_closest_marker("page_cache"))
    settings.ARCHIVE_VERSION_MEMO = bool(
        request.node.get_closest_marker("page_cache")
        or request.node.get_closest_marker("version_memo")
    )
    settings.CACHES = {
        **settings.CACHES,
        "pages": {**settings.CACHES["pages"], "LOCATION": str(tmp_path / "page-cache")},
        # LocMemCache keeps a store per LOCATION, for the whole process: a test's own.
        "pages_in_memory": {**settings.CACHES["pages_in_memory"], "LOCATION": str(tmp_path)},
        "shared_results": {
            **settings.CACHES["shared_results"],
            "LOCATION": str(tmp_path / "shared-results"),
        },
    }


@pytest.fixture(autouse=True)
def _export_limits(settings):
    """No limit on downloads per client (operations/export_limits.py): tests download many
    files from one address. tests/operations/test_export_limits.py sets its own."""
    settings.ARCHIVE_EXPORTS_AT_ONCE = 0
    settings.ARCHIVE_EXPORTS_PER_MINUTE = 0

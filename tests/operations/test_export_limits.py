"""Downloads limited per client: so many at once, so many a minute; 429 with Retry-After."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.core.signals import request_finished
from django.db import close_old_connections
from django.db.models import F

from operations import export_limits
from operations.models import ExportLease
from tests import factories

pytestmark = pytest.mark.django_db

CSV = "/articles/?format=csv"
PROXY = "10.0.0.1"


@pytest.fixture(autouse=True)
def limits(settings):
    settings.ARCHIVE_TRUSTED_PROXIES = 1
    settings.ARCHIVE_EXPORTS_AT_ONCE = 2
    settings.ARCHIVE_EXPORTS_PER_MINUTE = 3
    factories.build_archive(articles=5, people=5)
    return settings


def start(client, address: str, url: str = CSV):
    """A download from ``address`` through the proxy, not yet read."""
    return client.get(url, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address)


def download(client, address: str, url: str = CSV):
    response = start(client, address, url)
    if response.streaming:
        b"".join(response.streaming_content)  # read to the end, which closes it
    return response


def client_leaves(response) -> None:
    """Close the response unread, as the WSGI server does when the client has gone.

    As the test client does when a response is read to the end, the test's database
    connection is kept: closing it is what ``request_finished`` does after a real request.
    """
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)


def age_leases(seconds: int) -> None:
    ExportLease.objects.update(started=F("started") - datetime.timedelta(seconds=seconds))


def test_over_the_limit_a_minute_the_answer_is_429_with_retry_after(client, limits):
    limits.ARCHIVE_EXPORTS_AT_ONCE = 0
    assert [download(client, "192.0.2.1").status_code for _ in range(3)] == [200, 200, 200]
    refused = download(client, "192.0.2.1")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused["Content-Type"] == "text/plain; charset=utf-8"
    assert "at most 3 downloads a minute" in refused.content.decode()


def test_another_client_is_unaffected(client, limits):
    limits.ARCHIVE_EXPORTS_AT_ONCE = 0
    for _ in range(3):
        download(client, "192.0.2.1")
    assert download(client, "192.0.2.1").status_code == 429
    assert download(client, "198.51.100.7").status_code == 200


def test_the_limit_a_minute_resets_after_a_minute(client, limits):
    limits.ARCHIVE_EXPORTS_AT_ONCE = 0
    for _ in range(3):
        download(client, "192.0.2.1")
    assert download(client, "192.0.2.1").status_code == 429
    age_leases(59)
    assert int(download(client, "192.0.2.1")["Retry-After"]) == 1
    age_leases(2)
    assert download(client, "192.0.2.1").status_code == 200


def test_refused_attempts_do_not_count(client, limits):
    limits.ARCHIVE_EXPORTS_AT_ONCE = 0
    for _ in range(3):
        download(client, "192.0.2.1")
    for _ in range(5):
        assert download(client, "192.0.2.1").status_code == 429
    assert ExportLease.objects.count() == 3


def test_at_most_two_at_once_until_one_finishes(client, limits):
    limits.ARCHIVE_EXPORTS_PER_MINUTE = 0
    first, second = start(client, "192.0.2.1"), start(client, "192.0.2.1")
    assert (first.status_code, second.status_code) == (200, 200)
    refused = start(client, "192.0.2.1")
    assert refused.status_code == 429
    assert refused["Retry-After"] == str(export_limits.RETRY_WHEN_BUSY_S)
    assert "at most 2 downloads at a time" in refused.content.decode()
    assert start(client, "198.51.100.7").status_code == 200  # someone else
    b"".join(first.streaming_content)
    assert start(client, "192.0.2.1").status_code == 200


def test_a_download_closed_before_its_first_row_ends_its_lease(client, limits):
    limits.ARCHIVE_EXPORTS_PER_MINUTE = 0
    for _ in range(2):
        client_leaves(start(client, "192.0.2.1"))
    assert ExportLease.objects.filter(finished__isnull=True).count() == 0
    assert start(client, "192.0.2.1").status_code == 200


def test_a_lease_left_running_by_a_killed_worker_stops_counting(client, limits):
    limits.ARCHIVE_EXPORTS_PER_MINUTE = 0
    for _ in range(2):
        start(client, "192.0.2.1")
    assert start(client, "192.0.2.1").status_code == 429
    age_leases(int(export_limits.ABANDONED_AFTER.total_seconds()) + 1)
    assert start(client, "192.0.2.1").status_code == 200
    assert ExportLease.objects.count() == 1  # the abandoned ones were deleted


def test_every_kind_of_download_counts(client, limits):
    limits.ARCHIVE_EXPORTS_AT_ONCE = 0
    article = factories.make_article(title="Counted")
    urls = [
        "/articles/?format=json",
        "/quotes/?format=csv",
        f"{article.get_absolute_url()}?format=ris",
    ]
    assert [download(client, "192.0.2.1", url).status_code for url in urls] == [200, 200, 200]
    assert download(client, "192.0.2.1", "/quotes/?format=json").status_code == 429


def test_pages_are_not_limited(client, limits):
    limits.ARCHIVE_EXPORTS_AT_ONCE = 0
    for _ in range(3):
        download(client, "192.0.2.1")
    assert download(client, "192.0.2.1").status_code == 429
    assert download(client, "192.0.2.1", "/articles/").status_code == 200
    assert download(client, "192.0.2.1", "/people/?format=json").status_code == 200  # a page


def test_staff_are_not_limited(client, limits):
    limits.ARCHIVE_EXPORTS_AT_ONCE = 1
    staff = User.objects.create_user("curator", password="x-long-password-1234", is_staff=True)
    client.force_login(staff)
    assert [download(client, "192.0.2.1").status_code for _ in range(5)] == [200] * 5
    assert ExportLease.objects.count() == 0


def test_a_refused_download_reads_nothing_of_the_archive(client, limits, django_assert_num_queries):
    limits.ARCHIVE_EXPORTS_AT_ONCE = 0
    for _ in range(3):
        download(client, "192.0.2.1")
    # The clean-up, the lease, the count, the lease deleted again.
    with django_assert_num_queries(4):
        assert download(client, "192.0.2.1", "/articles/?format=json").status_code == 429

"""The client's address through a configured number of trusted proxies (no database)."""

import pytest
from django.test import RequestFactory

from operations.client import client_address, forwarded_client

PROXY = "10.0.0.2"


@pytest.mark.parametrize(
    ("forwarded_for", "trusted", "expected"),
    [
        ("203.0.113.7", 1, "203.0.113.7"),
        # The client wrote the first entry itself: one proxy vouches only for the last.
        ("198.51.100.1, 203.0.113.7", 1, "203.0.113.7"),
        ("198.51.100.1, 203.0.113.7, 10.0.0.9", 2, "203.0.113.7"),
        # No header: the request came straight to the server, bypassing the proxy.
        ("", 1, PROXY),
        ("203.0.113.7", 0, PROXY),
        # Fewer entries than trusted proxies: the furthest address known.
        ("203.0.113.7", 3, "203.0.113.7"),
        ("not-an-address", 1, PROXY),
        (" 2001:db8::1 ", 1, "2001:db8::1"),
    ],
)
def test_the_client_is_read_through_the_trusted_proxies_only(forwarded_for, trusted, expected):
    assert forwarded_client(forwarded_for, PROXY, trusted) == expected


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.ARCHIVE_TRUSTED_PROXIES = 0
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert client_address(request) == PROXY


def test_behind_one_proxy_the_forwarded_address_is_the_client(settings):
    settings.ARCHIVE_TRUSTED_PROXIES = 1
    request = RequestFactory().get(
        "/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.7"
    )
    assert client_address(request) == "203.0.113.7"

"""django-axes behind a proxy: per username and address, and per address across usernames."""

import pytest
from axes.utils import reset as reset_axes
from django.contrib.auth.models import User
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")
PROXY = "10.0.0.2"
PASSWORD = "a-long-throttle-test-password-8841"


@pytest.fixture(autouse=True)
def behind_one_proxy(settings):
    settings.ARCHIVE_TRUSTED_PROXIES = 1
    # A fast hasher: the throttles, not the hashing, are under test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    reset_axes()
    yield
    reset_axes()


@pytest.fixture
def staff(behind_one_proxy) -> User:
    return User.objects.create_user("staff", password=PASSWORD, is_staff=True, is_superuser=True)


def log_in(client, client_ip: str, username: str, password: str) -> int:
    """The status of one login through the proxy from ``client_ip``."""
    response = client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=client_ip,
    )
    return response.status_code


def test_bad_passwords_lock_the_username_from_that_client_only(client, staff, settings):
    for _ in range(settings.ARCHIVE_LOGIN_FAILURES_PER_USERNAME - 1):
        assert log_in(client, "203.0.113.7", "staff", "wrong") == 200
    assert log_in(client, "203.0.113.7", "staff", "wrong") == 429
    assert log_in(client, "203.0.113.7", "staff", PASSWORD) == 429

    # Same proxy, another client: not locked out by the first one's typos.
    assert log_in(client, "198.51.100.1", "staff", PASSWORD) == 302


def test_one_client_trying_many_usernames_is_locked(client, staff, settings):
    limit = settings.ARCHIVE_LOGIN_FAILURES_PER_ADDRESS
    assert limit > settings.ARCHIVE_LOGIN_FAILURES_PER_USERNAME
    for number in range(limit - 1):
        assert log_in(client, "203.0.113.7", f"guess-{number}", "password1") == 200
    assert log_in(client, "203.0.113.7", "guess-last", "password1") == 429
    # Locked for every username from that address, the right password included ...
    assert log_in(client, "203.0.113.7", "staff", PASSWORD) == 429
    # ... and for no one else.
    assert log_in(client, "198.51.100.1", "staff", PASSWORD) == 302


def test_a_few_failures_on_several_usernames_lock_none(client, staff, settings):
    below = settings.ARCHIVE_LOGIN_FAILURES_PER_USERNAME - 1
    for username in ("alice", "bob", "carol"):
        for _ in range(below):
            assert log_in(client, "203.0.113.7", username, "wrong") == 200
    assert log_in(client, "203.0.113.7", "staff", PASSWORD) == 302


def test_a_forged_forwarded_address_does_not_escape_the_lock(client, staff, settings):
    """The client adds an address of its own in front; the proxy appends the real one."""
    for number in range(settings.ARCHIVE_LOGIN_FAILURES_PER_USERNAME):
        log_in(client, f"192.0.2.{number}, 203.0.113.7", "staff", "wrong")
    assert log_in(client, "192.0.2.99, 203.0.113.7", "staff", PASSWORD) == 429

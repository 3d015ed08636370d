"""Staff users of each kind, logged in through the test client."""

import pytest
from axes.utils import reset as reset_axes
from django.contrib.auth.models import Group, User

PASSWORD = "a-long-test-password-4821"


@pytest.fixture(autouse=True)
def _fresh_lockouts(db):
    """Axes keeps failed logins in the database; no test inherits another's."""
    reset_axes()
    yield
    reset_axes()


def _user(username: str, *, staff: bool = True, group: str | None = None, **flags) -> User:
    user = User.objects.create_user(username, password=PASSWORD, is_staff=staff, **flags)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db) -> User:
    return _user("editor", group="Editors")


@pytest.fixture
def reader(db) -> User:
    return _user("reader", group="Readers")


@pytest.fixture
def superuser(db) -> User:
    return _user("admin", is_superuser=True)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def reader_client(client, reader):
    client.force_login(reader)
    return client


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client

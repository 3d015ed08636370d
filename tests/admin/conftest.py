"""Staff users of each kind, logged in through the test client."""

import pytest
from axes.utils import reset as reset_axes
from django.contrib.auth.models import Group, User

from people.models import Membership, PersonAlias, ReviewBody

from .factories import make_article, make_person, mention, quote

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


@pytest.fixture
def two_ians():
    """Ian Dickson and a misspelt duplicate, both mentioned by one article."""
    ian = make_person("Ian Dickson", role="Retired social worker")
    typo = make_person("Ian Dickinson", role="campaigner")
    shared, only_typo = make_article("Shared"), make_article("Only the typo")
    kept_mention = mention(shared, ian, ["Ian Dickson"], 2)
    kept_mention.loader_values = {"spellings": ["Ian Dickson"], "count": 2}
    kept_mention.save()
    mention(shared, typo, ["Ian Dickinson", "Mr Dickinson"], 3)
    mention(only_typo, typo, ["Ian Dickinson"], 1)
    said = quote(only_typo, typo, "How can the government's own Chief Social Worker…")
    said.loader_values = {"speaker_id": typo.pk, "text": said.text}
    said.save()
    PersonAlias.objects.create(person=typo, name="I. Dickinson")
    board = ReviewBody.objects.create(name="Experts by Experience Board", slug="eeb")
    design = ReviewBody.objects.create(name="Design Group", slug="design-group")
    Membership.objects.create(person=ian, body=board, role=Membership.MEMBER)
    Membership.objects.create(person=typo, body=board, role=Membership.CHAIR)
    Membership.objects.create(person=typo, body=design, role=Membership.MEMBER)
    return ian, typo, shared, only_typo

"""The names a search is matched against are read once per archive version in a process
(archivecache.memo): a second search does not read them again, and a new name, alias or
correction is matched on the next search. Writes are committed (the version of
PostgreSQL's archive changes at commit)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from people.models import Person, PersonAlias
from tests import factories

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.version_memo]

NAMES_QUERY = 'FROM "people_personalias"'


def named(client, q: str) -> tuple[list[str], bool]:
    """(the names ``q`` matched, whether the names were read from the database now)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/articles/", {"q": q})
    read = any(NAMES_QUERY in query["sql"] for query in queries.captured_queries)
    return [entity.name for entity in response.context["filterset"].named_entities], read


@pytest.fixture
def josh(db):
    person = factories.make_person("Josh MacAlister")
    factories.make_article("Chair speaks", body="The chair spoke.", people=[person])
    return person


def test_the_names_are_read_once_per_version(client, josh):
    assert named(client, "MacAllister") == (["Josh MacAlister"], True)
    assert named(client, "Josh MacAlister") == (["Josh MacAlister"], False)
    assert named(client, "kinship") == ([], False)


def test_a_new_alias_is_matched_at_once(client, josh):
    assert named(client, "Joshua Mac") == ([], True)
    PersonAlias.objects.create(person=josh, name="Joshua Mac")
    assert named(client, "Joshua Mac") == (["Josh MacAlister"], True)


def test_a_renamed_person_is_matched_by_the_new_name_at_once(client, josh):
    assert named(client, "MacAllister") == (["Josh MacAlister"], True)
    Person.objects.filter(pk=josh.pk).update(name="Joshua Smithers")
    assert named(client, "Smithers") == (["Joshua Smithers"], True)
    assert named(client, "MacAllister") == ([], False)


def test_off_the_names_are_read_every_time(client, josh, settings):
    settings.ARCHIVE_VERSION_MEMO = False
    assert named(client, "MacAllister") == (["Josh MacAlister"], True)
    assert named(client, "MacAllister") == (["Josh MacAlister"], True)


def test_hiding_the_unreviewed_is_its_own_list_of_names(client, settings):
    settings.ARCHIVE_HIDE_UNREVIEWED = False
    person = factories.make_person("Ava Unchecked", needs_review=True)
    factories.make_article("Unchecked", body="-", people=[person])
    assert named(client, "Ava Unchecked") == (["Ava Unchecked"], True)
    settings.ARCHIVE_HIDE_UNREVIEWED = True
    assert named(client, "Ava Unchecked") == ([], True)

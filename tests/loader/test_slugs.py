import pytest

from articles.services.slugs import unique_slug
from people.models import Person

pytestmark = pytest.mark.django_db


def test_slugs_are_readable_and_unique():
    assert unique_slug(Person, "Rachel de Souza") == "rachel-de-souza"
    Person.objects.create(name="Rachel de Souza", slug="rachel-de-souza")
    assert unique_slug(Person, "Rachel de Souza") == "rachel-de-souza-2"


def test_many_people_of_one_name_get_the_next_free_number():
    Person.objects.bulk_create(
        Person(name="Sam Lee", slug="sam-lee" if n == 1 else f"sam-lee-{n}") for n in range(1, 46)
    )
    assert unique_slug(Person, "Sam Lee") == "sam-lee-46"


def test_text_without_letters_still_gets_a_slug():
    assert unique_slug(Person, "“…”") == "person"

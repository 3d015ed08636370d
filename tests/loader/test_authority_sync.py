"""The authority file's organisations in the database: described, and corrections kept."""

import pytest

from articles.exports.archive import export_archive
from articles.parsing.authority import Authority, KnownOrganisation
from articles.services.authority_sync import sync_authority
from curation.rejections import reject_record
from people.models import Organisation

pytestmark = pytest.mark.django_db


def authority(description):
    return Authority(
        organisations=(
            KnownOrganisation(name="Barnardo’s", aliases=("Barnardos",), description=description),
        )
    )


def test_a_known_organisation_is_created_known_with_its_description_and_aliases():
    sync_authority(authority("Children’s charity."))
    barnardos = Organisation.objects.get()
    assert (barnardos.name, barnardos.known, barnardos.description) == (
        "Barnardo’s",
        True,
        "Children’s charity.",
    )
    assert [alias.name for alias in barnardos.aliases.all()] == ["Barnardos"]


def test_the_file_s_new_description_is_written_unless_staff_corrected_it():
    sync_authority(authority("Children’s charity."))
    sync_authority(authority("Children’s charity across the UK."))
    assert Organisation.objects.get().description == "Children’s charity across the UK."

    barnardos = Organisation.objects.get()
    barnardos.description = "Staff’s own description."
    barnardos.save()
    sync_authority(authority("Yet another description."))
    assert Organisation.objects.get().description == "Staff’s own description."
    assert Organisation.objects.count() == 1


def test_the_export_carries_an_organisation_s_description():
    sync_authority(authority("Children’s charity."))
    assert export_archive()["organisations"] == [
        {
            "name": "Barnardo’s",
            "slug": "barnardos",
            "description": "Children’s charity.",
            "aliases": ["Barnardos"],
        }
    ]


def test_an_organisation_staff_rejected_is_not_brought_back_by_the_file():
    sync_authority(authority("Children’s charity."))
    reject_record(Organisation.objects.get())
    sync_authority(authority("Children’s charity."))
    assert not Organisation.objects.exists()

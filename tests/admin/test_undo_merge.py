"""A merge records what it moved, lists it, and can be undone while nothing changed since."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core import serializers
from django.urls import reverse

from articles.models import PersonMention, Quote
from curation.merges import touched_rows
from curation.models import MergeRecord
from people.models import Membership, Person, PersonAlias, SlugRedirect

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:people_person_changelist")
MERGES = reverse("admin:curation_mergerecord_changelist")


def state(ian, typo) -> list[dict]:
    """Every row the merge touches, as the serialiser sees it (versions left out)."""
    rows = serializers.serialize("python", touched_rows([ian, typo]))
    for row in rows:
        row["fields"].pop("version", None)
    return sorted(rows, key=lambda row: (row["model"], row["pk"]))


def merge(client, ian, typo) -> MergeRecord:
    selection = {"action": "merge_selected", ACTION_CHECKBOX_NAME: [ian.pk, typo.pk]}
    done = client.post(CHANGELIST, {**selection, "confirm": "yes", "survivor": ian.pk})
    assert done.status_code == 302
    return MergeRecord.objects.get()


def undo(client, record) -> str:
    response = client.post(
        MERGES, {"action": "undo_merges", ACTION_CHECKBOX_NAME: [record.pk]}, follow=True
    )
    assert response.status_code == 200
    return response.content.decode()


def test_an_undone_merge_restores_both_records_as_they_were(editor_client, two_ians):
    ian, typo, shared, only_typo = two_ians
    before = state(ian, typo)

    record = merge(editor_client, ian, typo)
    assert not Person.objects.filter(pk=typo.pk).exists()
    page = undo(editor_client, record)

    assert "both records are as they were" in page
    typo = Person.objects.get(pk=typo.pk)
    assert state(ian, typo) == before
    assert Quote.objects.get().speaker == typo
    assert PersonMention.objects.get(article=only_typo).person == typo
    assert PersonMention.objects.get(article=shared, person=ian).count == 2
    assert Membership.objects.filter(person=typo).count() == 2
    assert not PersonAlias.objects.filter(person=ian, name="Ian Dickinson").exists()
    assert not SlugRedirect.objects.exists()
    assert editor_client.get(typo.get_absolute_url()).status_code == 200
    assert typo.history.first().history_change_reason.startswith("merge undone")
    record.refresh_from_db()
    assert record.undone_by.username == "editor"


def test_the_merge_lists_what_moved_in_its_record_and_history(editor_client, two_ians):
    ian, typo, _, _ = two_ians
    record = merge(editor_client, ian, typo)
    assert "quote #" in record.summary and "moved to the survivor" in record.summary
    assert "combined with the survivor's" in record.summary
    assert "personalias" in record.summary
    reason = ian.history.order_by("-history_date").first().history_change_reason
    assert reason.startswith(f"merge #{record.pk}: moved ")
    assert "1 quote" in reason and "personmention" in reason
    page = editor_client.get(reverse("admin:curation_mergerecord_change", args=[record.pk]))
    assert "moved to the survivor" in page.content.decode()


def test_a_merge_is_not_undone_when_something_changed_since(editor_client, two_ians):
    ian, typo, _, _ = two_ians
    record = merge(editor_client, ian, typo)
    ian.refresh_from_db()
    ian.role = "Campaigner and former social worker"
    ian.save()

    page = undo(editor_client, record)

    assert "Cannot undo" in page and "changed since the merge: person #" in page
    assert not Person.objects.filter(pk=typo.pk).exists()
    assert MergeRecord.objects.get().undone_at is None


def test_readers_cannot_undo(client, editor, reader, two_ians):
    ian, typo, _, _ = two_ians
    client.force_login(editor)
    record = merge(client, ian, typo)
    client.force_login(reader)
    client.post(MERGES, {"action": "undo_merges", ACTION_CHECKBOX_NAME: [record.pk]})
    assert not Person.objects.filter(pk=typo.pk).exists()
    assert MergeRecord.objects.get().undone_at is None

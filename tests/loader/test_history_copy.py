"""The history rows a load writes in the database are those django-simple-history writes.

``create_history`` copies a batch's new records into their history tables with one
INSERT ... SELECT (articles/services/history_copy.py). The first test compares its rows
with those simple_history's own ``bulk_history_create`` builds for the same records, for
every tracked model; the others pin what the library does that a load seldom meets
(users, reasons, many ids, the setting) and that no record goes without its history.
"""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.test import override_settings
from simple_history.models import HistoricalRecords

from articles.services import batch, history_copy
from articles.services.batch import LOADER_CHANGE_REASON, Batch
from people.models import Person

from .test_batch_writing import distinct_pages, write_batch

pytestmark = pytest.mark.django_db

# What differs between two history rows of one record written apart.
_OWN = {"history_id", "history_date"}


def _tracked_models():
    return [
        model
        for model in apps.get_models()
        if getattr(model._meta, "simple_history_manager_attribute", None)
    ]


def _history_values(history_rows) -> list[dict]:
    rows = [
        {
            field.attname: getattr(row, field.attname)
            for field in row._meta.concrete_fields
            if field.attname not in _OWN
        }
        for row in history_rows
    ]
    return sorted(rows, key=lambda row: (row["id"], repr(sorted(row.items()))))


def test_a_loaded_batch_has_the_history_rows_simple_history_would_write(tmp_path):
    write_batch(distinct_pages(tmp_path, 4))
    compared = 0
    for model in _tracked_models():
        records = list(model.objects.order_by("pk"))
        copied = list(model.history.all())
        assert len(copied) == len(records), model.__name__
        if not records:
            continue
        model.history.all().delete()
        model.history.bulk_history_create(records, default_change_reason=LOADER_CHANGE_REASON)
        built = list(model.history.all())
        assert _history_values(copied) == _history_values(built), model.__name__
        assert {row.history_type for row in copied} == {"+"}
        compared += 1
    # Articles, their mentions, quotes, milestones, people, outlets... all compared.
    assert compared >= 8


def test_a_rows_own_reason_and_user_are_kept_and_the_others_get_the_defaults():
    editor = get_user_model().objects.create(username="editor")
    people = Person.objects.bulk_create(
        [Person(name="Ann Cole", slug="ann-cole"), Person(name="Sam Lee", slug="sam-lee")]
    )
    # The first row names its own user: the others must not get it.
    people[0]._change_reason = "merged by hand"
    people[0]._history_user = editor
    history_copy.create_history(Person, people, LOADER_CHANGE_REASON)
    rows = {row.name: row for row in Person.history.all()}
    assert (rows["Ann Cole"].history_change_reason, rows["Ann Cole"].history_user) == (
        "merged by hand",
        editor,
    )
    assert (rows["Sam Lee"].history_change_reason, rows["Sam Lee"].history_user) == (
        LOADER_CHANGE_REASON,
        None,
    )


def test_the_signed_in_user_of_the_request_in_progress_is_recorded(rf):
    editor = get_user_model().objects.create(username="editor")
    request = rf.post("/admin/")
    request.user = editor
    HistoricalRecords.context.request = request
    try:
        person = Person.objects.create(name="Ann Cole", slug="ann-cole")
        Person.history.all().delete()
        history_copy.create_history(Person, [person], LOADER_CHANGE_REASON)
    finally:
        del HistoricalRecords.context.request
    assert Person.history.get().history_user == editor


def test_more_records_than_one_statement_names_all_get_their_row(monkeypatch):
    monkeypatch.setattr(history_copy, "_IDS_PER_STATEMENT", 3)
    people = Person.objects.bulk_create(
        [Person(name=f"Person {index}", slug=f"person-{index}") for index in range(8)]
    )
    history_copy.create_history(Person, people, LOADER_CHANGE_REASON)
    assert sorted(Person.history.values_list("id", flat=True)) == sorted(p.pk for p in people)


def test_no_history_is_written_when_simple_history_is_turned_off():
    person = Person.objects.create(name="Ann Cole", slug="ann-cole")
    Person.history.all().delete()
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        history_copy.create_history(Person, [person], LOADER_CHANGE_REASON)
    assert not Person.history.exists()


def test_records_not_saved_are_refused_rather_than_left_without_history():
    with pytest.raises(ValueError, match="Person rows without ids"):
        history_copy.create_history(Person, [Person(name="Ann Cole")], LOADER_CHANGE_REASON)


@pytest.mark.django_db(transaction=True)
def test_outside_a_transaction_records_whose_history_fails_are_not_created(monkeypatch):
    def refuse(model, rows, reason):
        raise RuntimeError("history refused")

    monkeypatch.setattr(batch, "create_history", refuse)
    writes = Batch()
    writes.add(Person, [Person(name="Ann Cole")], slug_from="Ann Cole")
    with pytest.raises(RuntimeError, match="history refused"):
        writes.create()
    assert not Person.objects.exists()

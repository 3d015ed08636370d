"""The curation app's own admin pages cost a fixed number of queries, however long."""

import pytest
from django.urls import reverse

from curation.merges import merge_recorded
from curation.models import MergeRecord, Rejection
from people.services.merge import merge_people

from .factories import make_article, make_person, mention
from .test_review_queue import queries_for

pytestmark = pytest.mark.django_db


def reject_some(n: int, editor) -> None:
    for _ in range(n):
        article = make_article()
        Rejection.objects.create(kind=Rejection.QUOTE, text=f"Words of {article}", article=article)
        Rejection.objects.create(kind="person", text=f"Name in {article}", created_by=editor)


def merge_some(n: int, editor) -> None:
    for _ in range(n):
        survivor, duplicate = make_person(), make_person()
        mention(make_article(), duplicate, [duplicate.name], 1)
        merge_recorded(merge_people, survivor, [duplicate], user=editor)


@pytest.mark.parametrize(
    ("make", "url"),
    [
        (reject_some, reverse("admin:curation_rejection_changelist")),
        (merge_some, reverse("admin:curation_mergerecord_changelist")),
    ],
)
def test_the_curation_lists_cost_a_fixed_number_of_queries(
    editor_client, editor, make, url, django_assert_max_num_queries
):
    make(1, editor)
    few = queries_for(editor_client, url)
    make(15, editor)
    assert queries_for(editor_client, url) == few
    with django_assert_max_num_queries(12):
        editor_client.get(url)


def test_a_merge_record_page_costs_a_fixed_number_of_queries(
    editor_client, editor, django_assert_max_num_queries
):
    merge_some(1, editor)
    record = MergeRecord.objects.get()
    with django_assert_max_num_queries(10):
        page = editor_client.get(reverse("admin:curation_mergerecord_change", args=[record.pk]))
    assert "moved to the survivor" in page.content.decode()

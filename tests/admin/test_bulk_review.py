"""The review queue at scale: bulk clear and reject, reasons counted and filtered, context."""

import pytest
from django.urls import reverse

from articles.models import PersonMention
from curation.models import Rejection
from curation.review_queue import reason_kind, sentence_naming
from people.models import Person, PersonAlias, ReviewBody

from .factories import make_article, make_person
from .payloads import person_form
from .test_review_queue import flag_some, queries_for

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:review-queue")
ACT = reverse("admin:review-queue-clear")


def discovered(n: int) -> list[Person]:
    """``n`` newly discovered names, each introduced by a sentence of an article."""
    people = []
    for i in range(n):
        name = f"Sam Example{i}"
        article = make_article(body=f"The review opened.\n\nIt was welcomed by {name} of Anytown.")
        person = make_person(name, needs_review=True, review_reason="newly discovered person")
        PersonMention.objects.create(article=article, person=person, spellings=[name])
        people.append(person)
    return people


def keys(records) -> list[str]:
    return [f"{r._meta.label_lower}:{r.pk}" for r in records]


def test_thirty_three_names_are_cleared_in_one_action(editor_client):
    people = discovered(33)
    response = editor_client.post(
        ACT, {"selected": keys(people), "do": "clear", "next": QUEUE}, follow=True
    )
    assert response.status_code == 200
    assert not Person.objects.filter(needs_review=True).exists()
    assert "Cleared: “Sam Example0”" in response.content.decode()
    assert "autofocus" not in response.content.decode()  # nothing left to focus


def test_the_selected_are_rejected_and_stay_rejected(editor_client):
    wrong = discovered(2)
    editor_client.post(ACT, {"selected": keys(wrong), "do": "reject", "next": QUEUE})
    assert not Person.objects.filter(pk__in=[p.pk for p in wrong]).exists()
    assert sorted(Rejection.objects.values_list("text", flat=True)) == [
        "Sam Example0",
        "Sam Example1",
    ]


def test_records_that_cannot_be_rejected_are_said_so_and_kept(editor_client):
    flag_some(1)
    alias = PersonAlias.objects.get()
    response = editor_client.post(
        ACT, {"selected": keys([alias]), "do": "reject", "next": QUEUE}, follow=True
    )
    assert "cannot be rejected from the queue" in response.content.decode()
    assert PersonAlias.objects.filter(pk=alias.pk).exists()


def test_readers_can_neither_clear_nor_reject(reader_client):
    people = discovered(1)
    for action in ("clear", "reject"):
        response = reader_client.post(ACT, {"selected": keys(people), "do": action})
        assert response.status_code == 403
    assert Person.objects.get().needs_review


def test_each_row_names_the_article_and_sentence_that_introduced_the_name(editor_client):
    discovered(1)
    page = editor_client.get(QUEUE + "?type=people.person").content.decode()
    assert "It was welcomed by Sam Example0 of Anytown." in page
    assert "autofocus" in page


def test_reasons_are_counted_and_filter_the_queue(editor_client):
    flag_some(2)
    discovered(3)
    response = editor_client.get(QUEUE)
    reasons = dict(response.context["reasons"])
    assert reasons["newly discovered person"] == 5
    assert reasons["no publication date found"] == 2
    assert reasons["unknown outlet"] == 1
    filtered = editor_client.get(QUEUE + "?reason=newly+discovered+person")
    assert {row.item.type_label for row in filtered.context["rows"]} == {"Person"}
    assert len(filtered.context["rows"]) == 5


def test_the_queue_with_context_costs_a_fixed_number_of_queries(
    editor_client, django_assert_max_num_queries
):
    discovered(2)
    flag_some(1)
    few = queries_for(editor_client, QUEUE)
    discovered(20)
    flag_some(5)
    assert queries_for(editor_client, QUEUE) == few
    with django_assert_max_num_queries(14):
        editor_client.get(QUEUE + "?reason=newly+discovered+person")


def test_a_name_that_is_another_records_alias_is_warned_about(editor_client):
    ian = make_person("Ian Dickson")
    PersonAlias.objects.create(person=ian, name="Ian Dickinson")
    newcomer = make_person("Someone")
    response = editor_client.post(
        reverse("admin:people_person_change", args=[newcomer.pk]),
        person_form(newcomer, name="Ian Dickinson", slug=newcomer.slug),
        follow=True,
    )
    assert "“Ian Dickinson” is already an alias of “Ian Dickson”" in response.content.decode()


def test_an_alias_another_record_claims_is_refused_not_a_server_error(editor_client):
    ian = make_person("Ian Dickson")
    PersonAlias.objects.create(person=ian, name="Ian Dickinson")
    other = make_person("Ivan Dixon")
    form = person_form(other)
    form.update({"aliases-TOTAL_FORMS": 1, "aliases-0-name": "Ian Dickinson"})
    response = editor_client.post(reverse("admin:people_person_change", args=[other.pk]), form)
    assert response.status_code == 200
    assert "is already an alias of “Ian Dickson”" in response.content.decode()
    assert not PersonAlias.objects.filter(person=other).exists()


def test_review_body_aliases_are_edited_one_per_line(editor_client):
    body = ReviewBody.objects.create(name="Design Group", slug="design-group", aliases=["DG"])
    url = reverse("admin:people_reviewbody_change", args=[body.pk])
    assert "DG</textarea>" in editor_client.get(url).content.decode()
    form = {
        "name": body.name,
        "slug": body.slug,
        "purpose": "",
        "aliases": "DG\r\nThe design group\r\n\r\nDG",
        "review_reason": "",
        "seen_version": body.version,
        **{
            f"{prefix}-{key}": 0
            for prefix in ("memberships", "facts")
            for key in ("TOTAL_FORMS", "INITIAL_FORMS")
        },
    }
    response = editor_client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:3000]
    body.refresh_from_db()
    assert body.aliases == ["DG", "The design group"]


def test_reasons_and_sentences_are_read_purely():
    assert reason_kind("unknown outlet “Foo”") == "unknown outlet"
    assert reason_kind("source changed: the source no longer has it") == "source changed"
    assert sentence_naming("One. Two with Ann Lee. Three.", ["Ann Lee"]) == "Two with Ann Lee."
    assert sentence_naming("Nothing here.", ["Ann Lee"]) == ""


def test_the_queue_filters_by_outlet(editor_client):
    from .factories import make_outlet, quote

    ours, theirs = make_outlet("Ours"), make_outlet("Theirs")
    mine = make_article("Mine", outlet=ours, needs_review=True, review_reason="no date")
    make_article("Not mine", outlet=theirs, needs_review=True, review_reason="no date")
    said = quote(mine, None, "Words.")
    said.needs_review = True
    said.save()
    discovered(1)  # a person: no outlet of its own

    response = editor_client.get(QUEUE + f"?outlet={ours.slug}")

    assert [str(row.item.record) for row in response.context["rows"]] == [
        "Mine",
        "Unattributed: Words.",
    ]
    assert (ours.slug, "Ours") in response.context["outlets"]
    assert 'value="ours" selected' in response.content.decode()


def test_the_selected_names_are_merged_from_the_queue(editor_client):
    first, second = discovered(2)
    asked = editor_client.post(ACT, {"selected": keys([first, second]), "do": "merge"})
    assert asked.status_code == 200
    page = asked.content.decode()
    assert "Keep this record" in page
    changelist = reverse("admin:people_person_changelist")
    assert f'action="{changelist}"' in page
    done = editor_client.post(
        changelist,
        {
            "action": "merge_selected",
            "_selected_action": [first.pk, second.pk],
            "confirm": "yes",
            "survivor": first.pk,
        },
    )
    assert done.status_code == 302
    assert list(Person.objects.all()) == [first]


def test_merging_needs_records_of_one_kind(editor_client):
    person = discovered(1)[0]
    flag_some(1)
    alias = PersonAlias.objects.get()
    response = editor_client.post(
        ACT, {"selected": keys([person, alias]), "do": "merge", "next": QUEUE}, follow=True
    )
    assert "Select two or more people, or two or more organisations" in response.content.decode()
    assert Person.objects.filter(pk=person.pk).exists()

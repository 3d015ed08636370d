"""Merging two records that name the same person or organisation."""

import pytest
from django.urls import reverse

from articles.models import OrganisationMention, PersonMention, Quote
from people.models import (
    Membership,
    Organisation,
    OrganisationAlias,
    Person,
    SlugRedirect,
)
from people.services.merge import MergeError, merge_organisations, merge_people

from .factories import make_article, make_organisation, make_person

pytestmark = pytest.mark.django_db


def test_merge_moves_mentions_and_combines_those_of_one_article(two_ians):
    ian, typo, shared, only_typo = two_ians
    merge_people(ian, [typo])
    combined = PersonMention.objects.get(article=shared, person=ian)
    assert combined.count == 5
    assert combined.spellings == ["Ian Dickson", "Ian Dickinson", "Mr Dickinson"]
    assert PersonMention.objects.get(article=only_typo).person == ian
    assert PersonMention.objects.filter(article=shared).count() == 1
    # The loader keeps maintaining the combined mention: merging is not a correction.
    assert combined.corrected_fields() == []


def test_merge_moves_quotes_memberships_and_aliases(two_ians):
    ian, typo, _, _ = two_ians
    typo_pk = typo.pk
    merge_people(ian, [typo])
    said = Quote.objects.get()
    assert said.speaker == ian
    assert said.corrected_fields() == []
    roles = {m.body.name: m.role for m in Membership.objects.filter(person=ian)}
    assert roles == {"Experts by Experience Board": "chair", "Design Group": "member"}
    assert Membership.objects.count() == 2
    assert set(ian.aliases.values_list("name", flat=True)) == {"I. Dickinson", "Ian Dickinson"}
    assert not Person.objects.filter(pk=typo_pk).exists()
    ian.refresh_from_db()
    assert ian.role == "Retired social worker"  # the survivor's own values win


def test_merged_address_redirects_to_the_survivor_even_after_a_second_merge(two_ians):
    ian, typo, _, _ = two_ians
    typo_slug = typo.slug
    merge_people(ian, [typo])
    redirect = SlugRedirect.objects.get(old_slug=typo_slug)
    assert (redirect.kind, redirect.person) == ("person", ian)
    final = make_person("Ian Dickson (duplicate)")
    merge_people(final, [ian])
    assert SlugRedirect.objects.get(old_slug=typo_slug).person == final
    assert SlugRedirect.objects.get(old_slug=ian.slug).person == final


def test_merge_is_recorded_in_the_history_with_a_reason(two_ians):
    ian, typo, _, _ = two_ians
    typo_pk = typo.pk
    merge_people(ian, [typo])
    latest = ian.history.first()
    assert latest.history_change_reason == "merged “Ian Dickinson” into this record"
    deletion = Person.history.filter(id=typo_pk, history_type="-").get()
    assert deletion.history_change_reason == "merged “Ian Dickinson” into “Ian Dickson”"
    moved = Quote.history.filter(history_change_reason__startswith="merged").count()
    assert moved == 1


def test_a_blank_field_of_the_survivor_is_filled_from_the_duplicate():
    survivor, duplicate = make_person("Lisa Harker"), make_person("Lisa Harker", role="Director")
    merge_people(survivor, [duplicate])
    survivor.refresh_from_db()
    assert survivor.role == "Director"
    assert not survivor.aliases.exists()  # the same name is not an alias of itself


def test_merge_organisations():
    wwcsc = make_organisation("What Works for Children’s Social Care", known=True)
    centre = make_organisation("What Works Centre")
    article = make_article()
    OrganisationMention.objects.create(
        article=article, organisation=centre, spellings=["What Works Centre"], count=2
    )
    OrganisationAlias.objects.create(organisation=centre, name="WWCSC")
    merge_organisations(wwcsc, [centre])
    assert OrganisationMention.objects.get().organisation == wwcsc
    assert set(wwcsc.aliases.values_list("name", flat=True)) == {"WWCSC", "What Works Centre"}
    assert SlugRedirect.objects.get(kind="organisation").organisation == wwcsc


def test_merge_refuses_the_survivor_among_the_duplicates_and_mixed_kinds():
    person, organisation = make_person(), make_organisation()
    with pytest.raises(MergeError):
        merge_people(person, [person])
    with pytest.raises(MergeError):
        merge_people(person, [organisation])
    with pytest.raises(MergeError):
        merge_people(person, [])


@pytest.mark.parametrize(
    ("model", "handled"),
    [
        (Person, {"personmention", "quote", "membership", "personalias", "slugredirect"}),
        (Organisation, {"organisationmention", "organisationalias", "slugredirect"}),
    ],
)
def test_every_relation_is_handled_by_the_merge(model, handled):
    """A new foreign key to a person or organisation must be taught to the merge service."""
    relations = {
        rel.related_model._meta.model_name
        for rel in model._meta.related_objects
        if not rel.many_to_many  # the many-to-many relations run through the models below
    }
    assert relations == handled


def test_merge_action_asks_for_the_survivor_then_merges(editor_client, two_ians):
    """The confirmation page, the merge, and the merged person's public page redirecting."""
    ian, typo, _, _ = two_ians
    url = reverse("admin:people_person_changelist")
    selection = {"action": "merge_selected", "_selected_action": [ian.pk, typo.pk]}
    confirm = editor_client.post(url, selection)
    assert confirm.status_code == 200
    assert b"Keep this record" in confirm.content
    assert Person.objects.count() == 2  # nothing merged before confirming
    done = editor_client.post(url, {**selection, "confirm": "yes", "survivor": ian.pk})
    assert done.status_code == 302
    assert done.url == reverse("admin:people_person_change", args=[ian.pk])
    assert list(Person.objects.all()) == [ian]
    assert ian.history.first().history_user.username == "editor"
    public = editor_client.get(reverse("people:person-detail", kwargs={"slug": typo.slug}))
    assert public.status_code == 301
    assert public.url == ian.get_absolute_url()


def test_merge_action_needs_two_records_and_a_choice(editor_client, two_ians):
    ian, typo, _, _ = two_ians
    url = reverse("admin:people_person_changelist")
    alone = editor_client.post(url, {"action": "merge_selected", "_selected_action": [ian.pk]})
    assert alone.status_code == 302
    no_choice = editor_client.post(
        url, {"action": "merge_selected", "_selected_action": [ian.pk, typo.pk], "confirm": "yes"}
    )
    assert no_choice.status_code == 200
    assert b"This field is required" in no_choice.content
    assert Person.objects.count() == 2


def test_readers_cannot_merge(reader_client, two_ians):
    ian, typo, _, _ = two_ians
    url = reverse("admin:people_person_changelist")
    listing = reader_client.get(url)
    assert listing.status_code == 200
    assert b"merge_selected" not in listing.content
    attempt = reader_client.post(
        url,
        {
            "action": "merge_selected",
            "_selected_action": [ian.pk, typo.pk],
            "confirm": "yes",
            "survivor": ian.pk,
        },
    )
    assert attempt.status_code == 200  # the changelist again: the action is not theirs
    assert "admin/merge_confirmation.html" not in [t.name for t in attempt.templates]
    assert Person.objects.count() == 2

"""Every model can be listed, searched, filtered and opened; lists cost fixed queries."""

import datetime

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import (
    LearnedChromeLine,
    Milestone,
    MilestoneSource,
    OrganisationMention,
    OutletMention,
    ReviewBodyMention,
    SourceFile,
)
from people.models import (
    Membership,
    OrganisationAlias,
    PersonAlias,
    ReviewBody,
    ReviewBodyFact,
    SlugRedirect,
)

from .factories import make_article, make_organisation, make_outlet, make_person, mention, quote

pytestmark = pytest.mark.django_db

ARCHIVE_APPS = ("articles", "people")


def populate(n: int) -> None:
    """``n`` of everything, all connected."""
    outlet = make_outlet()
    LearnedChromeLine.objects.create(
        outlet=outlet, fingerprint=f"{n:016x}", line="Home", articles=3
    )
    body = ReviewBody.objects.create(name=f"Body {n}", slug=f"body-{n}")
    for i in range(n):
        article = make_article(outlet=outlet)
        person, organisation = make_person(), make_organisation()
        mention(article, person, [person.name], 2)
        quote(article, person, f"Quote {i}")
        OrganisationMention.objects.create(article=article, organisation=organisation)
        ReviewBodyMention.objects.create(article=article, review_body=body)
        OutletMention.objects.create(article=article, outlet=outlet)
        PersonAlias.objects.create(person=person, name=f"{person.name} alias")
        OrganisationAlias.objects.create(organisation=organisation, name=f"{organisation} alias")
        Membership.objects.create(person=person, body=body, source_article=article)
        ReviewBodyFact.objects.create(body=body, article=article, text=f"Fact {i}")
        SlugRedirect.objects.create(kind="person", old_slug=f"old-{n}-{i}", person=person)
        milestone = Milestone.objects.create(
            title=f"Milestone {n} {i}",
            slug=f"milestone-{n}-{i}",
            key=f"milestone-{n}-{i}",
            date=datetime.date(2022, 3, 1),
            date_precision="season",
        )
        MilestoneSource.objects.create(milestone=milestone, article=article, sentence="Said.")
        article.source = SourceFile.objects.create(
            article=article,
            content=article.source_text.encode(),
            sha256=article.sha256,
            size=len(article.source_text.encode()),
            original_path=article.source_file,
        )
        article.save()


def archive_admins():
    return [
        model_admin
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in ARCHIVE_APPS
    ]


def test_every_archive_model_has_an_admin_with_history():
    from django.apps import apps
    from simple_history.admin import SimpleHistoryAdmin

    registered = set(admin.site._registry)
    for app_label in ARCHIVE_APPS:
        for model in apps.get_app_config(app_label).get_models():
            if model.__name__.startswith("Historical"):
                continue
            assert model in registered, model
            if hasattr(model, "history"):
                assert isinstance(admin.site._registry[model], SimpleHistoryAdmin), model


def changelist_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


@pytest.mark.parametrize("model_admin", archive_admins(), ids=lambda a: a.model.__name__)
def test_changelists_cost_the_same_for_few_and_many_rows(superuser_client, model_admin):
    opts = model_admin.model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    populate(1)
    few = changelist_queries(superuser_client, url)
    populate(6)
    many = changelist_queries(superuser_client, url)
    assert few == many
    assert many <= 14


@pytest.mark.parametrize("model_admin", archive_admins(), ids=lambda a: a.model.__name__)
def test_change_and_history_pages_open(superuser_client, model_admin):
    populate(1)
    record = model_admin.model.objects.first()
    opts = model_admin.model._meta
    change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
    assert superuser_client.get(change).status_code == 200
    if hasattr(model_admin, "history_view"):
        history = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[record.pk])
        assert superuser_client.get(history).status_code == 200


def test_article_list_searches_and_filters(superuser_client):
    welsh = make_outlet("Welsh Gazette")
    make_article("Experts by Experience Board appointed", outlet=welsh, kind="opinion")
    make_article("Call for evidence closes", needs_review=True, published=None)
    url = reverse("admin:articles_article_changelist")

    def titles(**query):
        response = superuser_client.get(url, query)
        assert response.status_code == 200
        return {a.title for a in response.context["cl"].result_list}

    assert titles(q="Experts") == {"Experts by Experience Board appointed"}
    assert titles(outlet__id__exact=welsh.pk) == {"Experts by Experience Board appointed"}
    assert titles(kind__exact="opinion") == {"Experts by Experience Board appointed"}
    assert titles(needs_review__exact=1) == {"Call for evidence closes"}
    assert titles(published__year=2021) == {"Experts by Experience Board appointed"}
    page = superuser_client.get(url).content.decode()
    assert "date unknown" in page  # the undated article says so


def test_people_are_found_by_alias_and_autocomplete(superuser_client):
    josh = make_person("Josh MacAlister")
    PersonAlias.objects.create(person=josh, name="Josh McAlistair")
    listing = superuser_client.get(reverse("admin:people_person_changelist"), {"q": "McAlistair"})
    assert [p.name for p in listing.context["cl"].result_list] == ["Josh MacAlister"]
    found = superuser_client.get(
        reverse("admin:autocomplete"),
        {"term": "MacAl", "app_label": "articles", "model_name": "quote", "field_name": "speaker"},
    )
    assert found.status_code == 200
    assert [r["text"] for r in found.json()["results"]] == ["Josh MacAlister"]


@pytest.mark.parametrize("model_admin", archive_admins(), ids=lambda a: a.model.__name__)
def test_every_foreign_key_is_chosen_by_autocomplete(model_admin, rf, superuser):
    """Lists of thousands of people or articles never become a select box."""
    request = rf.get("/")
    request.user = superuser
    forms = [(model_admin.model, model_admin.autocomplete_fields, None)]
    for inline in model_admin.get_inline_instances(request):
        forms.append(
            (inline.model, inline.autocomplete_fields, inline.fk_name or model_admin.model)
        )
    for model, autocomplete, parent in forms:
        for field in model._meta.concrete_fields:
            if not field.many_to_one or field.related_model is parent:
                continue
            assert field.name in autocomplete, f"{model.__name__}.{field.name}"

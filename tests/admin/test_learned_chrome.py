"""Staff see each outlet's learned chrome on its admin page, and cannot edit it."""

import dataclasses

import pytest
from django.urls import reverse

from articles.models import LearnedChromeLine, Outlet
from articles.services import loading
from tests.parsing.template_pages import FOOTER, MENU, OUTLET, SIGN_UP, template_page

from .factories import make_outlet
from .test_review_queue import queries_for

pytestmark = pytest.mark.django_db


def outlet_page(outlet: Outlet) -> str:
    return reverse("admin:articles_outlet_change", args=[outlet.pk])


def learn(outlet: Outlet, count: int) -> None:
    LearnedChromeLine.objects.bulk_create(
        LearnedChromeLine(outlet=outlet, fingerprint=f"{i:016x}", line=f"Menu {i}", articles=4)
        for i in range(count)
    )


def test_the_outlet_page_lists_what_loading_its_pages_taught(reader_client, monkeypatch):
    default = loading.default_authority()
    authority = dataclasses.replace(default, outlets=(*default.outlets, OUTLET))
    for index in range(5):
        loading.load_source(
            f"courier_{index}.txt", template_page(index).encode(), authority=authority
        )
    page = reader_client.get(outlet_page(Outlet.objects.get(name=OUTLET.name)))
    assert page.status_code == 200
    html = page.content.decode()
    for line in (FOOTER, SIGN_UP, *MENU):
        assert line.replace("'", "&#x27;") in html
    assert "Learned chrome" in html


def test_the_outlet_page_costs_the_same_for_few_and_many_lines(
    editor_client, django_assert_max_num_queries
):
    few, many = make_outlet(), make_outlet()
    learn(few, 1)
    learn(many, 40)
    assert queries_for(editor_client, outlet_page(few)) == queries_for(
        editor_client, outlet_page(many)
    )
    with django_assert_max_num_queries(12):
        editor_client.get(outlet_page(many))


def test_learned_chrome_is_read_only_for_every_staff_user(superuser_client):
    outlet = make_outlet()
    learn(outlet, 1)
    line = LearnedChromeLine.objects.get()
    assert superuser_client.get(reverse("admin:articles_learnedchromeline_add")).status_code == 403
    change = superuser_client.get(
        reverse("admin:articles_learnedchromeline_change", args=[line.pk])
    )
    assert change.status_code == 200 and 'name="_save"' not in change.content.decode()
    listing = superuser_client.get(
        reverse("admin:articles_learnedchromeline_changelist"), {"outlet__id__exact": outlet.pk}
    )
    assert "Menu 0" in listing.content.decode()

"""The review queue: one list of every flagged record, cleared by staff."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article, Quote
from people.models import Person, PersonAlias

from .factories import make_article, make_outlet, make_person, quote
from .payloads import person_form

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:review-queue")
CLEAR = reverse("admin:review-queue-clear")


def flag_some(n: int = 1):
    """``n`` flagged records of each of several kinds."""
    outlet = make_outlet(needs_review=True, review_reason="unknown outlet")
    for _ in range(n):
        article = make_article(
            outlet=outlet, needs_review=True, review_reason="no publication date found"
        )
        person = make_person(needs_review=True, review_reason="newly discovered person")
        PersonAlias.objects.create(person=person, name=f"{person.name}x", needs_review=True)
        said = quote(article, None, "An unattributed remark.")
        said.needs_review, said.review_reason = True, "speaker not resolved"
        said.save()


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_the_queue_lists_every_flagged_record_with_reason_and_link(editor_client):
    flag_some()
    make_person("Checked Person")  # not flagged: not listed
    response = editor_client.get(QUEUE)
    page = response.content.decode()
    assert response.status_code == 200
    for reason in (
        "unknown outlet",
        "no publication date found",
        "newly discovered person",
        "speaker not resolved",
    ):
        assert reason in page
    person = Person.objects.get(needs_review=True)
    assert f"possible alias of “{person.name}”" in page
    assert reverse("admin:people_person_change", args=[person.pk]) in page
    assert "Checked Person" not in page
    assert len(response.context["rows"]) == 5


def test_the_queue_costs_a_fixed_number_of_queries(editor_client, django_assert_max_num_queries):
    flag_some(1)
    few = queries_for(editor_client, QUEUE)
    flag_some(12)
    many = queries_for(editor_client, QUEUE)
    assert few == many
    # 12, and one for the outlets of the outlet filter
    with django_assert_max_num_queries(13):
        editor_client.get(QUEUE)


def test_the_queue_pages_and_filters_by_type(editor_client):
    flag_some(30)  # 30 articles, people, aliases and quotes, and one outlet
    first = editor_client.get(QUEUE)
    assert len(first.context["rows"]) == 50
    assert first.context["page_obj"].paginator.num_pages == 3
    last = editor_client.get(QUEUE, {"page": 3})
    assert len(last.context["rows"]) == 121 - 100
    only_quotes = editor_client.get(QUEUE, {"type": "articles.quote"})
    assert {row.item.model_key for row in only_quotes.context["rows"]} == {"articles.quote"}
    assert editor_client.get(QUEUE, {"type": "auth.user"}).status_code == 404


def test_clearing_a_flag_removes_it_from_the_queue_and_records_who(editor_client):
    flag_some()
    article = Article.objects.get()
    response = editor_client.post(
        CLEAR, {"record": f"articles.article:{article.pk}", "next": f"{QUEUE}?page=1"}
    )
    assert response.status_code == 302
    assert response.url == f"{QUEUE}?page=1"
    article.refresh_from_db()
    assert not article.needs_review
    latest = article.history.first()
    assert latest.history_change_reason == "review flag cleared"
    assert latest.history_user.username == "editor"
    assert "no publication date found" not in editor_client.get(QUEUE).content.decode()


def test_clearing_redirects_only_to_the_queue(editor_client):
    flag_some()
    person = Person.objects.get()
    response = editor_client.post(
        CLEAR, {"record": f"people.person:{person.pk}", "next": "https://evil.example/"}
    )
    assert response.url == QUEUE


def test_clearing_refuses_unknown_records(editor_client):
    assert editor_client.post(CLEAR, {"record": "auth.user:1"}).status_code == 404
    assert editor_client.post(CLEAR, {"record": "people.person:999"}).status_code == 404
    assert editor_client.post(CLEAR, {"record": "people.person:x"}).status_code == 404
    assert editor_client.get(CLEAR).status_code == 405


def test_readers_see_the_queue_but_cannot_clear(reader_client):
    flag_some()
    response = reader_client.get(QUEUE)
    assert response.status_code == 200
    assert "Clear flag" not in response.content.decode()
    quote_pk = Quote.objects.get().pk
    refused = reader_client.post(CLEAR, {"record": f"articles.quote:{quote_pk}"})
    assert refused.status_code == 403
    assert Quote.objects.get().needs_review


def test_saving_with_the_box_unticked_clears_the_flag(editor_client):
    person = make_person("Dez Holmes", needs_review=True, review_reason="newly discovered person")
    url = reverse("admin:people_person_change", args=[person.pk])
    form = person_form(person, role="Director, Research in Practice", needs_review="")
    response = editor_client.post(url, form)
    assert response.status_code == 302
    person.refresh_from_db()
    assert not person.needs_review
    assert person.role == "Director, Research in Practice"
    assert person.history.first().history_user.username == "editor"


def test_the_admin_index_links_to_the_queue(editor_client):
    page = editor_client.get(reverse("admin:index")).content.decode()
    assert f'href="{QUEUE}"' in page


def test_an_empty_queue_says_so(editor_client):
    response = editor_client.get(QUEUE)
    assert "Nothing needs review." in response.content.decode()

"""Staff corrections survive `manage.py load_articles`; untouched fields still follow the source."""

import pytest
from django.urls import reverse

from articles.models import Quote
from people.models import Person

from .payloads import article_form, person_form
from .seeds import copy_seeds, edit_seed, load, seed_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeds(tmp_path):
    folder = copy_seeds(tmp_path)
    load(folder)
    return folder


def change_article(client, article, **changes):
    response = client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        article_form(article, **changes),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    return article


def test_a_corrected_title_survives_and_the_changed_body_is_updated(editor_client, seeds):
    article = seed_article("002")
    corrected = "Care Review launches the penultimate stage of its work"
    change_article(editor_client, article, title=corrected)
    load(seeds)  # the same files: nothing to do
    article.refresh_from_db()
    assert article.title == corrected

    edit_seed(seeds, "002", "However, critics have", "However, several critics have")
    load(seeds)
    article.refresh_from_db()
    assert article.title == corrected
    assert "However, several critics have questioned" in article.body
    assert article.author == "Fiona Simpson"
    assert article.corrected_fields() == ["title"]


def test_a_corrected_date_and_precision_survive(editor_client, seeds):
    article = seed_article("001")  # the text gives no publication date
    assert article.date_display == "date unknown"
    change_article(editor_client, article, published="2021-03-01", published_precision="month")
    assert article.date_display == "March 2021"

    edit_seed(seeds, "001", "1,011 applications", "1,012 applications")
    load(seeds)
    article.refresh_from_db()
    assert article.date_display == "March 2021"
    assert (article.published.isoformat(), article.published_end.isoformat()) == (
        "2021-03-01",
        "2021-03-31",
    )
    assert "1,012 applications" in article.body


def test_a_corrected_role_survives(editor_client, seeds):
    ray = Person.objects.get(name="Ray Jones")
    role = "Emeritus professor of social work, Kingston University"
    response = editor_client.post(
        reverse("admin:people_person_change", args=[ray.pk]), person_form(ray, role=role)
    )
    assert response.status_code == 302

    edit_seed(seeds, "002", "However, critics have", "However, several critics have")
    load(seeds)
    ray.refresh_from_db()
    assert ray.role == role
    assert "several critics" in seed_article("002").body


def test_a_corrected_speaker_survives(editor_client, seeds):
    article = seed_article("002")
    spokesperson = article.quotes.get(speaker__isnull=True, speaker_label__icontains="spokesperson")
    josh = Person.objects.get(name="Josh MacAlister")
    form = {
        "article": article.pk,
        "speaker": josh.pk,
        "speaker_label": "",
        "text": spokesperson.text,
        "position": spokesperson.position,
        "review_reason": spokesperson.review_reason,
        "seen_version": spokesperson.version,
    }
    response = editor_client.post(
        reverse("admin:articles_quote_change", args=[spokesperson.pk]), form
    )
    assert response.status_code == 302

    edit_seed(seeds, "002", "However, critics have", "However, several critics have")
    load(seeds)
    spokesperson = Quote.objects.get(pk=spokesperson.pk)
    assert spokesperson.speaker == josh
    assert spokesperson.speaker_label == ""
    assert "several critics" in seed_article("002").body


def test_the_undated_seeds_are_in_the_queue_and_a_cleared_flag_stays_cleared(editor_client, seeds):
    queue = editor_client.get(reverse("admin:review-queue"), {"type": "articles.article"})
    flagged = {row.item.record.source_file[:3] for row in queue.context["rows"]}
    assert {"001", "003"} <= flagged
    assert "no publication date found" in queue.content.decode()

    undated = seed_article("001")
    editor_client.post(
        reverse("admin:review-queue-clear"), {"record": f"articles.article:{undated.pk}"}
    )
    edit_seed(seeds, "001", "1,011 applications", "1,012 applications")
    load(seeds)
    undated.refresh_from_db()
    assert not undated.needs_review
    assert "1,012 applications" in undated.body
    assert seed_article("003").needs_review

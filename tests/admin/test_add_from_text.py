"""Adding an article by pasting page text or uploading a .txt file."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article

from .seeds import SEEDS

pytestmark = pytest.mark.django_db

ADD = reverse("admin:articles_article_add_from_text")


def seed_bytes(prefix: str) -> bytes:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_bytes()


def test_add_opens_the_page_text_form(editor_client):
    response = editor_client.get(reverse("admin:articles_article_add"))
    assert response.status_code == 302
    assert response.url == ADD
    page = editor_client.get(ADD).content.decode()
    assert 'name="text"' in page and 'name="upload"' in page


def test_pasted_text_is_loaded_into_the_review_queue(editor_client):
    response = editor_client.post(ADD, {"text": seed_bytes("002").decode("utf-8")})
    article = Article.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("admin:articles_article_change", args=[article.pk])
    assert article.title == "Care Review launches penultimate stage of project"
    assert article.source_file.startswith("staff-") and article.source_file.endswith(".txt")
    assert article.needs_review
    assert article.review_reason.startswith("added by staff")
    queue = editor_client.get(reverse("admin:review-queue")).content.decode()
    assert "added by staff" in queue


def test_an_uploaded_file_is_loaded_under_its_name(editor_client):
    upload = SimpleUploadedFile("cyp-now-care-review.txt", seed_bytes("002"), "text/plain")
    response = editor_client.post(ADD, {"upload": upload})
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.source_file == "cyp-now-care-review.txt"
    assert article.author == "Fiona Simpson"
    assert article.review_reason.startswith("added by staff")


def test_the_same_file_again_is_unchanged_and_a_copy_is_refused(editor_client):
    raw = seed_bytes("000")
    editor_client.post(ADD, {"upload": SimpleUploadedFile("a.txt", raw)})
    again = editor_client.post(ADD, {"upload": SimpleUploadedFile("a.txt", raw)}, follow=True)
    assert "“a.txt” is already in the archive with exactly this text" in again.content.decode()
    copy = editor_client.post(ADD, {"upload": SimpleUploadedFile("b.txt", raw)})
    assert copy.status_code == 200
    assert "“b.txt” was not loaded: same content as a.txt." in copy.content.decode()
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({}, "Paste the page text or upload a file"),
        ({"text": "   \n"}, "Paste the page text or upload a file"),
        (
            {"text": "Some text", "upload": SimpleUploadedFile("x.txt", b"Other text")},
            "Paste the page text or upload a file",
        ),
        ({"upload": SimpleUploadedFile("page.pdf", b"%PDF-1.4")}, "Upload a plain-text .txt file"),
        (
            {"upload": SimpleUploadedFile("binary.txt", b"\x00\x01\x02" * 100)},
            "“binary.txt” was not loaded",
        ),
    ],
    ids=["nothing", "blank", "both", "not-txt", "binary"],
)
def test_bad_input_is_refused_with_a_reason(editor_client, data, error):
    response = editor_client.post(ADD, data)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Article.objects.exists()


def test_the_history_of_an_added_article_names_the_editor_who_added_it(editor_client):
    editor_client.post(ADD, {"text": seed_bytes("002").decode("utf-8")})
    article = Article.objects.get()
    (added,) = article.history.all()
    assert (added.history_type, added.history_user.username) == ("+", "editor")
    mentions = article.person_mentions.all()
    assert mentions and all(
        mention.history.get().history_user.username == "editor" for mention in mentions
    )

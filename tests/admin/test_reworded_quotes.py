"""A corrected quote whose wording changes in the source keeps its correction, or is flagged."""

import pytest
from django.urls import reverse

from articles.models import Quote
from people.models import Person

from .seeds import copy_seeds, edit_seed, load, seed_article

pytestmark = pytest.mark.django_db

QUIETER = "be a bit quieter in early 2022"


@pytest.fixture
def seeds(tmp_path):
    folder = copy_seeds(tmp_path)
    load(folder)
    return folder


def correct_speaker() -> Quote:
    """Staff give the "quieter" quote another speaker."""
    quote = Quote.objects.get(article=seed_article("002"), text__contains=QUIETER)
    quote.speaker = Person.objects.get(name="Ray Jones")
    quote.save()
    return quote


def test_a_reworded_quote_keeps_its_corrected_speaker(seeds):
    corrected = correct_speaker()
    before = Quote.objects.count()

    edit_seed(seeds, "002", "be a bit quieter", "be rather quieter")
    load(seeds)

    assert Quote.objects.count() == before
    (quote,) = Quote.objects.filter(text__contains="quieter")
    assert quote.pk == corrected.pk
    assert "be rather quieter" in quote.text
    assert quote.speaker.name == "Ray Jones"
    assert quote.corrected_fields() == ["speaker_id"]
    assert not quote.source_changed


def test_a_corrected_quote_gone_from_the_source_is_flagged_and_never_shown_twice(
    seeds, editor_client
):
    corrected = correct_speaker()
    article = seed_article("002")
    public_before = Quote.public.filter(article=article).count()

    edit_seed(
        seeds,
        "002",
        "That means we’ll need to get our heads down and be a bit quieter in early 2022 as we"
        " write the final report",
        "Nobody should expect silence from this team while the final report gets written",
    )
    load(seeds)

    corrected.refresh_from_db()
    assert corrected.source_changed and corrected.needs_review
    assert "source changed" in corrected.review_reason
    assert Quote.public.filter(article=article).count() == public_before
    assert not Quote.public.filter(pk=corrected.pk).exists()
    page = editor_client.get(article.get_absolute_url()).content.decode()
    assert QUIETER not in page
    assert "Nobody should expect silence" in page
    queue = editor_client.get(reverse("admin:review-queue") + "?type=articles.quote")
    assert "source changed" in queue.content.decode()


def test_the_reworded_quote_pairs_only_close_wordings():
    from articles.services.writing import reworded_pairs

    old = [Quote(loader_values={"text": "We will publish the final report next spring."})]
    pairs = reworded_pairs(
        {
            0: "A different sentence altogether, about funding.",
            1: "We will publish the final report in the spring.",
        },
        old,
    )
    assert pairs == {1: old[0]}

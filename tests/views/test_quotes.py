"""The quotes index /quotes/ and the permalink page of each quote."""

import csv
import io
import json

import pytest
from django.core.management import call_command

from articles.models import Quote
from tests import factories
from tests.views.helpers import facet

pytestmark = pytest.mark.django_db


def streamed(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8-sig")


def quote_texts(response) -> list[str]:
    return [quote.text for quote in response.context["quotes"]]


@pytest.fixture
def quoted(archive):
    """The hand-made archive with a third quote: an unnamed spokesperson in ``launch``."""
    factories.make_quote(
        archive.launch, "We will publish in the spring.", speaker_label="A DfE spokesperson"
    )
    return archive


def test_every_quote_with_speaker_article_outlet_and_date(client, quoted):
    response = client.get("/quotes/")
    assert response.status_code == 200
    # Newest article first: penultimate (Nov 2021), partnership (Apr 2021), launch (Mar 2021).
    assert quote_texts(response) == [
        "pointing out problems is the easy bit",
        "How can the government's own Chief Social Worker",
        "We will publish in the spring.",
    ]
    assert "A DfE spokesperson" in response.text
    assert "9 November 2021" in response.text
    assert f'href="/articles/{quoted.partnership.slug}/#quote-' in response.text
    assert response.context["links"] == {
        "csv": "/quotes/?format=csv",
        "json": "/quotes/?format=json",
    }


def test_filters_by_speaker_person_mentioned_outlet_and_date(client, quoted):
    assert quote_texts(client.get("/quotes/?speaker=ian-dickson")) == [
        "How can the government's own Chief Social Worker"
    ]
    # Ray Jones is mentioned (not quoted) in penultimate only.
    assert quote_texts(client.get("/quotes/?person=ray-jones")) == [
        "pointing out problems is the easy bit"
    ]
    assert len(quote_texts(client.get("/quotes/?outlet=social-work-today"))) == 2
    assert quote_texts(client.get("/quotes/?review_body=experts-by-experience-board")) == [
        "How can the government's own Chief Social Worker"
    ]
    assert quote_texts(client.get("/quotes/?date_from=2021-04&date_to=2021-06")) == [
        "How can the government's own Chief Social Worker"
    ]


def test_search_within_the_quotes(client, quoted):
    assert quote_texts(client.get("/quotes/?q=problems")) == [
        "pointing out problems is the easy bit"
    ]
    # The article's body says "partnership"; the quote does not.
    assert quote_texts(client.get("/quotes/?q=partnership")) == []


def test_facet_counts_count_quotes(client, quoted):
    response = client.get("/quotes/")
    assert facet(response, "speaker") == {"Ian Dickson": 1, "Josh MacAlister": 1}
    assert facet(response, "outlet") == {"Social Work Today": 2, "CYP Now": 1}
    # Josh is mentioned in all three quoted articles, Ian in two, Ray in one.
    assert facet(response, "person") == {"Josh MacAlister": 3, "Ian Dickson": 2, "Ray Jones": 1}
    narrowed = client.get("/quotes/?outlet=cyp-now")
    assert facet(narrowed, "outlet") == {"CYP Now": 1, "Social Work Today": 2}
    assert facet(narrowed, "person") == {"Ian Dickson": 1, "Josh MacAlister": 1, "Ray Jones": 1}


def test_active_filters_and_summary(client, quoted):
    response = client.get("/quotes/?speaker=ian-dickson&date_from=2021")
    assert response.context["summary"] == "said by Ian Dickson, from 2021"
    assert [chip.label for chip in response.context["active_filters"]] == [
        "Ian Dickson",
        "From 2021",
    ]
    assert response.context["active_filters"][0].remove_url == "/quotes/?date_from=2021"


def test_invalid_filters_are_named_and_refused(client, quoted):
    response = client.get("/quotes/?speaker=nobody")
    assert response.status_code == 200
    assert response.context["problems"] == ["Speakers: There is no person “nobody” in the archive."]
    assert response.context["quotes"] == []
    assert client.get("/quotes/?speaker=nobody&format=csv").status_code == 400
    assert client.get("/quotes/?format=xml").status_code == 400
    assert client.get("/quotes/?page=9").status_code == 404


def test_quotes_export_as_csv_with_bom_and_a_named_file(client, quoted):
    response = client.get("/quotes/?speaker=josh-macalister&format=csv")
    assert response["Content-Disposition"] == (
        'attachment; filename="care-review-quotes-josh-macalister.csv"'
    )
    raw = b"".join(response.streaming_content)
    assert raw.startswith("\ufeff".encode())
    [row] = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert row["speaker"] == "Josh MacAlister"
    assert row["text"] == "pointing out problems is the easy bit"
    assert row["outlet"] == "CYP Now"
    assert row["published"] == "2021-11-09"
    quote = Quote.objects.get(text=row["text"])
    assert row["url"] == f"https://testserver/quotes/{quote.pk}/"
    assert row["article_url"].endswith(f"/articles/{quoted.penultimate.slug}/#quote-{quote.pk}")


def test_quotes_export_as_json_lists_its_filters(client, quoted):
    data = json.loads(streamed(client.get("/quotes/?outlet=social-work-today&format=json")))
    assert data["filters"] == {"outlet": ["social-work-today"]}
    assert data["count"] == 2
    assert {quote["speaker"] for quote in data["quotes"]} == {"Ian Dickson", "A DfE spokesperson"}


def test_permalink_page_shows_the_paragraph_and_links_to_the_anchor(client, archive):
    quote = factories.make_quote(archive.penultimate, "it was stage-managed", archive.ian)
    response = client.get(f"/quotes/{quote.pk}/")
    assert response.status_code == 200
    assert "Ian Dickinson said <mark>it was stage-managed</mark>." in response.text
    assert f'href="/articles/{archive.penultimate.slug}/#quote-{quote.pk}"' in response.text
    article = client.get(archive.penultimate.get_absolute_url())
    assert f'id="quote-{quote.pk}"' in article.text
    data = client.get(f"/quotes/{quote.pk}/?format=json").json()
    assert data["quote"]["speaker"] == "Ian Dickson"
    assert data["paragraph"] == "Ian Dickinson said it was stage-managed."


def test_a_quote_off_the_public_pages_has_no_permalink(client, archive):
    quote = factories.make_quote(archive.faq, "Reworded.", archive.josh, source_changed=True)
    assert client.get(f"/quotes/{quote.pk}/").status_code == 404
    assert "Reworded." not in client.get("/quotes/").text


def test_person_page_links_to_all_their_quotes(client, archive):
    for number in range(11):
        factories.make_quote(archive.faq, f"Point {number}.", archive.josh, position=number + 1)
    response = client.get("/people/josh-macalister/")
    assert 'href="/quotes/?speaker=josh-macalister">All 12 quotes from Josh MacAlister' in (
        response.text
    )
    assert len(quote_texts(client.get("/quotes/?speaker=josh-macalister"))) == 12


def test_ian_dicksons_three_seed_quotes_across_both_spellings(client, db):
    call_command("load_articles", verbosity=0)
    response = client.get("/quotes/?speaker=ian-dickson")
    assert response.context["page_obj"].paginator.count == 3
    assert sorted({quote.article.source_file[:3] for quote in response.context["quotes"]}) == [
        "000",
        "002",
    ]
    assert any("stage-managed" in quote.text for quote in response.context["quotes"])


def test_a_hidden_name_is_neither_shown_nor_offered_nor_exported(client, quoted, settings):
    settings.ARCHIVE_HIDE_UNREVIEWED = True
    quoted.josh.needs_review = True
    quoted.josh.save()
    response = client.get("/quotes/")
    # Josh's page is hidden, so is his name as a speaker: the quote stays, unattributed.
    assert "pointing out problems is the easy bit" in quote_texts(response)
    assert 'href="/people/josh-macalister/"' not in response.text
    assert facet(response, "speaker") == {"Ian Dickson": 1}
    rows = list(csv.DictReader(io.StringIO(streamed(client.get("/quotes/?format=csv")))))
    by_text = {row["text"]: row for row in rows}
    assert by_text["pointing out problems is the easy bit"]["speaker"] == "Unattributed"
    assert by_text["pointing out problems is the easy bit"]["speaker_url"] == ""


def test_the_date_boxes_take_dates_as_people_type_them(client, quoted):
    response = client.get("/quotes/?date_from=spring+2021&date_to=23+May+2022")
    assert response.status_code == 200
    text = response.content.decode()
    assert 'value="spring 2021"' in text and 'value="23 May 2022"' in text
    assert 'maxlength="10"' not in text  # "spring 2021" has 11 characters
    assert "from spring 2021 to 23 May 2022" in text

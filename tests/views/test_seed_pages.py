"""The public pages on the five loaded seed texts, against counts made by hand.

Ian Dickson is mentioned in seeds 000 and 002 (002 spells him "Ian Dickinson");
000, 002 and 004 are dated (19 April, 9 November and 3 March 2021), 001 and 003
are not; the Evidence Group is named in 000 and 003.
"""

import csv
import io

import pytest
from django.core.management import call_command

from tests.views.helpers import facet

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeds(db):
    call_command("load_articles", verbosity=0)


def seed_numbers(response) -> list[str]:
    return [article.source_file[:3] for article in response.context["articles"]]


def test_all_seeds_newest_first_undated_last(client, seeds):
    response = client.get("/articles/")
    assert seed_numbers(response) == ["002", "000", "004", "001", "003"]
    assert response.text.count("date unknown") == 2


def test_filtering_by_ian_dickson_finds_both_spellings(client, seeds):
    response = client.get("/articles/?person=ian-dickson")
    assert sorted(seed_numbers(response)) == ["000", "002"]
    assert facet(response, "person")["Ian Dickson"] == 2
    assert 'Ian Dickson <span class="count">(2)</span>' in response.text


def test_outlet_facet_on_the_seeds(client, seeds):
    response = client.get("/articles/")
    assert facet(response, "outlet")["Social Work Today"] == 2


def test_date_filters_on_the_seeds(client, seeds):
    assert seed_numbers(client.get("/articles/?date_from=2021-04&date_to=2021-04")) == ["000"]
    assert seed_numbers(client.get("/articles/?date_to=2021-03")) == ["004"]
    assert seed_numbers(client.get("/articles/?date_from=2021")) == ["002", "000", "004"]


def test_search_finds_the_one_seed_with_the_word(client, seeds):
    response = client.get("/articles/?q=penultimate")
    assert seed_numbers(response) == ["002"]
    assert "<mark>penultimate</mark>" in response.text.lower()


def test_seed_002_links_the_misspelling_to_ian_dickson(client, seeds):
    response = client.get("/articles/?person=ian-dickson&outlet=children-young-people-now")
    [article] = response.context["articles"]
    page = client.get(article.get_absolute_url())
    assert '<a class="mention" href="/people/ian-dickson/">Ian Dickinson</a>' in page.text
    assert "spokesperson for the review" in page.text
    source = client.get(f"{article.get_absolute_url()}source/")
    assert "Care Review launches penultimate stage of project" in source.text


def test_ian_dicksons_page(client, seeds):
    response = client.get("/people/ian-dickson/")
    quotes = " ".join(quote.text for quote in response.context["quotes"])
    assert "How can the government's own Chief Social Worker" in quotes
    assert "choreographed and stage-managed" in quotes
    assert "Also written as: “Ian Dickinson”" in response.text
    assert sorted(seed_numbers(response)) == ["000", "002"]


def test_evidence_group_page(client, seeds):
    response = client.get("/review-bodies/evidence-group/")
    memberships = list(response.context["body"].memberships.all())
    assert (memberships[0].person.name, memberships[0].role) == ("Leon Feinstein", "chair")
    members = {m.person.name for m in memberships[1:]}
    assert {"Dez Holmes", "Lisa Harker", "John Simmonds"} <= members
    assert sorted(seed_numbers(response)) == ["000", "003"]


def test_experts_by_experience_board_page(client, seeds):
    response = client.get("/review-bodies/experts-by-experience-board/")
    text = response.text
    assert "Charmaine Orchard" in text
    assert "1,011 applications" in text
    assert "sit on both the Evidence and Design Groups" in text


def test_timeline_on_the_seeds(client, seeds):
    text = client.get("/timeline/").text
    assert "Call for Ideas closes" in text and "31 December 2021" in text
    assert '<time datetime="2022">spring 2022</time>' in text
    assert (
        "Care Review launches penultimate stage of project</a> (Children &amp; Young People Now"
        in (text)
    )


def test_csv_export_of_ian_dicksons_articles(client, seeds):
    response = client.get("/articles/?person=ian-dickson&format=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["source_file"][:3] for row in rows] == ["002", "000"]
    assert all(len(row["sha256"]) == 64 for row in rows)

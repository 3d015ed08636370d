"""People, organisations, review bodies, outlets, the timeline and the home page."""

import csv
import datetime
import io

import pytest

from articles.parsing.fuzzydate import SEASON
from people.models import Membership
from tests import factories
from tests.views.helpers import facet, titles

pytestmark = pytest.mark.django_db


def test_home_page_shows_counts_latest_articles_key_people_and_search(client, archive):
    factories.make_milestone("Final report", datetime.date(2022, 5, 23))
    response = client.get("/")
    assert response.status_code == 200
    assert response.context["counts"] == {"articles": 5, "outlets": 2, "people": 3, "milestones": 1}
    assert response.context["latest"][0].title == "Final report expected"
    assert [p.name for p in response.context["key_people"]] == [
        "Josh MacAlister",
        "Ian Dickson",
        "Ray Jones",
    ]
    assert 'action="/articles/"' in response.text and 'name="q"' in response.text
    assert "23 May 2022" in response.text


def test_person_page(client, archive):
    body = archive.board
    factories.make_membership(
        archive.ian, body, role=Membership.MEMBER, source_article=archive.partnership
    )
    response = client.get("/people/ian-dickson/")
    assert response.status_code == 200
    text = response.text
    assert "<h1>Ian Dickson</h1>" in text
    assert "Campaigner" in text
    assert "Also written as: “Ian Dickinson”" in text
    assert 'Member of <a href="/review-bodies/experts-by-experience-board/">' in text
    assert "How can the government&#x27;s own Chief Social Worker" in text
    assert titles(response) == [
        "Care Review launches penultimate stage",
        "Care Review announces partnership",
    ]
    together = {row["name"]: row["together"] for row in response.context["co_mentions"].people}
    assert together == {"Josh MacAlister": 2, "Ray Jones": 1}


def test_person_page_articles_can_be_filtered_like_the_list(client, archive):
    response = client.get("/people/ian-dickson/?outlet=cyp-now")
    assert titles(response) == ["Care Review launches penultimate stage"]
    assert facet(response, "outlet") == {"CYP Now": 1, "Social Work Today": 1}
    assert response.context["links"]["feed"] == "/articles/feed/?outlet=cyp-now&person=ian-dickson"
    assert response.context["links"]["csv"] == "/people/ian-dickson/?outlet=cyp-now&format=csv"


def test_person_page_export_has_only_their_articles(client, archive):
    response = client.get("/people/ray-jones/?format=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["title"] for row in rows] == [
        "Final report expected",
        "Care Review launches penultimate stage",
    ]


def test_merged_person_and_organisation_redirect_permanently(client, archive):
    factories.make_redirect("ian-dickinson", person=archive.ian)
    factories.make_redirect("dfe", organisation=archive.dfe)
    moved = client.get("/people/ian-dickinson/")
    assert moved.status_code == 301 and moved["Location"] == "/people/ian-dickson/"
    moved = client.get("/organisations/dfe/")
    assert (
        moved.status_code == 301 and moved["Location"] == "/organisations/department-for-education/"
    )
    assert client.get("/people/dfe/").status_code == 404


@pytest.mark.parametrize(
    "url",
    ["/people/nobody/", "/organisations/nobody/", "/review-bodies/nobody/", "/outlets/nobody/"],
)
def test_missing_objects_are_404(client, db, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Page not found" in response.text


def test_index_pages_list_everything_with_counts(client, archive):
    people = client.get("/people/")
    assert [(p.name, p.article_count) for p in people.context["people"]] == [
        ("Ian Dickson", 2),
        ("Josh MacAlister", 4),
        ("Ray Jones", 2),
    ]
    factories.make_organisation("Unmentioned Trust", known=True)  # as the authority file adds
    organisations = client.get("/organisations/")
    assert [o.name for o in organisations.context["organisations"]] == ["Department for Education"]
    assert client.get("/organisations/unmentioned-trust/").status_code == 200
    outlets = client.get("/outlets/")
    assert [(o.name, o.article_count) for o in outlets.context["outlets"]] == [
        ("CYP Now", 3),
        ("Social Work Today", 2),
    ]
    bodies = client.get("/review-bodies/")
    assert "Experts by Experience Board" in bodies.text and "Lived experience." in bodies.text
    assert client.get("/people/?page=2").status_code == 404


def test_organisation_page(client, archive):
    response = client.get("/organisations/department-for-education/")
    assert "Also written as: “DfE”" in response.text
    assert titles(response) == ["Care Review announces partnership"]


def test_review_body_page_shows_purpose_chair_members_facts_and_coverage(client, archive):
    board = archive.board
    factories.make_membership(archive.josh, board, role=Membership.CHAIR)
    factories.make_membership(archive.ian, board, source_article=archive.partnership)
    factories.make_fact(board, archive.partnership, "It received 1,011 applications.")
    response = client.get("/review-bodies/experts-by-experience-board/")
    text = response.text
    assert "Lived experience." in text
    chair, member = response.context["body"].memberships.all()
    assert (chair.person.name, member.person.name) == ("Josh MacAlister", "Ian Dickson")
    assert "Josh MacAlister</a> <strong>(chair)</strong>" in text
    assert "<q>It received 1,011 applications.</q>" in text
    assert titles(response) == ["Care Review announces partnership"]


def test_outlet_page_lists_its_coverage(client, archive):
    response = client.get("/outlets/social-work-today/")
    assert "<h1>Social Work Today</h1>" in response.text
    assert titles(response) == ["Care Review announces partnership", "Review formally launches"]


def test_timeline_lists_milestones_with_precision_and_reporting_articles(client, archive):
    factories.make_milestone(
        "Final recommendations expected",
        datetime.date(2022, 3, 1),
        precision=SEASON,
        articles=[archive.penultimate],
    )
    factories.make_milestone("Call for Evidence closes", datetime.date(2021, 3, 30))
    factories.make_milestone("Undated event")
    response = client.get("/timeline/")
    text = response.text
    assert [m.title for m in response.context["milestones"]] == [
        "Call for Evidence closes",
        "Final recommendations expected",
        "Undated event",
    ]
    assert '<time datetime="2022">spring 2022</time>' in text
    assert 'id="final-recommendations-expected"' in text
    assert "Care Review launches penultimate stage</a> (CYP Now, 9 November 2021)" in text


def test_timeline_says_an_expected_milestone_is_expected(client, archive):
    factories.make_milestone(
        "Final recommendations published",
        datetime.date(2022, 3, 1),
        precision=SEASON,
        expected=True,
    )
    factories.make_milestone("Call for Evidence closes", datetime.date(2021, 3, 30))
    text = client.get("/timeline/").text
    assert 'expected <time datetime="2022">spring 2022</time>' in text
    assert 'expected <time datetime="2021-03-30">' not in text
    assert '<time datetime="2021-03-30">30 March 2021</time>' in text


def test_timeline_chart_is_accessible_svg_with_a_table(client, archive):
    factories.make_milestone("Call for Evidence closes", datetime.date(2021, 3, 30))
    response = client.get("/timeline/")
    text = response.text
    assert '<svg role="img" aria-labelledby="coverage-title coverage-desc"' in text
    assert '<title id="coverage-title">Articles per month</title>' in text
    assert '<desc id="coverage-desc">Articles per month from March 2021 to November 2021' in text
    assert "<caption>Articles per month, with the milestones of each month</caption>" in text
    assert "Call for Evidence closes (30 March 2021)" in text
    # The season-dated and the undated article are not in a monthly chart, and it says so.
    assert "1 article dated only to a season or a year" in text
    assert "1 article with no known date" in text

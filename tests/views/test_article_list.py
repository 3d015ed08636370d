"""/articles/: each filter, filters combined, facets, sorting, pagination and bad input."""

import pytest

from articles import browsing as browse
from tests.views.helpers import facet, sqlite_only, titles

pytestmark = pytest.mark.django_db

PARTNERSHIP = "Care Review announces partnership"
PENULTIMATE = "Care Review launches penultimate stage"
LAUNCH = "Review formally launches"
FAQ = "Frequently asked questions"
SPRING = "Final report expected"


def test_unfiltered_list_is_newest_first_with_undated_last(client, archive):
    response = client.get("/articles/")
    assert response.status_code == 200
    assert titles(response) == [SPRING, PENULTIMATE, PARTNERSHIP, LAUNCH, FAQ]
    assert "date unknown" in response.text
    assert "5 articles" in response.text


def test_oldest_first_still_puts_undated_last(client, archive):
    response = client.get("/articles/?sort=oldest")
    assert titles(response) == [LAUNCH, PARTNERSHIP, PENULTIMATE, SPRING, FAQ]


def test_person_filter_finds_every_spelling_and_counts_facets(client, archive):
    response = client.get("/articles/?person=ian-dickson")
    assert titles(response) == [PENULTIMATE, PARTNERSHIP]
    assert facet(response, "person") == {"Ian Dickson": 2, "Josh MacAlister": 2, "Ray Jones": 1}
    assert 'Ian Dickson <span class="count">(2)</span>' in response.text
    assert response.context["facets"][0].values[0].selected


def test_two_people_mean_articles_mentioning_both(client, archive):
    response = client.get("/articles/?person=ian-dickson&person=ray-jones")
    assert titles(response) == [PENULTIMATE]
    assert "mentioning Ian Dickson and Ray Jones" in response.text


def test_organisation_and_review_body_filters(client, archive):
    assert titles(client.get("/articles/?organisation=department-for-education")) == [PARTNERSHIP]
    assert titles(client.get("/articles/?review_body=experts-by-experience-board")) == [PARTNERSHIP]


def test_outlets_combine_with_or_and_their_facet_ignores_its_own_selection(client, archive):
    one = client.get("/articles/?outlet=social-work-today")
    assert titles(one) == [PARTNERSHIP, LAUNCH]
    assert facet(one, "outlet") == {"CYP Now": 3, "Social Work Today": 2}
    both = client.get("/articles/?outlet=social-work-today&outlet=cyp-now")
    assert len(titles(both)) == 5


def test_outlet_facet_follows_the_other_filters(client, archive):
    response = client.get("/articles/?person=ray-jones")
    assert facet(response, "outlet") == {"CYP Now": 2}


def test_kind_filter_and_facet(client, archive):
    response = client.get("/articles/?kind=opinion")
    assert titles(response) == [LAUNCH]
    assert facet(response, "kind") == {"News": 3, "Opinion": 1, "Official page": 1}
    assert titles(client.get("/articles/?kind=opinion&kind=official")) == [LAUNCH, FAQ]


def test_has_quotes_filter_and_count(client, archive):
    response = client.get("/articles/?has_quotes=1")
    assert titles(response) == [PENULTIMATE, PARTNERSHIP]
    assert response.context["quoted_count"] == 2
    assert 'Only articles with quotes <span class="count">(2)</span>' in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # A month-precise date overlaps any range that touches its month.
        ("date_from=2021-03-15&date_to=2021-03-20", [LAUNCH]),
        ("date_to=2021-03", [LAUNCH]),
        ("date_from=2021-04-19&date_to=2021-04-19", [PARTNERSHIP]),
        ("date_from=2021-04-20&date_to=2021-11-08", []),
        # Spring 2022 runs from March to May.
        ("date_from=2022-05-31", [SPRING]),
        ("date_from=2022-06", []),
        ("date_from=2021&date_to=2021", [PENULTIMATE, PARTNERSHIP, LAUNCH]),
    ],
)
def test_date_range_respects_date_precision(client, archive, query, expected):
    assert titles(client.get(f"/articles/?{query}")) == expected


def test_filters_combine(client, archive):
    response = client.get(
        "/articles/?person=josh-macalister&outlet=cyp-now&date_from=2021&has_quotes=1&kind=news"
    )
    assert titles(response) == [PENULTIMATE]
    assert facet(response, "person") == {"Josh MacAlister": 1, "Ian Dickson": 1, "Ray Jones": 1}


@sqlite_only
def test_sqlite_search_matches_words_anywhere_and_highlights_them(client, archive):
    response = client.get("/articles/?q=PENULTIMATE")
    assert titles(response) == [PENULTIMATE]
    assert "<mark>penultimate</mark>" in response.text
    assert response.context["sort"] == "relevance"
    assert titles(client.get("/articles/?q=care+partnership")) == [PARTNERSHIP]


@sqlite_only
def test_sqlite_relevance_puts_title_matches_first(client, archive):
    response = client.get("/articles/?q=stage")
    assert titles(response) == [PENULTIMATE]
    # Both titles say "Care": bm25 ranks the shorter one higher (tests/views/test_sqlite_search.py).
    assert set(titles(client.get("/articles/?q=care"))) == {PENULTIMATE, PARTNERSHIP}


def test_relevance_without_a_search_falls_back_to_newest(client, archive):
    response = client.get("/articles/?sort=relevance")
    assert response.context["sort"] == "newest"
    assert titles(response)[0] == SPRING


def test_active_filters_link_to_the_list_without_them(client, archive):
    response = client.get("/articles/?person=ian-dickson&person=ray-jones&kind=news&page=1")
    links = {active.label: active.remove_url for active in response.context["active_filters"]}
    assert links["Ian Dickson"] == "/articles/?person=ray-jones&kind=news"
    assert links["News"] == "/articles/?person=ian-dickson&person=ray-jones"
    assert 'href="/articles/">Clear filters</a>' in response.text


def test_empty_results_say_so_and_offer_to_clear(client, archive):
    response = client.get("/articles/?person=ray-jones&organisation=department-for-education")
    assert response.status_code == 200
    assert titles(response) == []
    assert "No articles match these filters." in response.text
    assert "Clear filters" in response.text


def test_pagination_keeps_the_filters(client, archive, monkeypatch):
    monkeypatch.setattr(browse, "PAGE_SIZE", 2)
    first = client.get("/articles/?person=josh-macalister")
    assert titles(first) == [PENULTIMATE, PARTNERSHIP]
    assert "?person=josh-macalister&amp;page=2" in first.text
    second = client.get("/articles/?person=josh-macalister&page=2")
    assert titles(second) == [LAUNCH, FAQ]
    assert "Page 2 of 2" in second.text


def test_every_state_is_a_url_the_form_reproduces(client, archive):
    response = client.get("/articles/?q=care&date_from=2021-03&sort=oldest")
    assert 'name="q" id="id_q" value="care"' in response.text
    assert 'name="date_from" id="id_date_from" value="2021-03"' in response.text
    assert '<option value="oldest" selected>' in response.text
    assert 'method="get"' in response.text


def test_filtered_lists_are_not_indexed_but_the_plain_list_is(client, archive):
    assert 'content="noindex"' in client.get("/articles/?kind=news").text
    assert 'content="noindex"' not in client.get("/articles/").text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("person=nobody", "There is no person “nobody” in the archive."),
        ("outlet=nowhere", "There is no outlet “nowhere” in the archive."),
        ("organisation=x&organisation=y", "There is no organisation"),
        ("kind=poem", "There is no kind of article called “poem”."),
        ("date_from=March", "“March” is not a date the archive can read: try 2021, June"),
        ("date_from=2021-02-30", "“2021-02-30” is not a date the archive can read"),
        ("date_to=2021-13", "“2021-13” is not a date: there is no month 13."),
        ("date_from=0000", "“0000” is not a date the archive can read"),
        ("date_from=2022&date_to=2021", "The end of the date range is before its start."),
        ("q=" + "x" * 10_000, "Ensure this value has at most 200 characters"),
        ("q=%00", "Null characters are not allowed."),
        ("person=%00", "Null characters are not allowed."),
        ("sort=sideways", "Select a valid choice."),
        ("&".join(f"person=p{n}" for n in range(21)), "Choose at most 20 values."),
        ("person=" + "a" * 5000, "That address is too long."),
    ],
)
def test_invalid_filters_give_a_normal_page_with_the_error(client, archive, query, message):
    response = client.get(f"/articles/?{query}")
    assert response.status_code == 200
    assert "There is a problem with the filters" in response.text
    assert message in response.text
    assert titles(response) == []
    assert "No articles are shown until the filters are corrected." in response.text


def test_control_characters_in_a_valid_search_stay_out_of_the_page(client, archive):
    response = client.get("/articles/?q=care%01%1B&page=%01")
    assert response.status_code == 404
    assert "\x01" not in response.text and "\x1b" not in response.text
    response = client.get("/articles/?q=care%01%1B")
    assert response.status_code == 200
    assert "Search: care" in response.text
    assert "\x01" not in response.text and "\x1b" not in response.text


def test_lone_surrogates_and_control_characters_never_break_the_page(client, archive):
    response = client.get("/articles/?q=%ED%A0%80care%01&date_from=%ED%A0%80")
    assert response.status_code == 200
    assert "\x01" not in response.text
    assert "is not a date the archive can read" in response.text


@pytest.mark.parametrize("page", ["9999", "0", "abc", "-1", "1.5", "²", "9" * 40])
def test_a_page_that_does_not_exist_is_a_404_with_a_way_back(client, archive, page):
    response = client.get(f"/articles/?person=josh-macalister&page={page}")
    assert response.status_code == 404
    assert "There is no page" in response.text
    assert "it has 1 page." in response.text
    assert 'href="/articles/">Back to the first page</a>' in response.text


def test_an_empty_archive_has_a_clear_empty_state(client, db):
    response = client.get("/articles/")
    assert response.status_code == 200
    assert "There are no articles here yet." in response.text


def test_unknown_format_is_a_bad_request(client, archive):
    response = client.get("/articles/?format=xml")
    assert response.status_code == 400
    assert b"use csv, json, ris, bibtex, csljson" in response.content


def test_an_invalid_field_keeps_the_valid_choices_for_the_corrected_form(client, archive):
    response = client.get("/articles/?person=ian-dickson&kind=news&date_from=someday")
    assert response.context["kept_choices"] == [("person", "ian-dickson"), ("kind", "news")]
    assert '<input type="hidden" name="person" value="ian-dickson">' in response.text
    assert "Download this list" not in response.text


def test_empty_fields_from_a_submitted_form_are_not_filters(client, archive):
    response = client.get("/articles/?q=&date_from=&date_to=&sort=newest")
    assert len(titles(response)) == 5
    assert not response.context["filtered"]
    assert 'content="noindex"' not in response.text

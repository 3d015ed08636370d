"""Coverage charts on list and entity pages, the date facet, typed dates, and /compare/.

The hand-made archive (tests/views/conftest.py) is dated: launch March 2021 (month),
partnership 19 April 2021, penultimate 9 November 2021, spring 2022 (season), faq
undated.
"""

import datetime
import re

import pytest

from tests import factories
from tests.views.helpers import titles

pytestmark = pytest.mark.django_db


def table_rows(response, chart_id="coverage") -> list[tuple[str, ...]]:
    """The chart's table alternative as (period, count, …) rows."""
    text = response.text
    table = text[text.index('<details class="chart-table">') :]
    table = table[: table.index("</table>")]
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th>(.*?)</tr>", table, re.S)
    return [(label, *re.findall(r'<td class="num">(\d+)</td>', cells)) for label, cells in rows]


def test_article_list_chart_counts_each_month_and_says_what_it_leaves_out(client, archive):
    response = client.get("/articles/")
    assert response.status_code == 200
    rows = table_rows(response)
    assert rows[0] == ("March 2021", "1")
    assert rows[1] == ("April 2021", "1")
    assert rows[-1] == ("November 2021", "1")
    assert len(rows) == 9
    assert sum(int(row[1]) for row in rows) == 3
    assert (
        "Not in the chart: 1 article dated only to a season or a year and 1 article with no"
        " known date." in response.text
    )
    assert '<svg role="img" aria-labelledby="coverage-title coverage-desc"' in response.text


def test_chart_follows_the_filters_and_turns_weekly_for_a_short_span(client, archive):
    response = client.get("/articles/?date_from=April 2021&date_to=May 2021")
    assert titles(response) == ["Care Review announces partnership"]
    assert table_rows(response) == [("Week of 19 April 2021", "1")]
    assert "Articles per week in week of 19 April 2021" in response.text


@pytest.mark.parametrize(
    ("url", "months"),
    [
        ("/people/josh-macalister/", 9),  # March to November 2021
        ("/people/ian-dickson/", 8),  # April to November 2021
        ("/organisations/department-for-education/", None),  # one day: weekly
        ("/review-bodies/experts-by-experience-board/", None),
        ("/outlets/social-work-today/", 2),  # March and April 2021
    ],
)
def test_every_entity_page_has_its_chart(client, archive, url, months):
    response = client.get(url)
    assert response.status_code == 200
    assert '<h2 id="coverage-heading">Coverage over time</h2>' in response.text
    rows = table_rows(response)
    if months is None:
        assert rows == [("Week of 19 April 2021", "1")]
    else:
        assert len(rows) == months


def test_milestones_are_numbered_on_the_chart_with_a_key(client, archive):
    factories.make_milestone("Review launched", datetime.date(2021, 3, 15))
    factories.make_milestone("Interim report", datetime.date(2021, 6, 17))
    factories.make_milestone("Munro review", datetime.date(2011, 5, 10))  # outside the chart
    text = client.get("/articles/").text
    key = text[text.index('<ol class="chart-key">') : text.index("</ol>", text.index("chart-key"))]
    assert "Review launched" in key and "Interim report" in key and "Munro" not in key
    assert key.index("Review launched") < key.index("Interim report")
    assert '<a href="/timeline/#interim-report">Interim report</a>' in key
    assert "<title>2. Interim report (17 June 2021)</title>" in text
    assert "2 milestones marked, numbered as in the key." in text


def test_no_chart_when_the_filters_are_invalid(client, archive):
    response = client.get("/articles/?date_from=not-a-date")
    assert 'id="coverage-region"' in response.text
    assert "coverage-heading" not in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "date_from=June 2021&date_to=spring 2022",
            ["Final report expected", "Care Review launches penultimate stage"],
        ),
        ("date_from=23 May 2022", ["Final report expected"]),  # spring runs to 31 May
        ("date_from=1 June 2022", []),
        ("date_from=19 April 2021&date_to=19/04/2021", ["Care Review announces partnership"]),
        ("date_to=march 2021", ["Review formally launches"]),
        ("date_from=2022-21", ["Final report expected"]),
    ],
)
def test_date_filters_read_dates_as_people_type_them(client, archive, query, expected):
    assert titles(client.get(f"/articles/?{query}")) == expected


def test_the_heading_says_the_range_in_words(client, archive):
    response = client.get("/articles/?date_from=june+2021&date_to=Spring+2022")
    assert '<h2 id="results-heading">2 articles from June 2021 to spring 2022</h2>' in response.text
    assert "<title>Articles from June 2021 to spring 2022 ·" in response.text
    assert 'value="june 2021"' in response.text  # the field keeps what was typed


def test_date_facet_counts_years_as_the_date_filters_match_them(client, archive):
    factories.make_article("Winter piece", published=datetime.date(2021, 12, 1), precision="season")
    response = client.get("/articles/")
    years = dict(re.findall(r'date_from=(\d{4})&amp;date_to=\1">\1</a>.*?\((\d+)\)', response.text))
    # 2021: launch, partnership, penultimate, winter; 2022: spring, winter (Dec to Feb).
    assert years == {"2021": "4", "2022": "2"}
    assert "Months of" not in response.text
    for year, count in years.items():
        shown = client.get(f"/articles/?date_from={year}&date_to={year}")
        assert shown.context["page_obj"].paginator.count == int(count)


def test_date_facet_shows_the_months_of_the_chosen_year(client, archive):
    response = client.get("/articles/?date_from=2021&date_to=2021&person=josh-macalister")
    text = response.text
    months = text[text.index('aria-label="Months of 2021"') :]
    months = months[: months.index("</ul>")]
    assert re.search(
        r'person=josh-macalister&amp;date_from=2021-03&amp;date_to=2021-03">March</a>', months
    )
    assert '<span class="none">May</span>' in months  # no link to an empty month
    assert '2021&amp;date_to=2021" aria-current="true">2021</a>' in text
    assert "Any date" in text
    assert "articles mentioning Josh MacAlister, in 2021</h2>" in text


def test_compare_draws_a_line_each_with_a_table(client, archive, django_assert_max_num_queries):
    url = (
        "/compare/?person=josh-macalister&person=ian-dickson&organisation=department-for-education"
    )
    with django_assert_max_num_queries(4):  # two look-ups, the grouped count, the milestones
        response = client.get(url)
    assert response.status_code == 200
    chart = response.context["chart"]
    assert [line.name for line in chart.lines] == [
        "Josh MacAlister",
        "Ian Dickson",
        "Department for Education",
    ]
    assert [line.total for line in chart.lines] == [3, 2, 1]
    text = response.text
    assert text.count('<g class="series series-') == 3
    assert '<text class="direct-label"' in text  # named next to its line
    assert '<ul class="chart-legend">' in text  # and in a legend with its line and marker
    rows = table_rows(response, "compare")
    assert rows[0] == ("March 2021", "1", "0", "0")
    assert rows[1] == ("April 2021", "1", "1", "1")
    assert rows[-1] == ("November 2021", "1", "1", "0")
    assert (
        "<h1>Compare coverage: Josh MacAlister, Ian Dickson, Department for Education</h1>" in text
    )
    removed = "/compare/?person=josh-macalister&amp;organisation=department-for-education"
    assert f'<a href="{removed}">Remove' in text


def test_compare_an_outlet_and_a_review_body(client, archive):
    response = client.get("/compare/?outlet=cyp-now&review_body=experts-by-experience-board")
    assert [line.name for line in response.context["chart"].lines] == [
        "Experts by Experience Board",
        "CYP Now",
    ]


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("person=nobody", 404, "There is no person “nobody” in the archive."),
        ("person=josh-macalister&organisation=nowhere", 404, "There is no organisation “nowhere”"),
        (
            "&".join(f"person=p{n}" for n in range(5)),
            400,
            "Compare at most 4 at a time; the address names 5.",
        ),
    ],
)
def test_compare_says_what_is_wrong_with_the_address(client, archive, query, status, message):
    response = client.get(f"/compare/?{query}")
    assert response.status_code == status
    assert message in response.text
    assert response.context["chart"] is None


def test_compare_without_names_suggests_a_comparison(client, archive):
    response = client.get("/compare/")
    assert response.status_code == 200
    assert "/compare/?person=josh-macalister&amp;person=ian-dickson&amp;person=ray-jones" in (
        response.text
    )


def test_a_person_page_links_to_comparing_them_with_who_they_are_mentioned_with(client, archive):
    text = client.get("/people/ian-dickson/").text
    link = "/compare/?person=ian-dickson&amp;person=josh-macalister&amp;person=ray-jones"
    assert f'<a href="{link}">Compare their coverage over time</a>' in text

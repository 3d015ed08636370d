"""Filtered lists count their facets among their first ``ARCHIVE_FACET_WINDOW`` results,
exactly when there are no more, and say so on the page exactly when there are more.
The window is set small here, so that small archives cross it."""

import datetime

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from articles.filters import ArticleFilter
from articles.models import Article, PersonMention
from articles.selectors import article_cards
from facetcounts import compute
from tests import factories

pytestmark = pytest.mark.django_db

WINDOW = 10
NOTE = 'id="facet-note"'
FROM = datetime.date(2021, 1, 1)  # the generated articles' first day: leaves out the undated


@pytest.fixture
def archive(settings):
    settings.ARCHIVE_FACET_WINDOW = WINDOW
    return factories.build_archive(articles=40, people=12)


def _people_facet(response) -> dict[str, int]:
    facet = next(f for f in response.context["facets"] if f.name == "person")
    return {value.value: value.count for value in facet.values}


def _newest(queryset, count: int) -> list[int]:
    newest = queryset.order_by("-published", "title", "pk")  # undated last on both databases
    dated = list(newest.filter(published__isnull=False).values_list("pk", flat=True))
    undated = list(
        queryset.filter(published__isnull=True).order_by("title", "pk").values_list("pk", flat=True)
    )
    return (dated + undated)[:count]


def _mention_counts(article_ids) -> dict[str, int]:
    mentions = PersonMention.objects.filter(article__in=article_ids)
    rows = mentions.values("person__slug").annotate(n=Count("pk"))
    return {row["person__slug"]: row["n"] for row in rows}


def test_at_most_the_window_the_counts_are_exact_and_nothing_is_said(archive, client):
    counts = PersonMention.objects.values("person").annotate(n=Count("pk"))
    rare = min(counts, key=lambda row: row["n"])
    assert 0 < rare["n"] <= WINDOW
    person = next(p for p in archive.people if p.pk == rare["person"])
    response = client.get(f"/articles/?person={person.slug}")
    assert NOTE not in response.text
    assert response.context["facet_note"] == ""
    listed = Article.objects.filter(person_mentions__person=person)
    expected = _mention_counts(listed)
    assert _people_facet(response) == expected  # every one: fewer than the facet's 20
    assert not any(facet.bounded for facet in response.context["facets"])


def test_above_the_window_the_counts_are_among_the_newest_and_the_page_says_so(archive, client):
    person = archive.people[0]
    listed = Article.objects.filter(person_mentions__person=person, published_end__gte=FROM)
    total = listed.count()
    assert total > WINDOW
    response = client.get(f"/articles/?person={person.slug}&date_from={FROM.year}")
    assert (
        response.context["facet_note"] == f"Counts among the {WINDOW} newest of {total} articles."
    )
    assert NOTE in response.text
    expected = _mention_counts(_newest(listed, WINDOW))
    shown = _people_facet(response)
    assert shown[person.slug] == WINDOW
    assert shown == {slug: expected[slug] for slug in shown}
    facet = next(f for f in response.context["facets"] if f.name == "person")
    assert facet.bounded
    quoted = Article.objects.filter(pk__in=_newest(listed, WINDOW), quotes__isnull=False)
    assert response.context["quoted_count"] == quoted.distinct().count()


def test_one_entitys_list_above_the_window_counts_every_result_and_says_nothing(archive, client):
    person = archive.people[0]
    listed = Article.objects.filter(person_mentions__person=person)
    assert listed.count() > WINDOW
    for url in (f"/articles/?person={person.slug}", person.get_absolute_url()):
        response = client.get(url)
        assert response.context["facet_note"] == "", url
        assert NOTE not in response.text, url
        assert not any(facet.bounded for facet in response.context["facets"]), url
        shown = _people_facet(response)
        assert shown == {slug: n for slug, n in _mention_counts(listed).items() if slug in shown}
        assert len(shown) == min(20, len(_mention_counts(listed))), url
        quoted = listed.filter(quotes__isnull=False).distinct().count()
        assert response.context["quoted_count"] == quoted, url


def test_the_note_follows_the_window_size(archive, client, settings):
    person = archive.people[0]
    url = f"/articles/?person={person.slug}&date_from={FROM.year}"
    total = Article.objects.filter(person_mentions__person=person, published_end__gte=FROM).count()
    settings.ARCHIVE_FACET_WINDOW = total
    assert client.get(url).context["facet_note"] == ""
    settings.ARCHIVE_FACET_WINDOW = total - 1
    note = client.get(url).context["facet_note"]
    assert note == f"Counts among the {total - 1} newest of {total} articles."


def test_sorted_oldest_first_the_counts_are_among_the_oldest(archive, client):
    person = archive.people[0]
    response = client.get(f"/articles/?person={person.slug}&date_from=2021&sort=oldest")
    assert "among the 10 oldest" in response.context["facet_note"]


def test_an_outlet_chosen_counts_the_outlets_among_the_other_filters_results(
    archive, client, settings
):
    """A short list whose outlet facet counts a longer one (every outlet's) says so."""
    person = archive.people[0]
    outlet = archive.outlets[0]
    narrowed = Article.objects.filter(person_mentions__person=person, outlet=outlet).count()
    settings.ARCHIVE_FACET_WINDOW = narrowed
    response = client.get(f"/articles/?person={person.slug}&outlet={outlet.slug}")
    assert response.context["facet_note"] == (
        f"Counts of outlets among the {narrowed} newest articles that match the other filters."
    )


def test_a_filtered_quotes_index_says_so_too(archive, client):
    response = client.get("/quotes/?date_from=2021")
    total = response.context["page_obj"].paginator.count
    assert total > WINDOW
    assert response.context["facet_note"] == f"Counts among the {WINDOW} newest of {total} quotes."
    assert NOTE in response.text


def test_the_unfiltered_quotes_index_counts_every_quote(archive, client, settings):
    """The same list for every reader: its facets are what a window of all of it counts."""
    response = client.get("/quotes/")
    total = response.context["page_obj"].paginator.count
    assert total > WINDOW
    assert response.context["facet_note"] == ""
    assert NOTE not in response.text
    settings.ARCHIVE_FACET_WINDOW = total
    assert response.text == client.get("/quotes/").text


def test_co_mentions_count_every_article_of_the_person_whatever_the_window(
    archive, client, settings
):
    person = archive.people[0]
    coverage = Article.objects.filter(person_mentions__person=person)
    assert coverage.count() > WINDOW
    expected = _mention_counts(coverage)
    expected.pop(person.slug)
    response = client.get(person.get_absolute_url())
    together = {row["slug"]: row["together"] for row in response.context["co_mentions"].people}
    assert len(together) == min(10, len(expected))
    assert together == {slug: expected[slug] for slug in together}
    assert min(together.values()) >= max(
        (n for slug, n in expected.items() if slug not in together), default=0
    )
    assert "Counted among the" not in response.text


@pytest.mark.parametrize(
    "query",
    [
        "q=Article",
        "person={person}&organisation={organisation}",
        "kind=news&has_quotes=1",
        "outlet={outlet}",
        "person={person}&date_from=2021",  # a date filter: the results are counted
    ],
)
def test_an_overflowing_lists_number_is_its_results(archive, client, settings, query):
    """Past the window, the number of results is read without a count of its own where it
    can be (the date facet's rows, one per result, when no date filter narrows them), and
    is always the number of articles the filters keep."""
    names = {
        "person": archive.people[0].slug,
        "organisation": archive.organisations[0].slug,
        "outlet": archive.outlets[0].slug,
    }
    url = "/articles/?" + query.format(**names)
    settings.ARCHIVE_FACET_WINDOW = 1
    compute.refresh()  # a first reader's recount counts too, but not for the page
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    filterset = ArticleFilter(
        response.wsgi_request.GET, queryset=article_cards(), whole_archive=True
    )
    expected = filterset.matching().count()
    assert expected > 1, url
    assert response.context["page_obj"].paginator.count == expected
    if filterset.one_entity() is None:  # one entity's facets count every result: no note
        assert f"of {expected} articles." in response.context["facet_note"]
    else:
        assert response.context["facet_note"] == ""
    counted = [q for q in queries.captured_queries if 'SELECT COUNT(*) AS "__count"' in q["sql"]]
    # Not the counts over the window's ids, nor the tally of the articles with quotes.
    counted = [
        q
        for q in counted
        if not any(word in q["sql"] for word in ("json_each", "unnest", "articles_quote"))
    ]
    assert len(counted) == (1 if "date_from" in query else 0), url

"""Name-aware search: a query naming someone finds the articles that mention them."""

import pytest
from django.core.management import call_command

from articles.models import PersonMention
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeds(db):
    call_command("load_articles", verbosity=0)


def seed_numbers(response) -> list[str]:
    return sorted(article.source_file[:3] for article in response.context["articles"])


def mentioning(slug: str) -> list[str]:
    return sorted(
        m.article.source_file[:3]
        for m in PersonMention.objects.filter(person__slug=slug).select_related("article")
    )


def test_macallister_finds_every_seed_that_mentions_josh_macalister(client, seeds):
    josh = mentioning("josh-macalister")
    assert len(josh) >= 3
    response = client.get("/articles/?q=MacAllister")
    assert seed_numbers(response) == josh
    [entity] = response.context["filterset"].named_entities
    assert (entity.name, entity.article_count) == ("Josh MacAlister", len(josh))
    assert (
        'People: <a href="/people/josh-macalister/">Josh MacAlister</a> — '
        f'<a href="/articles/?person=josh-macalister">{len(josh)} articles</a>'
    ) in response.text


def test_ian_dickson_finds_both_of_his_seeds_under_either_spelling(client, seeds):
    assert seed_numbers(client.get("/articles/?q=Ian+Dickson")) == ["000", "002"]
    assert seed_numbers(client.get("/articles/?q=ian+dickinson")) == ["000", "002"]
    assert seed_numbers(client.get('/articles/?q="Ian Dickson"')) == ["000", "002"]


def test_an_alias_finds_the_articles_that_use_the_other_spelling(client):
    josh = factories.make_person("Josh MacAlister", aliases=["Joshua MacAlister"])
    factories.make_article("Chair speaks", body="The chair spoke.", people=[josh])
    factories.make_article("Unrelated", body="Nobody named.")
    response = client.get("/articles/?q=Joshua+MacAlister")
    assert [a.title for a in response.context["articles"]] == ["Chair speaks"]


def test_the_entities_come_first_grouped_by_kind(client):
    person = factories.make_person("Sam Care")
    organisation = factories.make_organisation("Sam Care", slug="sam-care-org")
    factories.make_article("One", body="-", people=[person], organisations=[organisation])
    factories.make_article("Two", body="-", people=[person])
    response = client.get("/articles/?q=sam+care")
    text = response.text
    assert [
        (e.label, e.name, e.article_count) for e in response.context["filterset"].named_entities
    ] == [
        ("People", "Sam Care", 2),
        ("Organisations", "Sam Care", 1),
    ]
    assert text.index("Names matching “sam care”") < text.index('id="results-heading"')
    assert '<a href="/articles/?organisation=sam-care-org">1 article</a>' in text


def test_a_query_that_names_nobody_is_a_text_search_only(client):
    ray = factories.make_person("Ray Jones")
    factories.make_article("Kinship care", body="Kinship carers met.", people=[ray])
    factories.make_article("Other", body="Ray Jones spoke.", people=[ray])
    response = client.get("/articles/?q=kinship")
    assert [a.title for a in response.context["articles"]] == ["Kinship care"]
    assert response.context["filterset"].named_entities == []
    assert "Names matching" not in response.text


def test_name_search_keeps_the_other_filters(client, archive):
    # Ray Jones's page, searched for Ian Dickson: the one article mentioning both.
    response = client.get("/people/ray-jones/?q=Ian+Dickson")
    assert [a.title for a in response.context["articles"]] == [
        "Care Review launches penultimate stage"
    ]


def test_a_hidden_name_is_not_offered(client, settings):
    settings.ARCHIVE_HIDE_UNREVIEWED = True
    hidden = factories.make_person("Pat Unchecked", needs_review=True)
    factories.make_article("Pat story", body="No names in the text.", people=[hidden])
    response = client.get("/articles/?q=Pat+Unchecked")
    assert response.context["filterset"].named_entities == []
    assert list(response.context["articles"]) == []


def test_name_search_costs_the_same_at_300_articles(client, django_assert_max_num_queries):
    archive = factories.build_archive(articles=300, people=50)
    first = archive.people[0]
    # Generated names ("Person 1026", "Person 1027") are near misses of each other once
    # their serials have four digits; a real name is not.
    first.name = "Josephine Quartermaine"
    first.save()
    with django_assert_max_num_queries(15):  # the ranking's ids, then the page's rows
        response = client.get(f"/articles/?q={first.name}")
    [entity] = response.context["filterset"].named_entities
    assert entity.article_count == PersonMention.objects.filter(person=first).count() == 150
    found = set(response.context["filterset"].matching().values_list("pk", flat=True))
    assert (
        set(PersonMention.objects.filter(person=first).values_list("article", flat=True)) <= found
    )


@pytest.mark.parametrize("url", ["/", "/people/", "/timeline/", "/outlets/", "/no-such-page/"])
def test_every_page_has_a_labelled_search_box_in_its_header(client, url):
    text = client.get(url).text
    header = text[text.index('<header class="site-header">') : text.index("</header>")]
    assert 'action="/articles/"' in header and 'method="get"' in header
    assert '<label for="site-q"' in header and 'id="site-q" maxlength="200"' in header
    assert 'name="q"' in header

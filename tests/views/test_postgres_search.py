"""PostgreSQL full-text search: the trigger-kept vector, the GIN index, ranking, headlines."""

import pytest
from django.db import connection

from articles.models import Article
from tests import factories
from tests.views.helpers import postgresql_only, titles

pytestmark = [pytest.mark.django_db, postgresql_only]


def vector_of(article) -> str:
    return Article.objects.values_list("search_vector", flat=True).get(pk=article.pk)


def test_trigger_keeps_the_vector_current_whatever_writes_the_row(db):
    article = factories.make_article("Kinship carers", body="Grandparents raise children.")
    assert "'kinship':1A" in vector_of(article)
    assert "grandpar" in vector_of(article)
    Article.objects.filter(pk=article.pk).update(standfirst="Fostering allowances")
    assert "'foster':" in vector_of(article)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE articles_article SET body = 'Adoption orders' WHERE id = %s", [article.pk]
        )
    assert "'adopt':" in vector_of(article) and "grandpar" not in vector_of(article)
    article.refresh_from_db()
    article.title = "Residential homes"
    article.save()
    assert "'residenti':1A" in vector_of(article) or "'residenti'" in vector_of(article)


def test_the_vector_has_a_gin_index(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'articles_article' "
            "AND indexname = 'articles_article_search_vector_gin'"
        )
        [(definition,)] = cursor.fetchall()
    assert "USING gin (search_vector)" in definition


def test_title_matches_rank_above_body_matches_and_stems_match(client, db):
    factories.make_article("Other news", body="The adoption of a new plan was launched.")
    factories.make_article("Adoption reform launched", body="Nothing else here.")
    factories.make_article("Unrelated", body="Nothing to see.")
    response = client.get("/articles/?q=launching+adoption")
    assert titles(response) == ["Adoption reform launched", "Other news"]
    assert response.context["sort"] == "relevance"


def test_web_search_syntax_phrases_and_exclusions(client, db):
    factories.make_article("One", body="The care review met.")
    factories.make_article("Two", body="The review of care met.")
    assert titles(client.get('/articles/?q="care+review"')) == ["One"]
    assert titles(client.get("/articles/?q=review+-met")) == []
    assert sorted(titles(client.get("/articles/?q=care+or+nothing"))) == ["One", "Two"]


def test_headline_marks_matches_and_escapes_the_source(client, db):
    factories.make_article(
        "Escaping", body='A <script>alert("x")</script> note on kinship & "care" for 3<4.'
    )
    response = client.get("/articles/?q=kinship")
    [article] = response.context["articles"]
    assert "<mark>kinship</mark>" in article.excerpt
    assert "<script>" not in article.excerpt
    assert "&amp; &quot;care" in article.excerpt
    assert "<script>alert" not in response.text


@pytest.mark.parametrize("q", ["the", "&|!:*()'", "''", "a:*", "-", '"', "\\"])
def test_odd_queries_never_fail(client, db, q):
    factories.make_article("Something", body="Something about care.")
    response = client.get("/articles/", {"q": q})
    assert response.status_code == 200


def test_relevance_sort_with_other_filters_and_facets(client, db):
    ian = factories.make_person("Ian Dickson")
    factories.make_article("Care review criticised", people=[ian], body="Critics spoke.")
    factories.make_article("Care review praised", body="Praise for the care review.")
    response = client.get(f"/articles/?q=care+review&person={ian.slug}")
    assert titles(response) == ["Care review criticised"]
    assert {v.label: v.count for v in response.context["facets"][0].values} == {"Ian Dickson": 1}

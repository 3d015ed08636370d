"""An AND filter (people, organisations, review bodies) asks the mention table alone,
not the articles joined to their mentions again (articles.facets.Entities._through):
at 100,000 articles that join was half of ``?person=``'s date facet."""

import pytest

from articles.filters import ArticleFilter, QuoteFilter
from articles.models import Article, Quote
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(db):
    return factories.build_archive(articles=12, people=4)


@pytest.mark.parametrize(
    ("filterset", "model", "outer"),
    [
        (ArticleFilter, Article, '"articles_article"."id"'),
        (QuoteFilter, Quote, '"articles_quote"."article_id"'),
    ],
)
def test_a_person_filter_is_one_exists_on_the_mentions(archive, filterset, model, outer):
    person = archive.people[0]
    matching = filterset({"person": [person.slug]}, queryset=model.objects.all()).matching()
    sql = str(matching.query)
    assert 'EXISTS(SELECT 1 AS "a" FROM "articles_personmention" U0 WHERE' in sql, sql
    assert f'U0."article_id" = ({outer})' in sql, sql
    mentioned = model.objects.filter(
        **{
            "person_mentions__person"
            if model is Article
            else "article__person_mentions__person": person
        }
    ).distinct()
    assert set(matching) == set(mentioned) != set()

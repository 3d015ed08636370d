"""SQLite full-text search: the query translation, FTS5 ranking, phrases, snippets,
odd queries, and the triggers that keep the index in step with every kind of write."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from articles import fts, search
from articles.models import Article
from articles.search_syntax import Fts5Query, match_expression, to_fts5
from tests import factories
from tests.views.helpers import sqlite_only, titles

ODD_QUERIES = [
    '"',
    '""',
    "AND",
    "OR",
    "NOT",
    "*",
    "-",
    "--",
    "NEAR(",
    'NEAR("a" "b")',
    "a:b",
    "^care",
    '"care',
    'care"',
    "care AND",
    "or or",
    "😀",
    "care 😀",
    "(",
    ")",
    "'",
    "col:care",
    "\\",
    "%",
    "_",
    "-care",
    '-"care review"',
    "care -",
    "NEAR(care, 2)",
]


# The translation: pure code, no database.


@pytest.mark.parametrize(
    ("q", "include", "exclude"),
    [
        ("care review", '"care" AND "review"', None),
        ('"care review" board', '"care review" AND "board"', None),
        ("care or family help", '("care" OR "family") AND "help"', None),
        ("care -stage", '"care"', '"stage"'),
        ('care -"penultimate stage" -x', '"care"', '"penultimate stage" OR "x"'),
        ('"unclosed phrase', '"unclosed phrase"', None),
        ("AND NEAR( *", '"AND" AND "NEAR("', None),
        ('say "a""b"', '"say" AND "a" AND "b"', None),
        ("or care or", '"care"', None),
        ("-care", None, '"care"'),
        ('" * - 😀', None, None),
    ],
)
def test_queries_translate_term_by_term_into_quoted_fts5_strings(q, include, exclude):
    assert to_fts5(q) == Fts5Query(include=include, exclude=exclude)


def test_inner_quotes_are_doubled_so_a_term_never_closes_its_string():
    assert to_fts5('x"y').include == '"x" AND "y"'
    assert to_fts5('a"b').include.count('"') % 2 == 0


def test_exclusions_join_the_positive_part_with_not():
    assert match_expression(to_fts5("care -stage")) == '("care") NOT ("stage")'
    assert match_expression(to_fts5("-stage")) is None


# The index, on SQLite.


def fts_titles(q: str) -> list[str]:
    matching = search.filter_matching(Article.objects.all(), q)
    return list(
        search.annotate_relevance(matching, q)
        .order_by("-relevance", "title")
        .values_list("title", flat=True)
    )


@pytest.fixture
def ranked(db):
    outlet = factories.make_outlet()
    body_only = factories.make_article(
        "Council budgets", outlet=outlet, body="The foster care budget was cut again."
    )
    standfirst = factories.make_article(
        "Council plans", outlet=outlet, standfirst="What foster carers want.", body="Plans."
    )
    title = factories.make_article("Foster carers speak out", outlet=outlet, body="They spoke.")
    factories.make_article("Unrelated", outlet=outlet, body="Nothing about that here.")
    return title, standfirst, body_only


@pytest.mark.django_db
@sqlite_only
def test_title_matches_rank_above_standfirst_above_body(ranked):
    title, standfirst, body_only = ranked
    assert fts_titles("foster") == [title.title, standfirst.title, body_only.title]


@pytest.mark.django_db
@sqlite_only
def test_words_are_stemmed_and_accents_folded(db):
    factories.make_article("Reviews of placements", body="The café met.")
    assert fts_titles("review placement") == ["Reviews of placements"]
    assert fts_titles("cafe") == ["Reviews of placements"]


@pytest.mark.django_db
@sqlite_only
def test_phrases_match_words_in_order_only(db):
    factories.make_article("In order", body="The care review met.")
    factories.make_article("Out of order", body="The review of care met.")
    assert fts_titles('"care review"') == ["In order"]
    assert sorted(fts_titles("care review")) == ["In order", "Out of order"]


@pytest.mark.django_db
@sqlite_only
def test_exclusions_and_or(db):
    factories.make_article("Kinship", body="Kinship carers and the review.")
    factories.make_article("Adoption", body="Adoption and the review.")
    factories.make_article("Neither", body="Residential homes.")
    assert fts_titles("review -kinship") == ["Adoption"]
    assert sorted(fts_titles("kinship or adoption")) == ["Adoption", "Kinship"]
    assert fts_titles("-review") == ["Neither"]


@pytest.mark.django_db
@sqlite_only
@pytest.mark.parametrize("q", ODD_QUERIES)
def test_odd_queries_never_raise(client, q):
    factories.make_article("Care review", body="The care review of NEAR and AND.")
    response = client.get("/articles/", {"q": q})
    assert response.status_code == 200


@pytest.mark.django_db
@sqlite_only
def test_operator_words_are_searched_as_words(db):
    factories.make_article("Words", body="Stay NEAR the door, AND wait.")
    factories.make_article("Other", body="Stay by the door.")
    assert fts_titles("NEAR(") == ["Words"]
    assert fts_titles("AND") == ["Words"]


@pytest.mark.django_db
@sqlite_only
def test_snippets_mark_the_matches_and_the_page_escapes_the_text(client):
    body = "Opening words. " * 30 + "The <b>kinship</b> carers met the review. " + "More. " * 30
    factories.make_article("Kinship", body=body)
    response = client.get("/articles/", {"q": "kinship carers"})
    excerpt = str(response.context["articles"][0].excerpt)
    assert "<mark>kinship</mark>" in excerpt
    assert "<mark>carers</mark>" in excerpt
    assert "&lt;b&gt;" in excerpt
    assert excerpt.startswith("…") and excerpt.endswith("…")
    assert len(excerpt) < len(body) / 2


@pytest.mark.django_db
@sqlite_only
def test_a_title_only_match_has_no_excerpt(client):
    factories.make_article("Kinship carers", body="Nothing else.")
    response = client.get("/articles/", {"q": "kinship"})
    assert titles(response) == ["Kinship carers"]
    assert response.context["articles"][0].excerpt is None


# The triggers: every kind of write reaches the index.


def index_rowids(q: str) -> set[int]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT rowid FROM {fts.TABLE} WHERE {fts.TABLE} MATCH %s", [q])
        return {row for (row,) in cursor.fetchall()}


def index_is_consistent() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {fts.TABLE}({fts.TABLE}, rank) VALUES ('integrity-check', 1)")
    return True


@pytest.mark.django_db
@sqlite_only
@pytest.mark.parametrize("column", ["title", "standfirst", "body"])
def test_create_update_and_delete_of_each_column_reach_the_index(column):
    article = factories.make_article("Plain", standfirst="Plain.", body="Plain.")
    setattr(article, column, "Marmalade")
    article.save()
    assert index_rowids("marmalade") == {article.pk}
    Article.objects.filter(pk=article.pk).update(**{column: "Treacle"})
    assert index_rowids("marmalade") == set()
    assert index_rowids("treacle") == {article.pk}
    article.delete()
    assert index_rowids("treacle") == set()
    assert index_is_consistent()


@pytest.mark.django_db
@sqlite_only
def test_bulk_create_and_raw_sql_reach_the_index():
    outlet = factories.make_outlet()
    made = Article.objects.bulk_create(
        Article(
            outlet=outlet,
            title=f"Bulk {index}",
            slug=f"bulk-{index}",
            body="Quince.",
            source_file=f"bulk_{index}.txt",
            source_key=f"bulk_{index}.txt",
            sha256=f"{index:064d}",
            source_text="",
        )
        for index in range(3)
    )
    assert index_rowids("quince") == {article.pk for article in made}
    with connection.cursor() as cursor:
        cursor.execute("UPDATE articles_article SET body = 'Damson.' WHERE id = %s", [made[0].pk])
        cursor.execute("DELETE FROM articles_article WHERE id = %s", [made[1].pk])
    assert index_rowids("quince") == {made[2].pk}
    assert index_rowids("damson") == {made[0].pk}
    assert index_is_consistent()


@pytest.mark.django_db
@sqlite_only
def test_a_write_that_leaves_the_text_alone_does_not_touch_the_index():
    article = factories.make_article("Plain", body="Plain.")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {fts.TABLE}_data")
        before = cursor.fetchone()
        Article.objects.filter(pk=article.pk).update(needs_review=True)
        cursor.execute(f"SELECT count(*) FROM {fts.TABLE}_data")
        assert cursor.fetchone() == before


@pytest.mark.django_db
@sqlite_only
def test_the_loader_reaches_the_index_on_first_load_and_on_reload(tmp_path):
    seed = sorted(Path(settings.SEEDS_DIR).glob("*.txt"))[0]
    copy = tmp_path / seed.name
    shutil.copy(seed, copy)
    call_command("load_articles", str(tmp_path), verbosity=0)
    article = Article.objects.get()
    word = article.title.split()[0]
    assert article.pk in index_rowids(f'"{word}"')
    text = copy.read_text(encoding="utf-8")
    assert "evidence" in article.body
    copy.write_text(text.replace("evidence", "gooseberries"), encoding="utf-8")
    call_command("load_articles", str(tmp_path), verbosity=0)
    article.refresh_from_db()
    assert "gooseberries" in article.body
    assert index_rowids("gooseberries") == {article.pk}
    assert index_is_consistent()


@pytest.mark.django_db
@sqlite_only
def test_missing_triggers_are_put_back_and_the_index_rebuilt():
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TRIGGER {fts.TABLE}_insert")
    article = factories.make_article("Unindexed", body="Elderflower.")
    assert index_rowids("elderflower") == set()
    assert fts.ensure_triggers(connection) is True
    assert index_rowids("elderflower") == {article.pk}
    assert fts.ensure_triggers(connection) is False
    assert index_is_consistent()

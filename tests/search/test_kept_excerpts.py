"""A search page's excerpts are the database's work once per archive version for the same
search and articles (``articles.search._kept_excerpts``); a write shows on the next
request. Writes are committed: the version changes at commit."""

import pytest

from articles import browsing, search
from articles.models import Article
from tests import factories

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.version_memo]


@pytest.fixture
def excerpted(monkeypatch):
    """The database's excerpting, counted: one (ids, query) a call."""
    calls = []
    for name in ("_headlines", "_snippets"):
        real = getattr(search, name)

        def counted(ids, q, real=real):
            calls.append((tuple(sorted(ids)), q))
            return real(ids, q)

        monkeypatch.setattr(search, name, counted)
    return calls


@pytest.fixture
def stories():
    return [
        factories.make_article(f"Story {n}", body=f"Kinship care is story {n}'s subject.")
        for n in range(3)
    ]


def excerpts(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    return [str(article.excerpt) for article in response.context["page_obj"].object_list]


def test_a_search_asked_again_is_excerpted_once(client, stories, excerpted):
    first = excerpts(client, "/articles/?q=kinship")
    assert excerpts(client, "/articles/?q=kinship") == first
    assert len(excerpted) == 1
    assert all("<mark>Kinship</mark>" in excerpt for excerpt in first)


def test_another_search_or_another_page_is_excerpted_apart(client, stories, excerpted, monkeypatch):
    monkeypatch.setattr(browsing, "PAGE_SIZE", 2)
    excerpts(client, "/articles/?q=kinship")
    excerpts(client, "/articles/?q=kinship&page=2")
    excerpts(client, "/articles/?q=subject")
    assert [q for _, q in excerpted] == ["kinship", "kinship", "subject"]
    (first_page, _), (second_page, _), _ = excerpted
    assert not set(first_page) & set(second_page)


def test_a_write_shows_in_the_excerpt_at_once(client, stories, excerpted):
    excerpts(client, "/articles/?q=kinship")
    Article.objects.filter(pk=stories[0].pk).update(body="Kinship carers were heard at last.")
    shown = excerpts(client, "/articles/?q=kinship")
    assert any("carers were heard" in excerpt for excerpt in shown)
    assert len(excerpted) == 2

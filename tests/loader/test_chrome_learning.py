"""Each outlet's chrome learned from the archive, used by every load and by --reparse."""

import dataclasses

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, LearnedChromeLine
from articles.services import chrome_learning, loading
from articles.services.loading import LOADED, load_paths, load_source
from tests.parsing.template_pages import FOOTER, MENU, OUTLET, SIGN_UP, template_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def courier_is_known(monkeypatch):
    """The invented outlet has a profile (so its pages are told apart); no furniture."""
    default = loading.default_authority()
    authority = dataclasses.replace(default, outlets=(*default.outlets, OUTLET))
    monkeypatch.setattr(loading, "default_authority", lambda: authority)


def write_pages(directory, indexes):
    directory.mkdir(exist_ok=True)
    for index in indexes:
        (directory / f"courier_{index:02d}.txt").write_text(template_page(index), encoding="utf-8")
    return directory


def stored_chrome() -> set[str]:
    return set(
        LearnedChromeLine.objects.filter(outlet__name=OUTLET.name).values_list("line", flat=True)
    )


def body(source_file: str) -> str:
    return Article.objects.get(source_file=source_file).body


def test_a_first_load_of_many_pages_of_a_new_outlet_is_already_clean(tmp_path):
    outcomes = load_paths([write_pages(tmp_path, range(5))])
    assert {outcome.status for outcome in outcomes} == {LOADED}
    for article in Article.objects.all():
        assert FOOTER not in article.body and SIGN_UP not in article.body
        assert article.author == "Morwenna Tresize"
        assert article.title.startswith("Council to rethink")
    assert {FOOTER, SIGN_UP, *MENU} <= stored_chrome()


def test_worker_processes_parse_with_the_learned_chrome(tmp_path, started_pools):
    load_paths([write_pages(tmp_path, range(5))])
    assert started_pools, "no worker pool was started"
    assert not any(FOOTER in article.body for article in Article.objects.all())


def test_too_few_pages_teach_nothing_and_the_next_load_learns_from_the_archive(tmp_path):
    load_paths([write_pages(tmp_path / "first", range(2))])
    assert FOOTER in body("courier_00.txt")
    assert stored_chrome() == set()
    load_paths([write_pages(tmp_path / "more", range(2, 5))])
    assert FOOTER not in body("courier_04.txt")
    assert FOOTER in stored_chrome()
    # Files already loaded are not parsed again by a load; --reparse does that.
    assert FOOTER in body("courier_00.txt")


def test_a_page_added_alone_is_parsed_with_the_stored_chrome(tmp_path):
    load_paths([write_pages(tmp_path, range(5))])
    outcome = load_source("courier_09.txt", template_page(9).encode())
    assert outcome.status == LOADED
    assert FOOTER not in outcome.article.body


def test_a_load_reads_a_bounded_spread_of_the_outlets_stored_pages(tmp_path, monkeypatch):
    """However many pages an outlet has stored, a load learns from at most so many of
    them, taken from its first to its last, and still finds its chrome."""
    load_paths([write_pages(tmp_path, range(12))])
    monkeypatch.setattr(chrome_learning, "STORED_PAGES_PER_OUTLET", 4)
    read = []
    lines_of = chrome_learning.page_lines
    monkeypatch.setattr(
        chrome_learning, "page_lines", lambda text: lines_of(read.append(text) or text)
    )
    outcome = load_source("courier_20.txt", template_page(20).encode())
    stories = sorted(next(n for n in range(12) if f"(story {n})" in text) for text in read)
    assert stories == [0, 3, 6, 9]
    assert FOOTER not in outcome.article.body
    assert {FOOTER, SIGN_UP} <= stored_chrome()


@pytest.mark.parametrize(
    ("items", "most", "spread"),
    [(list(range(10)), 5, [0, 2, 4, 6, 8]), (list(range(7)), 3, [0, 2, 4]), ([1, 2], 5, [1, 2])],
)
def test_spread_keeps_at_most_so_many_evenly_spaced(items, most, spread):
    assert chrome_learning.spread(items, most) == spread


def test_reparse_cleans_earlier_articles_and_staff_corrections_win(tmp_path, capsys):
    load_paths([write_pages(tmp_path / "first", [0])])
    article = Article.objects.get()
    assert FOOTER in article.body
    article.title = "Council rethinks fostering allowances"
    article.save()
    load_paths([write_pages(tmp_path / "more", range(1, 5))])
    capsys.readouterr()

    call_command("load_articles", "--reparse")
    assert "Done: 0 loaded, 1 updated, 4 unchanged, 0 skipped, 0 failed" in capsys.readouterr().out
    article.refresh_from_db()
    assert FOOTER not in article.body and SIGN_UP not in article.body
    assert article.title == "Council rethinks fostering allowances"

    call_command("load_articles", "--reparse", "--outlet", OUTLET.name)
    assert "Done: 0 loaded, 0 updated, 5 unchanged" in capsys.readouterr().out


def test_reparse_takes_outlets_not_paths(tmp_path):
    load_paths([write_pages(tmp_path, range(1))])
    with pytest.raises(CommandError, match="no such outlet: Nowhere Gazette"):
        call_command("load_articles", "--reparse", "--outlet", "Nowhere Gazette")
    with pytest.raises(CommandError, match="give no paths"):
        call_command("load_articles", "--reparse", str(tmp_path))
    with pytest.raises(CommandError, match="only goes with --reparse"):
        call_command("load_articles", "--outlet", OUTLET.name)


def test_the_seeds_teach_no_chrome(tmp_path):
    """Five pages of five outlets: no outlet has enough pages to learn from."""
    call_command("load_articles", verbosity=0)
    assert not LearnedChromeLine.objects.exists()

"""Learning an outlet's chrome from lines that recur across its articles."""

import dataclasses

from articles.parsing.authority import Authority
from articles.parsing.chrome import (
    LABEL_MIN_ARTICLES,
    LINE_MIN_ARTICLES,
    fingerprint,
    learn_chrome,
    page_lines,
)
from articles.parsing.outlet import UNKNOWN_OUTLET
from articles.parsing.page import split_page

from .template_pages import FOOTER, MENU, OUTLET, SIGN_UP, template_page

AUTHORITY = Authority(outlets=(OUTLET,))
QUOTED = (
    "“Every child in this valley deserves a family that can stay together,” the council "
    "leader told a packed meeting."
)


def learned_lines(pages):
    return {line.line for line in learn_chrome(OUTLET.name, [page_lines(p) for p in pages])}


def parsed_with(learned, text):
    chrome = {OUTLET.name: frozenset(fingerprint(line) for line in learned)}
    return split_page(text, dataclasses.replace(AUTHORITY, learned_chrome=chrome))


def test_the_fingerprint_ignores_case_spacing_and_typography():
    assert fingerprint("Get the Courier’s  round-up") == fingerprint("get the courier's round-up")
    assert fingerprint("Home") != fingerprint("Homes")


def test_lines_recurring_across_the_outlets_articles_are_learned():
    learned = learned_lines([template_page(i) for i in range(LINE_MIN_ARTICLES)])
    assert {FOOTER, SIGN_UP, *MENU} <= learned


def test_learned_chrome_leaves_the_page_and_the_article_stays():
    pages = [template_page(i) for i in range(LINE_MIN_ARTICLES)]
    plain = split_page(pages[0], AUTHORITY)
    assert FOOTER in plain.paragraphs  # no general rule knows this footer
    cleaned = parsed_with(learned_lines(pages), pages[0])
    assert FOOTER not in cleaned.paragraphs and SIGN_UP not in cleaned.paragraphs
    assert cleaned.paragraphs == [p for p in plain.paragraphs if p not in (FOOTER, SIGN_UP)]
    assert (cleaned.title, cleaned.author, cleaned.published) == (
        plain.title,
        plain.author,
        plain.published,
    )


def test_one_page_teaches_nothing_even_with_a_line_printed_twice():
    twice = "Read more from the valley"
    assert learned_lines([template_page(0, extra=(twice, twice))]) == set()
    on_one_page = learned_lines(
        [template_page(0, extra=(twice, twice))] + [template_page(i) for i in range(1, 5)]
    )
    assert twice not in on_one_page and FOOTER in on_one_page


def test_a_short_label_needs_several_articles():
    pages = [template_page(i) for i in range(LABEL_MIN_ARTICLES - 1)]
    assert learned_lines(pages) == set()
    assert set(MENU) <= learned_lines([*pages, template_page(LABEL_MIN_ARTICLES)])


def test_a_sentence_quoted_in_two_articles_is_kept():
    pages = [template_page(i, extra=(QUOTED,) if i < 2 else ()) for i in range(6)]
    learned = learned_lines(pages)
    assert QUOTED not in learned and FOOTER in learned
    assert QUOTED in parsed_with(learned, pages[0]).paragraphs


def test_a_long_line_needs_a_share_of_the_outlets_articles():
    """A headline in a "most read" box on four of twenty articles is not the template."""
    most_read = "Parents win their fight to keep the valley's last youth club open"
    pages = [template_page(i, extra=(most_read,) if i < 4 else ()) for i in range(20)]
    learned = learned_lines(pages)
    assert most_read not in learned and FOOTER in learned


def test_a_storys_headline_listed_in_most_read_boxes_stays_its_headline():
    """Story 0's headline is in the "Most read" box of every other page."""
    headline = template_page(0).split("\n\n")[1 + len(MENU)]
    pages = [template_page(0)] + [
        template_page(i, extra=("Most read", headline, f"{i} March 2022")) for i in range(1, 5)
    ]
    learned = learned_lines(pages)
    assert headline not in learned and FOOTER in learned
    assert parsed_with(learned, pages[0]).title == headline


def test_versions_of_one_article_count_once():
    first = template_page(0)
    updated = first.replace("Home\n", "Home\n\nUpdated\n")
    assert learned_lines([first, updated, first.replace("Home\n", "")]) == set()


def test_the_pages_own_facts_are_never_chrome():
    """One writer writes every article; several appear on one day; the kind label recurs."""
    pages = [
        template_page(i, extra=("Opinion",)).replace(f"{i + 1} March", "1 March") for i in range(5)
    ]
    learned = learned_lines(pages)
    assert FOOTER in learned
    assert not {"By Morwenna Tresize", "1 March 2022", "Opinion"} & learned


def test_unknown_outlet_learns_nothing():
    pages = [page_lines(template_page(i)) for i in range(6)]
    assert learn_chrome(UNKNOWN_OUTLET, pages) == []

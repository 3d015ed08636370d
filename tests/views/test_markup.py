"""HTML built in Python: excerpts, mention links and JSON-LD (no database)."""

import json

from articles.search import MARK_START, MARK_STOP, marked_excerpt, query_terms, render_marked
from articles.views.markup import MentionLinker, is_web_address, json_ld


def test_render_marked_escapes_text_and_marks_matches():
    html = render_marked(f"a <b>&{MARK_START}care{MARK_STOP}</b>")
    assert html == "a &lt;b&gt;&amp;<mark>care</mark>&lt;/b&gt;"


def test_render_marked_keeps_marks_balanced_whatever_the_markers():
    html = render_marked(f"{MARK_STOP}x{MARK_START}y{MARK_START}z")
    assert html == "x<mark>y</mark><mark>z</mark>"


def test_marked_excerpt_cuts_around_the_first_match_and_marks_every_term():
    text = "word " * 100 + "the Care Review said care matters " + "tail " * 100
    excerpt = marked_excerpt(text, ["care"])
    assert excerpt.startswith("… ") and excerpt.endswith(" …")
    assert excerpt.count(MARK_START) == 2
    assert f"{MARK_START}Care{MARK_STOP} Review" in excerpt
    assert len(excerpt) < 300


def test_marked_excerpt_without_a_match_is_empty():
    assert marked_excerpt("nothing here", ["care"]) == ""


def test_query_terms_drop_quotes_and_blanks():
    assert query_terms(' "care review"  ""  ') == ["care", "review"]


def test_mention_linker_links_first_use_of_each_spelling_longest_first():
    linker = MentionLinker({"Josh MacAlister": "/people/josh/", "MacAlister": "/people/josh/"})
    first = linker.link("Josh MacAlister spoke. MacAlister said.")
    second = linker.link("MacAlister again, Josh MacAlister again.")
    assert first == (
        '<a class="mention" href="/people/josh/">Josh MacAlister</a> spoke. '
        '<a class="mention" href="/people/josh/">MacAlister</a> said.'
    )
    assert "<a" not in second


def test_mention_linker_escapes_source_text_and_matches_escaped_spellings():
    linker = MentionLinker({"Children & Young People Now": "/outlets/cyp/", "O'Brien": "/p/ob/"})
    html = linker.link("<script>x</script> told Children & Young People Now and O'Brien")
    assert "<script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html
    assert '<a class="mention" href="/outlets/cyp/">Children &amp; Young People Now</a>' in html
    assert '<a class="mention" href="/p/ob/">O&#x27;Brien</a>' in html


def test_mention_linker_respects_word_boundaries():
    html = MentionLinker({"Tact": "/organisations/tact/"}).link("Tactful Tact.")
    assert html == 'Tactful <a class="mention" href="/organisations/tact/">Tact</a>.'


def test_mention_linker_with_nothing_to_link_only_escapes():
    assert MentionLinker({}).link("a < b") == "a &lt; b"


def test_only_web_addresses_become_links():
    assert is_web_address("https://example.org/a.pdf")
    assert is_web_address("http://example.org")
    assert not is_web_address("javascript:alert(1)")
    assert not is_web_address("data:text/html,hi")
    assert not is_web_address("https://")
    assert not is_web_address("http://[bad")


def test_json_ld_cannot_close_its_script_element():
    html = json_ld({"headline": "</script><script>alert(1)</script> & more"})
    assert html.startswith('<script type="application/ld+json">')
    assert html.count("</script>") == 1
    payload = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert json.loads(payload)["headline"] == "</script><script>alert(1)</script> & more"

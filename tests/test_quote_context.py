"""Finding a quote's paragraph in its article: pure text code, no database."""

from articles.quote_context import surrounding_paragraph

PARAGRAPHS = [
    "The review opened in March.",
    "Ian Dickinson said: “They never  listen to genuine concerns,” and left.",
    "A final paragraph.",
]


def test_the_paragraph_is_split_around_the_quote_despite_spacing_and_marks():
    found = surrounding_paragraph(PARAGRAPHS, "They never listen to genuine concerns")
    assert found.before == "Ian Dickinson said: “"
    assert found.quoted == "They never  listen to genuine concerns"
    assert found.after == ",” and left."


def test_curly_and_straight_apostrophes_match():
    found = surrounding_paragraph(["It’s the review’s job, she said."], "It's the review's job")
    assert found.quoted == "It’s the review’s job"


def test_a_quote_spanning_paragraphs_is_found_by_its_opening_words():
    paragraphs = ["He said: “We will listen to every child in care", "and act on it.”"]
    found = surrounding_paragraph(
        paragraphs, "We will listen to every child in care and act on it."
    )
    assert (found.before, found.quoted) == (paragraphs[0], "")


def test_words_the_article_does_not_print_give_nothing():
    assert surrounding_paragraph(PARAGRAPHS, "Something nobody said") is None
    assert surrounding_paragraph([], "Anything") is None

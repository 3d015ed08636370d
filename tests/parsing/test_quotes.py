import pytest

from articles.parsing.entities import extract_entities
from articles.parsing.quotes import UNRESOLVED_REASON, extract_quotes

from . import other_outlet
from .seed_body import authority, body_paragraphs
from .seeds import EXPECTED, SEED_NAMES


def quotes_of(*paragraphs):
    paragraphs = list(paragraphs)
    return extract_quotes(paragraphs, extract_entities(paragraphs, authority()))


def containing(quotes, fragment):
    return [q for q in quotes if fragment in q.text]


def only(quotes, fragment):
    found = containing(quotes, fragment)
    assert len(found) == 1, found
    return found[0]


@pytest.fixture(scope="module")
def seeds():
    return {name: quotes_of(*body_paragraphs(name)) for name in SEED_NAMES}


# --- The seeds, against expected.json ---------------------------------------------------


@pytest.mark.parametrize("name", [n for n in SEED_NAMES if EXPECTED[n].get("quotes")])
def test_seed_quotes_have_the_expected_speakers(seeds, name):
    for wanted in EXPECTED[name]["quotes"]:
        quote = only(seeds[name], wanted["fragment"])
        assert quote.speaker == wanted.get("speaker")
        assert quote.speaker_label == wanted.get("speaker_label", "")
        assert not quote.needs_review


@pytest.mark.parametrize("name", SEED_NAMES)
def test_positions_number_the_quotes_in_article_order(seeds, name):
    assert [q.position for q in seeds[name]] == list(range(len(seeds[name])))


@pytest.mark.parametrize(
    ("name", "scare"),
    [
        ("002_5dc0658c0538405e.txt", "development"),
        ("002_5dc0658c0538405e.txt", "great leveller"),
        ("002_5dc0658c0538405e.txt", "legal"),
        ("004_e96da8d9b78644c1.txt", "balancing act"),
        ("000_53d296c89f0bca95.txt", "evidence and design groups"),  # single quotes on a page
    ],
)
def test_scare_quotes_are_not_quotes(seeds, name, scare):
    assert not [q for q in seeds[name] if q.text == scare]


def test_a_quote_over_two_paragraphs_is_one_quote_attributed_at_its_end(seeds):
    quote = only(seeds["002_5dc0658c0538405e.txt"], "We’re starting to generate ideas")
    assert "\n\nIn this phase we’ll be returning" in quote.text
    assert quote.speaker == "Josh MacAlister"


def test_a_continued_quote_may_change_quote_style(seeds):
    quote = only(seeds["002_5dc0658c0538405e.txt"], "We have heard from over 1,000 people")
    assert quote.text.endswith("share publicly to encourage debate.")
    assert (quote.speaker, quote.speaker_label) == (None, "A spokesperson for the review")


def test_the_speaker_of_a_partial_quote_in_a_reported_sentence(seeds):
    quotes = seeds["002_5dc0658c0538405e.txt"]
    assert only(quotes, "may be better at relationship work").speaker == "Rachel de Souza"
    assert only(quotes, "it doesn’t matter if you are a professor").speaker == "Josh MacAlister"


def test_a_paragraph_that_is_only_a_quote_continues_the_last_speaker(seeds):
    quote = only(seeds["004_e96da8d9b78644c1.txt"], "The review will be comprehensive")
    assert quote.speaker == "Josh MacAlister"


def test_a_quote_without_a_speaker_is_kept_for_review(seeds):
    quote = only(seeds["004_e96da8d9b78644c1.txt"], "disadvantage at so many points")
    assert quote.speaker is None and quote.speaker_label == ""
    assert (quote.needs_review, quote.review_reason) == (True, UNRESOLVED_REASON)


# --- Texts of our own ----------------------------------------------------------------------


def test_said_before_the_name_after_the_quote():
    quote = quotes_of("“We will listen to every family,” said Sarah Jones, a foster carer.")[0]
    assert (quote.text, quote.speaker) == ("We will listen to every family", "Sarah Jones")


def test_according_to():
    quote = quotes_of("“Budgets are stretched to breaking point,” according to Anne Longfield.")[0]
    assert quote.speaker == "Anne Longfield"


def test_a_spokesperson_of_a_named_body_is_a_label():
    quote = quotes_of(
        "A Department for Education spokesperson said: “The review is independent of us.”"
    )[0]
    assert (quote.speaker, quote.speaker_label) == (None, "A Department for Education spokesperson")


def test_an_organisation_can_speak():
    quote = quotes_of("The Local Government Association said: “Councils need more money now.”")[0]
    assert (quote.speaker, quote.speaker_label) == (None, "Local Government Association")


def test_she_is_the_last_speaker_whose_first_name_fits():
    quotes = quotes_of(
        "“Children deserve better than this,” said Anne Longfield.",
        "“We are listening to them,” said Josh MacAlister.",
        "“Then listen harder and faster,” she added.",
    )
    assert [q.speaker for q in quotes] == ["Anne Longfield", "Josh MacAlister", "Anne Longfield"]


def test_he_in_the_same_sentence_is_its_subject():
    quote = quotes_of(
        "Gavin Williamson said on Monday that, in his view, he was “certain the review will work”."
    )[0]
    assert quote.speaker == "Gavin Williamson"


def test_straight_double_quotes():
    quote = quotes_of('Maria Okafor, a social worker, said: "We need to act now on this."')[0]
    assert (quote.text, quote.speaker) == ("We need to act now on this.", "Maria Okafor")


def test_single_quotes_are_quotes_on_a_page_that_uses_no_double_ones():
    quote = quotes_of("Maria Okafor said: ‘We need to act now, and we’re ready.’")[0]
    assert (quote.text, quote.speaker) == ("We need to act now, and we’re ready.", "Maria Okafor")


def test_quoted_names_and_two_word_phrases_are_not_quotes():
    assert (
        quotes_of("The “Case for Change” saw a “great leveller” in “Children’s Social Care”.") == []
    )


def test_a_quote_over_three_paragraphs_attributed_at_the_end():
    quote = quotes_of(
        "“First, we listen to families.",
        "“Second, we read everything they send us.",
        "“Third, we write it all down,” Jane Doe said.",
        "Nothing more was said.",
    )
    assert len(quote) == 1
    assert quote[0].text.count("\n\n") == 2
    assert quote[0].speaker == "Jane Doe"


def test_an_unattributed_quote_after_other_text_is_flagged():
    quotes = quotes_of(
        "Josh MacAlister said the review was on track.",
        "Critics were unconvinced. A letter said it was “a disaster for families in care”.",
    )
    assert (quotes[0].speaker, quotes[0].needs_review) == (None, True)


def test_a_national_newspaper_page():
    quotes = quotes_of(*other_outlet.PARAGRAPHS)
    assert [(q.speaker or q.speaker_label, q.text[:24]) for q in quotes] == [
        ("Josh MacAlister", "a 40-year-old car that n"),
        ("Josh MacAlister", "We need a radical reset"),
        ("Josh MacAlister", "Families must be helped "),  # a sentence that is only a quote
        ("Anne Longfield", "sustained investment ove"),
        ("Louise Gittins", "Councils share the revie"),
        ("A government spokesperson", "We will set out our plan"),
        ("Mark Russell", "a once-in-a-generation o"),
    ]
    assert not any(q.needs_review for q in quotes)

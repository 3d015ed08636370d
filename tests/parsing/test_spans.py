"""Where mentions lie in the stored article: pure tests, no database."""

import pytest

from articles.parsing.mentions import PERSON, Mention
from articles.parsing.parse import parse_article
from articles.parsing.spans import readable_paragraphs, stored_spans
from articles.parsing.types import PageParts

from .seed_body import authority
from .seeds import SEED_NAMES, seed_text


def page(title="Title", standfirst="", paragraphs=()):
    return PageParts(
        outlet="X",
        outlet_known=True,
        title=title,
        standfirst=standfirst,
        published=None,
        author="",
        paragraphs=list(paragraphs),
    )


def stored_fields(parsed):
    return {
        "title": parsed.page.title,
        "standfirst": parsed.page.standfirst,
        "body": "\n\n".join(parsed.page.paragraphs),
    }


def test_body_paragraphs_are_placed_at_their_offset_in_the_joined_body():
    texts, places = readable_paragraphs(page("T", "", ["One.", "", "Three."]))
    assert texts == ["T", "One.", "Three."]
    # "One.\n\n\n\nThree.": the empty paragraph still takes its separator.
    assert places == [("title", 0), ("body", 0), ("body", 8)]


def test_a_mention_is_moved_into_its_field_with_its_sentence():
    paragraphs = ["Headline", "First one. Then Ann Lee spoke. Last."]
    places = [("title", 0), ("body", 40)]
    mention = Mention(PERSON, "Ann Lee", 1, 16, 23, "Ann Lee")
    [span] = stored_spans([mention], paragraphs, places)[PERSON, "Ann Lee"]
    assert span == ("body", 56, 63, 51, 70)
    body = " " * 40 + paragraphs[1]
    assert body[span.start : span.end] == "Ann Lee"
    assert body[span.sentence_start : span.sentence_end] == "Then Ann Lee spoke."


def test_a_name_across_a_false_sentence_boundary_takes_in_both_sentences():
    text = "Ask Ann. Lee replied. Done."
    mention = Mention(PERSON, "Ann Lee", 0, 4, 12, "Ann. Lee")
    [span] = stored_spans([mention], [text], [("body", 0)])[PERSON, "Ann Lee"]
    assert text[span.sentence_start : span.sentence_end] == "Ask Ann. Lee replied."


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_stored_span_of_a_seed_holds_one_of_the_spellings(name):
    parsed = parse_article(seed_text(name), authority())
    fields = stored_fields(parsed)
    refs = [*parsed.organisations, *parsed.review_bodies]
    refs += [ref for ref in parsed.people if ref.count]  # speakers only have no mentions
    for ref in refs:
        assert len(ref.spans) == ref.count, ref.name
        for span in ref.spans:
            text = fields[span.part]
            assert " ".join(text[span.start : span.end].split()) in ref.spellings
            assert span.sentence_start <= span.start < span.end <= span.sentence_end


def test_seed_002_places_ian_dickinson_in_his_sentence():
    parsed = parse_article(seed_text("002_5dc0658c0538405e.txt"), authority())
    ian = next(ref for ref in parsed.people if ref.name == "Ian Dickson")
    body = stored_fields(parsed)["body"]
    [span] = ian.spans
    assert span.part == "body"
    assert body[span.start : span.end] == "Ian Dickinson"
    sentence = body[span.sentence_start : span.sentence_end]
    assert sentence.startswith("Care-experienced children’s rights campaigner Ian Dickinson")
    assert sentence.endswith("away from the light.”")

from articles.parsing.sentences import sentence_spans


def sentences(text, protected=()):
    return [text[start:end] for start, end in sentence_spans(text, protected)]


def test_sentences_end_at_full_stops_question_marks_and_closing_quotes():
    assert sentences("It opened. Did it close? “Yes.” It did!") == [
        "It opened.",
        "Did it close?",
        "“Yes.”",
        "It did!",
    ]


def test_abbreviations_initials_and_dotted_acronyms_do_not_end_a_sentence():
    text = "Mr. Jones met Dr. J. Smith at the U.S. Embassy. Then he left."
    assert sentences(text) == ["Mr. Jones met Dr. J. Smith at the U.S. Embassy.", "Then he left."]


def test_a_number_before_a_full_stop_ends_the_sentence():
    assert sentences("They were aged 5. Others were older.") == [
        "They were aged 5.",
        "Others were older.",
    ]


def test_a_boundary_inside_a_protected_span_does_not_split():
    text = "“Stop. Think. Act,” she said. Nobody moved."
    assert sentences(text, [(0, 20)]) == ["“Stop. Think. Act,” she said.", "Nobody moved."]

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


def test_the_press_release_form_names_the_speaker_in_the_paragraph_before():
    quotes = quotes_of(
        "Lena Hart, the association’s professional officer for children, said:",
        "“Social workers have been telling anyone who will listen about this for years.",
        "“What we have not yet seen is any acknowledgement of the cuts.”",
    )
    assert len(quotes) == 1
    assert quotes[0].speaker == "Lena Hart"
    assert "\n\nWhat we have not yet seen" in quotes[0].text


def test_a_block_quotation_without_marks_is_the_words_of_the_speaker_before_it():
    quotes = quotes_of(
        "Education Secretary Gillian Keegan said:",
        "Every child deserves a safe and loving home, and this strategy sets out how.",
        "Helen Marsh, the council’s director of children’s services, added:",
        "This is a chance to put that right.",
        "The council will publish its first progress report next spring.",
    )
    assert [(q.text, q.speaker) for q in quotes] == [
        (
            "Every child deserves a safe and loving home, and this strategy sets out how.",
            "Gillian Keegan",
        ),
        ("This is a chance to put that right.", "Helen Marsh"),
    ]


def test_a_paragraph_after_a_colon_without_a_speech_verb_is_no_quotation():
    quotes = quotes_of(
        "The strategy includes:",
        "£45 million to launch a Families First for Children Pathfinder in 12 areas",
    )
    assert quotes == []


def test_a_child_known_by_their_age_speaks_as_put_it():
    quote = only(
        quotes_of(
            "Our 15-year-old put it better than I could: “You’re my carer, but I have to ask "
            "the council if I can stay at my mate’s house?”"
        ),
        "You’re my carer",
    )
    assert quote.speaker_label == "Our 15-year-old"


def test_the_age_stays_part_of_a_longer_generic_speaker():
    quote = quotes_of("A 16-year-old young carer told us: “Nobody ever asks how I am doing.”")[0]
    assert quote.speaker_label == "A 16-year-old young carer"


def test_two_people_who_speak_together_are_spoken_for_by_the_first():
    quotes = quotes_of(
        "Dev and Anita Rourke, who fostered me for three years, put it best: “The review asks "
        "us to love children. The hard part is the money.”"
    )
    assert quotes[0].speaker == "Dev Rourke"


def test_a_spokesperson_for_a_body_described_before_its_name():
    quote = quotes_of(
        "A spokesperson for the school leaders' union NAHT warned that \"schools cannot become "
        'the fourth emergency service without the funding to match".'
    )[0]
    assert quote.speaker_label == "A spokesperson for the school leaders' union NAHT"


def test_the_person_a_description_follows_speaks_not_the_description():
    quote = quotes_of(
        "Lisa Harker, the Observatory’s director, who sat on the review’s Evidence Group, has "
        "said that “the variation tells us as much about local practice”."
    )[0]
    assert quote.speaker == "Lisa Harker"


def test_a_generic_speaker_with_the():
    quote = quotes_of(
        "When the children came to us the social worker literally said to me \"you're family, "
        "you'd do it anyway\"."
    )[0]
    assert quote.speaker_label == "The social worker"


def test_a_citation_between_the_writer_and_the_verb():
    quotes = quotes_of(
        "Eileen Munro led the review of child protection. Munro (2011, p. 6) argues that “the "
        "system has become too focused on compliance with rules”."
    )
    assert quotes[0].speaker == "Eileen Munro"


def test_a_title_between_said_and_the_name():
    quote = quotes_of(
        "“Councils cannot build a new system on an old budget,” said Cllr Roger Lyle, "
        "the network’s spokesman."
    )[0]
    assert quote.speaker == "Roger Lyle"


def test_the_subject_of_the_speech_verb_not_a_name_in_its_apposition():
    quote = quotes_of(
        "Tom Ward, who worked with Eileen Munro on her review, said: “Nothing has changed yet.”"
    )[0]
    assert quote.speaker == "Tom Ward"


def test_told_the_bbc():
    quote = quotes_of("Josh MacAlister told the BBC: “We need a radical reset of the system.”")[0]
    assert quote.speaker == "Josh MacAlister"


def test_according_to_a_titled_name():
    quote = quotes_of(
        "“The money will not reach most areas,” according to Labour MP Jane Whitfield."
    )[0]
    assert quote.speaker == "Jane Whitfield"


def test_a_spokesperson_label_keeps_the_whole_name_of_the_body():
    quote = quotes_of(
        "A spokesperson for the British Association of Social Workers said: “We welcome it.”",
    )[0]
    label = "A spokesperson for the British Association of Social Workers"
    assert (quote.speaker, quote.speaker_label) == (None, label)


def test_a_spokesperson_speaks_not_the_body_the_label_names():
    quote = quotes_of(
        "A spokesman for the Children’s Homes Association, which represents providers, said: "
        "“Blaming providers will not create a single new bed.”"
    )[0]
    assert quote.speaker_label == "A spokesman for the Children’s Homes Association"


def test_a_generic_speaker_is_a_label():
    quotes = quotes_of(
        "A 16-year-old young carer we work with in Leeds told us: “I want someone I can ring.”",
        "One foster carer said: “Nobody tells us anything about contact.”",
    )
    assert [q.speaker_label for q in quotes] == ["A 16-year-old young carer", "One foster carer"]


def test_straight_single_quotes_on_a_page_without_double_ones():
    quotes = quotes_of(
        "Josh MacAlister's review says the market for children's homes is 'not working'.",
        "Mr MacAlister said: 'Children are being moved hundreds of miles from home.'",
    )
    assert [(q.text, q.speaker) for q in quotes] == [
        ("Children are being moved hundreds of miles from home.", "Josh MacAlister")
    ]


def test_he_is_the_most_recent_person_named_not_the_last_speaker():
    quotes = quotes_of(
        "“The system is straining,” said Josh MacAlister.",
        "Kieran Holt, who lives in Salford, said he had shared his story with the review.",
        "“I just want one person who sticks around,” he told Granada Reports.",
    )
    assert [q.speaker for q in quotes] == ["Josh MacAlister", "Kieran Holt"]


def test_scare_quotes_without_a_speech_verb_are_not_quotes():
    assert (
        quotes_of(
            'Families are bounced between "early help" and "children in need services" each week.'
        )
        == []
    )


def test_a_generic_speaker_speaks_only_as_the_subject_of_the_verb():
    quote = quotes_of(
        "The charity, which helps a child in need every day, said: “We are worried about this.”"
    )[0]
    assert (quote.speaker, quote.speaker_label) == (None, "")


def test_a_description_after_the_quote_is_its_speaker():
    quotes = quotes_of(
        "“Teachers are often the first to notice that something is wrong,” the report says.",
        "“We will look at every recommendation,” the local authority said in a statement.",
    )
    assert [q.speaker_label for q in quotes] == ["The report", "The local authority"]


def test_a_description_then_the_name_after_the_quote():
    quote = quotes_of(
        "“We cannot wait another decade,” the review’s chair, Josh MacAlister, said on Monday."
    )[0]
    assert quote.speaker == "Josh MacAlister"


def test_according_to_before_the_quote():
    quote = quotes_of(
        "According to Anne Longfield, the plan is “a disaster for families in care”."
    )[0]
    assert quote.speaker == "Anne Longfield"


def test_a_quote_continued_in_single_quotes_on_a_page_without_double_ones():
    quotes = quotes_of(
        "Priti Anand, the charity’s chief executive, said:",
        "‘For years kinship carers have been left to cope on their own.",
        "‘Now the government has to find the money for them.’",
        "The charity will write to every MP.",
    )
    assert len(quotes) == 1
    assert quotes[0].speaker == "Priti Anand"
    assert quotes[0].text.endswith("find the money for them.")


def test_a_quote_signed_with_a_dash():
    quote = quotes_of("“The support we got changed everything for our family.” – Sarah Jones")[0]
    assert quote.speaker == "Sarah Jones"


def test_a_spokesperson_label_keeps_a_name_with_from_in_it():
    quote = quotes_of(
        "A spokesperson for Voices from Care Cymru, which supports young people, said the "
        "charity would welcome “a proper national conversation”."
    )[0]
    assert quote.speaker_label == "A spokesperson for Voices from Care Cymru"


def test_a_generic_speaker_in_a_place_is_the_speaker_not_the_place():
    quote = quotes_of(
        "One kinship carer in Norfolk told the charity: ‘I went from working full time to "
        "relying on my pension overnight.’"
    )[0]
    assert (quote.speaker, quote.speaker_label) == (None, "One kinship carer")


def test_a_quoted_word_or_two_after_a_named_speaker_and_a_modal_is_their_words():
    quotes = quotes_of(
        "The housing secretary, Priya Lal, said councils would “act quickly” on the findings.",
        "Tom Rees, who runs the charity, said he felt “vindicated” by the ruling.",
    )
    assert [(q.text, q.speaker) for q in quotes] == [
        ("act quickly", "Priya Lal"),
        ("vindicated", "Tom Rees"),
    ]


def test_a_quoted_word_or_two_after_a_determiner_or_that_stays_a_scare_quote():
    assert (
        quotes_of(
            "Priya Lal said the inspectorate faced a “perfect storm” this winter.",
            "Tom Rees said that “emergency” placements were rising.",
        )
        == []
    )


def test_he_is_the_subject_of_the_sentence_before_not_its_last_name():
    quotes = quotes_of(
        "Amira Shah, who trained as a nurse, was appointed by Dana Fox in March.",
        "In her first speech she said wards “cannot keep running on goodwill alone”.",
        "Mark Doyle, who leads the union, was thanked by Neil Quinn on Tuesday.",
        "In his reply he warned that “the pay offer will not be enough”.",
    )
    assert [q.speaker for q in quotes] == ["Amira Shah", "Mark Doyle"]


def test_one_member_of_a_body_is_a_label_for_the_body_it_names():
    [quote] = quotes_of(
        "The plan was put to the Youth Council in March.",
        "One member of the Youth Council said: “We have heard all this before.”",
    )
    assert (quote.speaker, quote.speaker_label) == (None, "One member of the Youth Council")


def test_a_label_after_a_copula_describes_the_person_who_speaks():
    [quote] = quotes_of(
        "Dr Lena Hart, a lecturer at the university, who led the study and was a member of "
        "the review’s design group, said: “Families need money, not more pilots.”",
    )
    assert (quote.speaker, quote.speaker_label) == ("Lena Hart", "")


@pytest.mark.parametrize(
    "sentence",
    [
        "Jane Whitcombe of the NSPCC said: “The review has described the system honestly.”",
        "Jane Whitcombe, of the NSPCC, said: “The review has described the system honestly.”",
        "Jane Whitcombe from Barnardo's said the review “has described the system honestly”.",
        "Professor Jane Whitcombe of the University of Nottingham, who has written widely on "
        "child protection, told LGIU: “The review has described the system honestly.”",
    ],
)
def test_a_person_of_an_organisation_speaks_for_themselves(sentence):
    quote = only(quotes_of("Headline", "", sentence), "described the system")
    assert (quote.speaker, quote.speaker_label) == ("Jane Whitcombe", "")


def test_an_organisation_that_speaks_after_a_person_it_is_not_of_speaks_itself():
    quote = only(
        quotes_of(
            "Headline",
            "",
            "After meeting Jane Whitcombe, the NSPCC said: “The review has described the system "
            "honestly.”",
        ),
        "described the system",
    )
    assert (quote.speaker, quote.speaker_label) == (None, "NSPCC")


def test_a_person_known_by_a_first_name_alone_speaks_her_quotes():
    quotes = quotes_of(
        "Headline",
        "",
        "The caller, who gave her name as Danielle, was speaking to presenter Nick Ferrari.",
        "“I got my degree and there was nobody there for me,” she said.",
    )
    assert only(quotes, "nobody there").speaker == "Danielle"

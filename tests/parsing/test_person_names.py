"""Finding people nobody told the parser about: what is and is not a person's name."""

from articles.parsing.person_names import find_person_candidates


def found(text):
    return [candidate.name for candidate in find_person_candidates(text)]


def test_a_word_capitalised_only_because_it_opens_a_sentence_is_not_a_name():
    # gender-guesser takes "The" for a woman's name and "In" for anyone's.
    assert found("The Treasury will say that is a lot of money at a difficult time.") == []
    assert found("In Stockport we have already brought early help together.") == []
    assert found("The Promise committed Scotland to change, said Maya Quist.") == ["Maya Quist"]


def test_capitalised_words_after_a_noun_of_the_same_run_start_a_name_only_with_a_first_name():
    text = "the Association of Child Protection Professionals has asked for a pilot."
    assert found(text) == []
    assert found("the Leeds Family Lena Hart has said it.") == ["Lena Hart"]


def test_the_words_before_an_organisation_or_scheme_word_are_its_name_not_a_person():
    assert found("Households can get help through the Energy Bill Support Scheme.") == []
    assert found("Surgeries are held at the Rowan Vale Community Centre on Saturdays.") == []
    assert found("It was the Ruth Penfold Prize that year.") == []
    # Not across a line break: there the head word opens the next line.
    assert found("said Tibby Marigold, who\nleads it, and Lena Hart\nReport of the year") == [
        "Tibby Marigold",
        "Lena Hart",
    ]


def test_capitalised_words_after_a_preposition_of_place_name_a_place():
    assert found("carers who have grown up in care here in Kettleby and Rowan Vale.") == []
    assert found("They have fostered forty children in Rowan Vale over 22 years.") == []
    # A possessive after the name makes it a person again, and so does a title.
    assert found("in Lena Hart's view the review went too far.") == ["Lena Hart"]
    assert found("around Councillor Rowan Vale, the leader, a crowd formed.") == ["Rowan Vale"]


def test_an_age_after_a_name_marks_a_person():
    text = "the murders of Tibby Marigold, 16 months, and of others are due to be reviewed."
    assert found(text) == ["Tibby Marigold"]
    assert found("Juniper Harbour, 42, said it had changed her life.") == ["Juniper Harbour"]
    assert found("Juniper Harbour, 42 High Street, is the address.") == []


def test_a_first_name_joined_to_a_full_name_shares_its_surname():
    assert sorted(found("Over the summer I met Dave and Pam Whitby, who foster.")) == [
        "Dave Whitby",
        "Pam Whitby",
    ]
    # An unfamiliar first name too, when the text says the pair are people.
    assert sorted(found("Dev and Anita Rourke, who fostered me, agreed.")) == [
        "Anita Rourke",
        "Dev Rourke",
    ]
    # Not when the word before "and" is not a first name.
    assert found("Households in Kettleby and Pam Whitby's street") == ["Pam Whitby"]


def test_a_local_papers_councillor_title_marks_a_name_and_is_not_part_of_it():
    assert found("Coun Tibby Marigold spoke first.") == ["Tibby Marigold"]


def test_a_date_before_a_name_is_not_a_noun_it_continues():
    assert found("On Monday Tibby Marigold said it was overdue.") == ["Tibby Marigold"]


def test_a_peer_is_named_by_title_and_the_title_is_part_of_the_name():
    assert found("Lord Ashgrove asked whether the review had listened.") == ["Lord Ashgrove"]
    assert found("Baroness Penwortham (Lab) spoke first.") == ["Baroness Penwortham"]
    assert found("a question from Lord Smith of Finsbury today") == ["Lord Smith of Finsbury"]


def test_a_peerage_title_before_a_full_name_or_an_office_is_no_peer():
    # "Lord John Smith" is John Smith; "Lord Mayor" and "Lord Chancellor" are offices.
    assert found("Lord John Smith said so.") == ["John Smith"]
    assert found("The Lord Mayor and the Lord Chancellor met.") == []
    assert found("I do not accept the noble Baroness’s characterisation.") == []
    assert found("The noble Lord will know that we are consulting.") == []


def test_a_name_joined_by_and_to_a_persons_name_is_a_person():
    # "Star" is no first name gender-guesser knows; the coordination says it is a name.
    text = "its national review into the murders of Arthur Labinjo-Hughes and Star Hobson."
    assert found(text) == ["Arthur Labinjo-Hughes", "Star Hobson"]
    assert found("the review of Star Hobson's case.") == []
    assert found("Arthur Labinjo-Hughes and Kettleby Council") == ["Arthur Labinjo-Hughes"]


def test_a_name_after_a_capitalised_word_and_for_or_of_ends_an_organisations_name():
    assert found("A spokesperson for Voices for Kin Cymru, which supports families, said") == []
    # Not after a title, nor at the start of a sentence.
    assert found("the Minister for Lena Hart said.") == ["Lena Hart"]
    assert found("Ahead of Lena Hart's visit, staff met.") == ["Lena Hart"]


def test_a_peer_may_be_named_by_title_and_place_alone():
    assert found("The Earl of Listowel asked a question.") == ["Earl of Listowel"]
    assert found("the Bishop of Durham said") == ["Bishop of Durham"]
    assert found("pupils doing the Duke of Edinburgh Award") == []


def people(text):
    return [c.name for c in find_person_candidates(text) if c.is_person]


def test_a_speech_verb_after_auxiliaries_and_adverbs_marks_a_name_nobody_knows():
    # gender-guesser knows neither "Zubin" nor "Tariq" nor "Kwabena".
    assert people("Zubin Mehta-Rao has already told the board to expect cuts.") == [
        "Zubin Mehta-Rao"
    ]
    assert people("Kwabena Asante will also say the plan is late.") == ["Kwabena Asante"]
    assert people("Kwabena Asante Trust has grown quickly.") == []


def test_a_presenter_or_host_before_a_name_marks_it():
    assert people("This week host Zubin Mehta-Rao talks to two carers.") == ["Zubin Mehta-Rao"]
    assert people("Presenter Kwabena Asante asks what changed.") == ["Kwabena Asante"]

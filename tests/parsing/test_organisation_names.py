"""Finding organisations the authority file does not list, kept whole."""

from articles.parsing.organisation_names import find_organisation_candidates


def found(text):
    return [candidate.name for candidate in find_organisation_candidates(text)]


def test_the_and_joins_two_words_of_one_name_after_a_sentence_opening_article():
    assert found("The Competition and Markets Authority found profits of 23 per cent.") == [
        "Competition and Markets Authority"
    ]
    # A whole name before "and" is an organisation of its own.
    assert found("Barnardo’s and Kingston University agreed.") == ["Kingston University"]


def test_a_name_with_of_and_and_after_its_head_word_is_kept_whole():
    assert found("the Chartered Institute of Public Finance and Accountancy said") == [
        "Chartered Institute of Public Finance and Accountancy"
    ]
    assert found("a spokesperson for the Association of School and College Leaders said") == [
        "Association of School and College Leaders"
    ]
    assert found("The Association of Directors of Children’s Services said so.") == [
        "Association of Directors of Children’s Services"
    ]
    # What follows "and" is another organisation when it ends with a head word.
    assert found("the University of Oxford and Kingston University agreed") == [
        "University of Oxford",
        "Kingston University",
    ]


def test_a_place_before_a_head_word_is_part_of_the_name():
    assert found("Stockport Council has welcomed the strategy.") == ["Stockport Council"]
    assert found("the Nuffield Family Justice Observatory aims to help.") == [
        "Nuffield Family Justice Observatory"
    ]


def test_a_word_in_capitals_that_speaks_is_an_organisation():
    assert found("Pay must rise, according to UNISON.") == ["UNISON"]
    assert found("NAPO says both are welcome.") == ["NAPO"]
    assert found("The minister told MPs on Monday.") == []
    # Post-nominals and plurals do not speak for an organisation.
    assert found("The MP said the MPs said nothing.") == []


def test_the_object_of_led_or_joined_is_an_organisation_unless_shaped_like_a_person():
    assert found("Duncan led Who Cares? Scotland for nine years.") == ["Who Cares? Scotland"]
    assert found("She joined Become in 2019.") == ["Become"]
    assert found("She joined Lena Hart in 2019.") == []


def test_one_capitalised_word_that_speaks_is_an_organisation_when_it_is_nobodys_name():
    assert found("Unite said the plans would punish workers.") == ["Unite"]
    assert found("Pay is low in Leeds. Unite said so.") == ["Unite"]
    # Not a first name, a plural, a pronoun or kin, nor the end of a longer name.
    assert found("Lena said so. Critics said so. Nobody said so. Mum said so.") == []
    assert found("Then Lena Hart said so.") == []


def test_the_words_between_an_article_and_spokesperson_name_an_organisation():
    assert found("A Social Work England spokesperson said it would consider them.") == [
        "Social Work England"
    ]
    assert found("a Home Office spokeswoman declined to comment") == ["Home Office"]
    assert found("a spokesperson said") == []


def test_a_thing_or_a_generic_word_that_speaks_is_no_organisation():
    assert found("Report says spending has been pushed towards crisis.") == []
    assert found("Government said so. Review warns of cost.") == []


def test_an_apposition_saying_what_a_name_is_makes_it_an_organisation():
    assert found("Become, the charity for children in care, said so.") == ["Become"]
    assert found("Coram, the children’s charity, welcomed the report.") == ["Coram"]
    assert found("Lena Hart, a charity worker, said so.") == []


def test_an_apostrophe_s_ending_a_name_stays_unless_a_noun_follows():
    assert found("a former chief executive of Barnardo’s, said the review was bold") == [
        "Barnardo’s"
    ]
    assert found("Tact Fostering Trust’s report said so.") == ["Tact Fostering Trust"]
    assert found("The Care Leavers’ Association said so.") == ["Care Leavers’ Association"]


def test_a_public_body_is_named_by_what_it_is_and_alone_names_none():
    assert found("the Child Safeguarding Practice Review Panel published its review") == [
        "Child Safeguarding Practice Review Panel"
    ]
    assert found("The Welsh Government has taken a different path.") == ["Welsh Government"]
    assert found("The Government said the Panel and the Board would meet.") == []
    assert found("the Northern Ireland Assembly voted") == ["Northern Ireland Assembly"]
    assert found("the Local Government Association said") == ["Local Government Association"]
    # Nor does one after a context that names an organisation ("told").
    assert found("he told the Government on Monday") == []


def test_whom_a_spokesperson_speaks_for_is_an_organisation():
    # A name ending in a place, with "from" inside it.
    assert found("A spokesperson for Voices from Care Cymru, which supports young people") == [
        "Voices from Care Cymru"
    ]
    assert found("a spokeswoman for Kinship said") == ["Kinship"]
    # "from" joins no name to the words before it.
    assert found("Support from Kettleby Council arrived.") == ["Kettleby Council"]


def test_a_place_a_preposition_governs_does_not_speak():
    assert found("One kinship carer in Norfolk told the charity it was hard.") == []
    assert found("Without the money, Unite said, nothing changes.") == ["Unite"]


def test_a_formal_name_opens_with_the_possessive_before_its_owner():
    assert found("To ask His Majesty’s Government what assessment they have made") == [
        "His Majesty’s Government"
    ]
    assert found("His Council was late.") == []


def test_a_head_word_followed_by_on_takes_the_words_after_it_but_not_a_day():
    assert found("She chairs the Commission on Rural Housing, which reports in June.") == [
        "Commission on Rural Housing"
    ]
    assert found("It was discussed by Leeds City Council on Tuesday.") == ["Leeds City Council"]


def test_a_title_that_speaks_is_a_peer_or_a_person_not_an_organisation():
    assert found("The noble Lord said the findings should shame us.") == []
    assert found("The Baroness told peers the strategy would follow.") == []


def test_a_day_or_month_after_a_name_is_not_part_of_it():
    assert found("The chair told LBC on Monday that the system was failing.") == ["LBC"]
    assert found("She told the BBC in March that it would.") == ["BBC"]
    assert found("He told the Commission on Young Lives that it would.") == [
        "Commission on Young Lives"
    ]


def test_an_adverb_or_a_gerund_before_a_speech_verb_is_no_organisation():
    assert found("Frequently asked questions about the review") == []
    assert found("“Being told what we are entitled to is a start,” she said.") == []


def test_a_compound_head_keeps_the_words_before_its_connector():
    assert found("feedback from the Norfolk in Care Council, a group of children") == [
        "Norfolk in Care Council"
    ]
    assert found("members of the Kirkholme Children in Care Council at their meeting") == [
        "Kirkholme Children in Care Council"
    ]
    # Any other connector still ends the name on its left.
    assert found("Children in Kent County Council’s care were heard.") == ["Kent County Council"]


def test_a_word_the_article_writes_in_lower_case_elsewhere_speaks_for_no_organisation():
    text = "Resets seldom last. History suggests that is where resets go to die."
    assert found(text) == ["History"]
    assert find_organisation_candidates(text, f"A long history of resets.\n{text}") == []
    # Its capitals keep an acronym an organisation whatever else the article says.
    article = "NAPO says so. The napo of the story."
    assert [c.name for c in find_organisation_candidates("NAPO says so.", article)] == ["NAPO"]

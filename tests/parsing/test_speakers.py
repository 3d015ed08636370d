"""Speaker headings in transcripts, committee records and debates."""

from articles.parsing.entities import NEW_PERSON_REASON, extract_entities
from articles.parsing.parse import parse_article
from articles.parsing.quotes import extract_quotes
from articles.parsing.speakers import find_speaker_turns, speaker_people

from .seed_body import authority


def turns_of(*paragraphs):
    paragraphs = list(paragraphs)
    entities = extract_entities(paragraphs, authority())
    return find_speaker_turns(paragraphs, entities), entities


def speeches(*paragraphs):
    paragraphs = list(paragraphs)
    entities = extract_entities(paragraphs, authority())
    return [
        (q.speaker or q.speaker_label, q.text)
        for q in extract_quotes(paragraphs, entities, find_speaker_turns(paragraphs, entities))
    ]


COMMITTEE = (
    "Members present: Robert Halfon (Chair); Peter Lomas; Sarah Quigley.",
    "Witness: Josh MacAlister, Chair, Independent Review of Children’s Social Care.",
    "Q1 Chair: Good morning. What should the Government do first?",
    "Josh MacAlister: Start building family help in every area of the country.",
    "Q2 Sarah Quigley: How would you reassure social workers in my constituency?",
    "Josh MacAlister: The decisions would stay with the local authority.",
)


def test_a_committee_record_has_one_turn_per_speaker_heading():
    assert speeches(*COMMITTEE) == [
        ("Robert Halfon", "Good morning. What should the Government do first?"),
        ("Josh MacAlister", "Start building family help in every area of the country."),
        ("Sarah Quigley", "How would you reassure social workers in my constituency?"),
        ("Josh MacAlister", "The decisions would stay with the local authority."),
    ]


def test_a_role_heading_is_the_person_named_with_the_role_in_brackets():
    turns, _ = turns_of(*COMMITTEE)
    assert (turns[0].heading, turns[0].person) == ("Chair", "Robert Halfon")


def test_a_role_nobody_is_named_with_is_a_label():
    assert speeches(
        "PRESENTER: Good morning. What does the report mean for families?",
        "DANIEL OKORO: It means help arrives before a crisis, not after one.",
        "PRESENTER: Daniel Okoro, thank you.",
    ) == [
        ("Presenter", "Good morning. What does the report mean for families?"),
        ("Daniel Okoro", "It means help arrives before a crisis, not after one."),
        ("Presenter", "Daniel Okoro, thank you."),
    ]


def test_capitalised_headings_are_the_article_people_they_spell():
    quotes = speeches(
        "Josh MacAlister joined Aisling Doherty on the programme.",
        "AISLING DOHERTY: Josh MacAlister, good morning. Is the money there?",
        "JOSH MACALISTER: I think the Treasury should look at the cost of doing nothing.",
        "AISLING DOHERTY: Josh MacAlister, thank you.",
    )
    assert [speaker for speaker, _ in quotes] == [
        "Aisling Doherty",
        "Josh MacAlister",
        "Aisling Doherty",
    ]


def test_quote_marks_inside_a_speech_are_part_of_it():
    quotes = speeches(
        "ANNA PRICE: Your report says the system needs “a radical reset of the whole thing”.",
        "JOSH MACALISTER: It does, and I stand by every word of it.",
        "ANNA PRICE: Josh MacAlister, thank you.",
    )
    assert quotes[0] == (
        "Anna Price",
        "Your report says the system needs “a radical reset of the whole thing”.",
    )
    assert len(quotes) == 3


def test_a_debate_heading_on_its_own_line_heads_the_paragraphs_after_it():
    quotes = speeches(
        "Tim Loughton (East Worthing and Shoreham) (Con)",
        "I welcome the review. Will the Minister set out when the money will arrive?",
        "It has been promised for a long time.",
        "The Minister for Children and Families (Will Quince)",
        "The implementation strategy will be published by the end of the year.",
    )
    assert quotes == [
        (
            "Tim Loughton",
            "I welcome the review. Will the Minister set out when the money will arrive?"
            "\n\nIt has been promised for a long time.",
        ),
        ("Will Quince", "The implementation strategy will be published by the end of the year."),
    ]


def test_one_name_and_colon_is_not_a_transcript():
    turns, _ = turns_of(
        "Josh MacAlister: the man behind the review of children’s social care",
        "He was appointed in January 2021 and reported in May 2022.",
    )
    assert turns == []


def test_headings_that_name_nobody_are_not_turns():
    turns, _ = turns_of(
        "Education Committee: Oral evidence: The Independent Review, HC 203",
        "Key Points: the review reported in May and the committee met in June.",
    )
    assert turns == []


def test_people_named_only_in_speaker_headings_are_new_people():
    turns, entities = turns_of(
        "PRESENTER: Good morning. What does the report mean for families?",
        "DANIEL OKORO: It means help arrives before a crisis, not after one.",
        "PRESENTER: And the money?",
        "DANIEL OKORO: The money has to come first.",
    )
    people = speaker_people(turns, entities.people)
    assert [(p.name, p.count, p.spellings) for p in people] == [
        ("Daniel Okoro", 2, ["DANIEL OKORO"])
    ]
    assert (people[0].needs_review, people[0].review_reason) == (True, NEW_PERSON_REASON)


def test_people_the_text_already_names_are_not_added_again():
    turns, entities = turns_of(*COMMITTEE)
    assert speaker_people(turns, entities.people) == []


def test_a_debate_heads_later_speeches_with_the_name_alone():
    quotes = speeches(
        "Tim Loughton (East Worthing and Shoreham) (Con)",
        "Will the Minister say when the money for family help will arrive?",
        "Marcus Fenwick",
        "The spending decisions are made at fiscal events, as he knows.",
    )
    assert [speaker for speaker, _ in quotes] == ["Tim Loughton", "Marcus Fenwick"]


def test_a_name_alone_on_a_line_is_no_heading_outside_a_debate():
    quotes = speeches(
        "JANE DOE: We need the money to arrive before the crisis does.",
        "Josh MacAlister",
        "ANNA PRICE: And the review says it should come first of all.",
        "JANE DOE: It does, and it is right.",
    )
    assert [speaker for speaker, _ in quotes] == ["Jane Doe", "Anna Price", "Jane Doe"]


def test_a_list_of_people_and_their_roles_is_not_a_transcript():
    turns, _ = turns_of(
        "Josh MacAlister: Chair of the independent review of children’s social care",
        "Anne Longfield: Former Children’s Commissioner for England",
        "Isabelle Trowler: Chief Social Worker for Children and Families",
    )
    assert turns == []


TRANSCRIPT_PAGE = """Transcript: the care review on the breakfast show

The morning the final report was published, two guests joined the programme.

24 May 2022

PRESENTER: Good morning. What does the report mean for a family in crisis?

DANIEL OKORO: It means help arrives from a team that knows them, before a crisis.

PRESENTER: And what about the money for all of this?

DANIEL OKORO: The money has to come first, or nothing else in the report will happen.
"""


def test_the_parser_counts_people_named_only_in_speaker_headings():
    parsed = parse_article(TRANSCRIPT_PAGE, authority())
    assert "Daniel Okoro" in [person.name for person in parsed.people]
    assert [q.speaker or q.speaker_label for q in parsed.quotes] == [
        "Presenter",
        "Daniel Okoro",
        "Presenter",
        "Daniel Okoro",
    ]


def test_a_minister_headed_by_office_is_spelt_by_the_name_in_brackets():
    turns, entities = turns_of(
        "Helen Ashdown (Fenwick North) (Lab)",
        "When will the money for family help arrive in my constituency?",
        "The Minister for Children and Families (Will Quince)",
        "The implementation strategy will be published by the end of the year.",
    )
    new = {p.name: p.spellings for p in speaker_people(turns, entities.people)}
    assert new.get("Will Quince", ["Will Quince"]) == ["Will Quince"]
    assert [turn.heading for turn in turns] == ["Helen Ashdown", "Will Quince"]


def test_mps_known_only_from_debate_headings_are_new_people():
    turns, entities = turns_of(
        "Helen Ashdown (Fenwick North) (Lab)",
        "When will the money for family help arrive in my constituency?",
        "Peter Carrow (Ludworth) (Con)",
        "I welcome the review and the money that comes with it.",
        "Helen Ashdown",
        "It has not come yet, and families cannot wait.",
    )
    assert [turn.person for turn in turns] == ["Helen Ashdown", "Peter Carrow", "Helen Ashdown"]
    everyone = entities.people + speaker_people(turns, entities.people)
    assert sorted(p.name for p in everyone) == ["Helen Ashdown", "Peter Carrow"]


def test_a_heading_in_capitals_spells_a_known_person():
    paragraphs = [
        "PRESENTER: Good morning. What does the report mean for a family in crisis?",
        "JOSH MACALISTER: It means help from a team that knows them, before a crisis.",
        "PRESENTER: Thank you for joining us this morning.",
    ]
    entities = extract_entities(paragraphs, authority())
    turns = find_speaker_turns(paragraphs, entities, authority())
    assert turns[1].person == "Josh MacAlister"
    [josh] = speaker_people(turns, entities.people, authority())
    assert (josh.name, josh.known, josh.needs_review) == ("Josh MacAlister", True, False)


LORDS_QUESTION = (
    "Baroness Penwortham",
    "To ask His Majesty’s Government what funding councils have to implement the strategy.",
    "The Parliamentary Under-Secretary of State, Department for Education (Baroness Barran) (Con)",
    "My Lords, the Government published the strategy last Thursday.",
    "Baroness Penwortham (Lab)",
    "My Lords, the review said that £2.6 billion was needed. Does the Minister accept that?",
    "Lord Ashgrove (CB)",
    "My Lords, will the Minister meet care-experienced people?",
    "Baroness Barran (Con)",
    "I do not accept the noble Baroness’s characterisation, and I will meet them.",
)


def test_peers_head_lords_speeches_by_title_and_party():
    turns, entities = turns_of(*LORDS_QUESTION)
    assert [turn.person for turn in turns] == [
        "Baroness Penwortham",
        "Baroness Barran",
        "Baroness Penwortham",
        "Lord Ashgrove",
        "Baroness Barran",
    ]
    everyone = entities.people + speaker_people(turns, entities.people)
    assert sorted(p.name for p in everyone) == [
        "Baroness Barran",
        "Baroness Penwortham",
        "Lord Ashgrove",
    ]


def test_a_minister_headed_by_office_with_a_peer_in_brackets_is_that_peer():
    turns, _ = turns_of(
        "Lord Ashgrove (CB)",
        "My Lords, will the Minister meet care-experienced people?",
        "The Minister of State, Department for Education (Baroness Fenwick) (Con)",
        "I would be very happy to meet them.",
    )
    assert [turn.person for turn in turns] == ["Lord Ashgrove", "Baroness Fenwick"]


def test_a_peer_named_by_title_and_place_heads_a_speech():
    turns, _ = turns_of(
        "The Earl of Listowel (CB)",
        "My Lords, will the Minister meet care-experienced people?",
        "Baroness Barran (Con)",
        "I would be very happy to meet them.",
    )
    assert [turn.person for turn in turns] == ["Earl of Listowel", "Baroness Barran"]


def test_an_interviews_answers_are_the_words_of_the_person_introduced_before_them():
    assert speeches(
        "Our readers sent in their questions. We put them to the charity's director, Ruth Ellison.",
        "Q: Will the new grant reach every family?",
        "A: Not this year. The money is going to twelve pilot areas first.",
        "Q: When will we know more?",
        "A: The pilots report next spring, and we will share what they find.",
    ) == [
        ("Ruth Ellison", "Not this year. The money is going to twelve pilot areas first."),
        ("Ruth Ellison", "The pilots report next spring, and we will share what they find."),
    ]


def test_an_interviews_answers_under_initials_are_the_words_of_the_person_they_fit():
    assert speeches(
        "We spoke to Jordan Kimani, a care leaver, and to the councillor Ruth Ashworth.",
        "BI: Why does this matter so much to you?",
        "JK: Because I was turned down for a flat when I was nineteen.",
        "BI: Has anything changed since the review?",
        "JK: For most care leavers I know, nothing yet.",
    ) == [
        ("Jordan Kimani", "Because I was turned down for a flat when I was nineteen."),
        ("Jordan Kimani", "For most care leavers I know, nothing yet."),
    ]


def test_initials_two_people_of_the_article_share_name_nobody():
    assert (
        speeches(
            "We spoke to Jordan Kimani and to Jane Kerr about the review.",
            "BI: Why does this matter so much to you?",
            "JK: Because I was turned down for a flat when I was nineteen.",
            "BI: Has anything changed since the review?",
            "JK: For most care leavers I know, nothing yet.",
        )
        == []
    )


def test_a_speech_goes_on_over_its_paragraphs_up_to_the_next_turn_but_the_last_does_not():
    assert speeches(
        "LEON ASHBY: Thanks Anita. I sat on the Experts by Experience Board for the review.",
        "And honestly, a year on, the moment has been cut into very small pieces.",
        "ANITA MORRIS: That's quite a damning verdict.",
        "LEON ASHBY: It is, but I want to be fair to the government.",
        "The consultation closed on 11 May, the department said.",
    ) == [
        (
            "Leon Ashby",
            "Thanks Anita. I sat on the Experts by Experience Board for the review.\n\n"
            "And honestly, a year on, the moment has been cut into very small pieces.",
        ),
        ("Anita Morris", "That's quite a damning verdict."),
        ("Leon Ashby", "It is, but I want to be fair to the government."),
    ]

import pytest

from articles.parsing.fuzzydate import FuzzyDate
from articles.parsing.milestones import extract_milestones, slug
from articles.parsing.relative_dates import Reference, find_date_mentions

from . import other_outlet
from .seed_body import body_paragraphs, published
from .seeds import EXPECTED, SEED_NAMES


def milestones_of(published_on, *paragraphs):
    return extract_milestones(list(paragraphs), published_on)


def by_title(milestones):
    return {m.title: m for m in milestones}


@pytest.fixture(scope="module")
def seeds():
    return {name: extract_milestones(body_paragraphs(name), published(name)) for name in SEED_NAMES}


# --- The seeds, against expected.json ---------------------------------------------------


@pytest.mark.parametrize("name", [n for n in SEED_NAMES if EXPECTED[n].get("milestones")])
def test_seed_milestones_are_all_found(seeds, name):
    found = {(m.date.edtf(), m.date.precision) for m in seeds[name]}
    for wanted in EXPECTED[name]["milestones"]:
        assert (wanted["date"], wanted["precision"]) in found, wanted["about"]


@pytest.mark.parametrize(
    ("name", "title", "kind", "key"),
    [
        ("001_25bb43c5fd41dc62.txt", "Call for Evidence closes", "deadline", "call-for-evidence"),
        ("002_5dc0658c0538405e.txt", "Call for Ideas closes", "deadline", "call-for-ideas"),
        ("002_5dc0658c0538405e.txt", "Delivery phase begins", "phase", "phase"),
        ("002_5dc0658c0538405e.txt", "Final recommendations", "publication", "report"),
        ("003_d6ae2bbb91ba916e.txt", "Application window closes", "deadline", "window"),
        (
            "003_d6ae2bbb91ba916e.txt",
            "Plan to engage the system’s workforce published",
            "publication",
            "plan",
        ),
        ("004_e96da8d9b78644c1.txt", "Munro review of child protection", "event", "report"),
    ],
)
def test_seed_milestones_have_short_titles_kinds_and_keys(seeds, name, title, kind, key):
    milestone = by_title(seeds[name])[title]
    assert milestone.kind == kind
    assert milestone.key == f"{key}:{milestone.date.edtf()}"
    assert milestone.sentence in " ".join(body_paragraphs(name))


def test_the_same_event_in_two_wordings_of_two_articles_has_one_key(seeds):
    other = milestones_of(
        FuzzyDate(2021, 3, 3), "The Call for Evidence closes on 30 March 2021, the review said."
    )
    assert [m.key for m in other] == ["call-for-evidence:2021-03-30"]
    assert other[0].key in {m.key for m in seeds["001_25bb43c5fd41dc62.txt"]}


def test_the_standfirst_and_body_state_one_milestone_once(seeds):
    case_for_change = [m for m in seeds["004_e96da8d9b78644c1.txt"] if "ase for change" in m.title]
    assert len(case_for_change) == 1
    assert case_for_change[0].date == FuzzyDate(2021, season="summer")


def test_dates_without_an_event_are_not_milestones(seeds):
    # "in early 2022 as we write the final report" names no event verb or event phrase.
    assert "2022" not in {m.date.edtf() for m in seeds["002_5dc0658c0538405e.txt"]}


# --- Relative dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "published_on", "edtf"),
    [
        ("It runs until 31 December.", FuzzyDate(2021, 11, 9), "2021-12-31"),
        ("It runs until 31 December.", FuzzyDate(2022, 1, 10), "2022-12-31"),
        ("Applications closed on 5 March.", FuzzyDate(2021, 4, 10), "2021-03-05"),
        ("Applications closed on 5 March.", FuzzyDate(2021, 2, 10), "2020-03-05"),
        ("It will report on March 5th.", FuzzyDate(2021, 2, 10), "2021-03-05"),
        ("From January next year it changes.", FuzzyDate(2021, 11, 9), "2022-01"),
        ("It starts in January.", FuzzyDate(2021, 11, 9), "2021-01"),
        ("It will start in January.", FuzzyDate(2021, 11, 9), "2022-01"),
        ("Results come next spring.", FuzzyDate(2021, 11, 9), "2022-21"),
        ("Results come next spring.", FuzzyDate(2022, 1, 10), "2022-21"),
        ("Results come next spring.", FuzzyDate(2022, 4, 1), "2023-21"),
        ("It is due in the summer.", FuzzyDate(2021, 3, 3), "2021-22"),
        ("It was published in the summer.", FuzzyDate(2021, 11, 9), "2021-22"),
        ("It was busy last winter.", FuzzyDate(2022, 1, 15), "2020-24"),
        ("The report follows this year.", FuzzyDate(2021, 3, 3), "2021"),
        ("It opened today.", FuzzyDate(2021, 3, 3), "2021-03-03"),
        ("The review published in 2011 was a landmark.", None, "2011"),
        # A relative clause is told in its own tense, not the sentence's.
        (
            "Ministers have launched a consultation, which closes on 11 May.",
            FuzzyDate(2023, 2, 2),
            "2023-05-11",
        ),
        (
            "Ministers will respond to the report, which was published in May.",
            FuzzyDate(2022, 3, 2),
            "2021-05",
        ),
        ("Ministers have launched a consultation on 11 May.", FuzzyDate(2023, 2, 2), "2022-05-11"),
        # So is each of two clauses joined by "and" or "but": what closed is past, though
        # the next clause promises what is to come.
        (
            "The consultation closed on 11 May, and ministers will respond to it.",
            FuzzyDate(2023, 5, 23),
            "2023-05-11",
        ),
        (
            "Ministers will respond in June, but the consultation closed on 11 May.",
            FuzzyDate(2023, 5, 23),
            "2023-05-11",
        ),
        # A clause with no tense of its own is told in the sentence's.
        (
            "Ministers will respond in the summer, and the consultation on 11 May.",
            FuzzyDate(2023, 5, 23),
            "2024-05-11",
        ),
    ],
)
def test_relative_dates_are_read_against_the_article_date(sentence, published_on, edtf):
    mentions = find_date_mentions(sentence, Reference(published_on, None))
    assert [m.date.edtf() for m in mentions][-1] == edtf


def test_a_bare_number_or_year_without_a_preposition_is_no_date():
    reference = Reference(FuzzyDate(2021, 3, 3), None)
    assert find_date_mentions("We heard from 1000 people and 2021 members.", reference) == []


def test_an_undated_article_takes_the_year_of_its_other_dates():
    milestones = milestones_of(
        None,
        "The survey opened on Friday 5th February 2021.",
        "On 10th May we published a plan to reach every council.",
    )
    dates = {m.title: m.date for m in milestones}
    assert dates["Plan to reach every council published"] == FuzzyDate(2021, 5, 10)


def test_an_undated_article_with_no_year_anywhere_gives_no_date():
    assert milestones_of(None, "On 10th May we published a plan to reach every council.") == []


# --- Events in texts of our own ------------------------------------------------------------


def test_a_response_dates_who_responds_not_what_they_respond_to():
    milestones = milestones_of(
        FuzzyDate(2022, 5, 23),
        "The government is expected to respond to the review in full later this year.",
    )
    assert [(m.title, m.date) for m in milestones] == [("Government responds", FuzzyDate(2022))]


def test_a_meeting_dates_who_meets_not_whom():
    assert milestones_of(FuzzyDate(2022, 5, 23), "Over the summer I met Dave and Pam Whitby.") == []
    [meeting] = milestones_of(FuzzyDate(2022, 5, 23), "The board meets on 6 July.")
    assert (meeting.title, meeting.date) == ("Board meets", FuzzyDate(2022, 7, 6))


def test_becoming_an_office_is_an_appointment_to_it():
    [appointed] = milestones_of(
        FuzzyDate(2022, 12, 8), "Claire Coutinho, who became children's minister in October, spoke."
    )
    assert (appointed.title, appointed.date) == (
        "Children's minister appointed",
        FuzzyDate(2022, 10),
    )
    assert milestones_of(FuzzyDate(2022, 12, 8), "She became a campaigner in 2019.") == []


def test_a_clause_about_what_came_before_is_past():
    milestones = milestones_of(
        FuzzyDate(2022, 12, 8),
        "Ministers had promised a strategy by the end of 2022, following the publication of "
        "Josh MacAlister's final report in May.",
    )
    assert FuzzyDate(2022, 5) in [m.date for m in milestones]


def test_a_one_word_title_after_a_capital_the_is_the_object():
    [published] = milestones_of(
        FuzzyDate(2021, 6, 17),
        "Scotland's Independent Care Review heard from 5,500 people before it published The "
        "Promise in February 2020.",
    )
    assert (published.title, published.date) == ("The Promise published", FuzzyDate(2020, 2))


def test_a_consultation_deadline():
    (milestone,) = milestones_of(
        FuzzyDate(2021, 12, 1), "The consultation will close on 14 February 2022."
    )
    assert (milestone.title, milestone.kind, milestone.date) == (
        "Consultation closes",
        "deadline",
        FuzzyDate(2022, 2, 14),
    )


def test_a_deadline_is_the_same_milestone_as_a_closing():
    milestones = milestones_of(
        FuzzyDate(2021, 3, 3),
        "The deadline for the Call for Evidence is 30 March 2021.",
        "Submissions close on 1 June.",
    )
    assert [(m.key, m.kind) for m in milestones] == [
        ("call-for-evidence:2021-03-30", "deadline"),
        ("submissions:2021-06-01", "deadline"),
    ]


def test_a_launch_of_a_call_is_a_consultation():
    (milestone,) = milestones_of(
        FuzzyDate(2021, 3, 3), "The review launched a Call for Evidence on 3 March 2021."
    )
    assert (milestone.title, milestone.kind) == ("Call for Evidence launches", "consultation")


def test_an_expected_report_and_a_plural_subject():
    milestones = by_title(
        milestones_of(
            FuzzyDate(2021, 3, 3),
            "The final report is expected in the autumn.",
            "Both the Advisory Board and Youth Panel will meet before the end of April.",
        )
    )
    assert milestones["Final report"].date == FuzzyDate(2021, season="autumn")
    assert milestones["Final report"].expected
    assert milestones["Advisory Board and Youth Panel meet"].date == FuzzyDate(2021, 4)


def test_a_verb_in_another_clause_does_not_date_the_event():
    assert (
        milestones_of(
            FuzzyDate(2021, 3, 3),
            "The review launched after the government said it would be set up in January.",
        )
        == []
    )


def test_births_and_numbers_are_not_milestones():
    assert milestones_of(FuzzyDate(2021, 3, 3), "He was born in 1970 and met 300 families.") == []


def test_keys_ignore_typography():
    assert slug("Plan to engage the system's workforce") == slug(
        "Plan to engage the system’s workforce"
    )
    assert slug("Café – “Call” for Ideas") == "cafe-call-for-ideas"


def test_a_national_newspaper_page():
    milestones = extract_milestones(other_outlet.PARAGRAPHS, other_outlet.PUBLISHED)
    # "by 2032" dates a forecast and "in January 2021" a pronoun ("after it launched"): no events.
    assert [(m.title, m.date.edtf(), m.kind) for m in milestones] == [
        ("Final report published", "2022-05-23", "publication")
    ]


# --- Dates counted from the page's own date ----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "published_on", "edtf"),
    [
        ("The review, published yesterday, found gaps.", FuzzyDate(2022, 5, 24), "2022-05-23"),
        ("Yesterday the review published its plan.", FuzzyDate(2021, 6, 1), "2021-05-31"),
        ("He spoke on the morning his report was published.", FuzzyDate(2022, 5, 23), "2022-05-23"),
        ("The report came out that morning.", FuzzyDate(2022, 5, 23), "2022-05-23"),
        ("Her report, published on Monday, proposes more.", FuzzyDate(2022, 5, 24), "2022-05-23"),
        ("The board met on Tuesday.", FuzzyDate(2022, 5, 24), "2022-05-24"),
        ("The board met last Tuesday.", FuzzyDate(2022, 5, 24), "2022-05-17"),
        ("The board will meet on Friday.", FuzzyDate(2022, 5, 24), "2022-05-27"),
        ("The board will meet on Tuesday.", FuzzyDate(2022, 5, 24), "2022-05-31"),
        ("The panel meets next month.", FuzzyDate(2021, 11, 9), "2021-12"),
        ("The panel meets next month.", FuzzyDate(2021, 12, 9), "2022-01"),
        ("The panel met last month.", FuzzyDate(2022, 1, 9), "2021-12"),
        ("The pilot starts next January.", FuzzyDate(2021, 11, 9), "2022-01"),
        ("The pilot starts next January.", FuzzyDate(2022, 1, 10), "2023-01"),
        ("The pilot started last November.", FuzzyDate(2022, 1, 10), "2021-11"),
        ("The survey opens this spring.", FuzzyDate(2022, 3, 3), "2022-21"),
        ("In May the review published its report.", FuzzyDate(2022, season="autumn"), "2022-05"),
        ("In May the review will publish its report.", FuzzyDate(2021, 6, 1), "2022-05"),
        ("A strategy is promised by the end of the year.", FuzzyDate(2022, 5, 25), "2022"),
    ],
)
def test_partial_and_relative_dates_are_read_against_the_page_date(sentence, published_on, edtf):
    mentions = find_date_mentions(sentence, Reference(published_on, None))
    assert [m.date.edtf() for m in mentions] == [edtf]


@pytest.mark.parametrize(
    "sentence",
    [
        "The review, published yesterday, found gaps.",
        "Her report, published on Monday, proposes more.",
        "The report came out that morning.",
        "It was published today.",
    ],
)
def test_a_day_counted_from_a_page_dated_only_to_the_month_is_no_date(sentence):
    assert find_date_mentions(sentence, Reference(FuzzyDate(2022, 5), 2022)) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The review, published yesterday, found gaps.",
        "The review will publish its final recommendations next year.",
        "The panel meets next month.",
        "Her report, published on Monday, proposes more.",
        "The survey opens this spring.",
        "The pilot starts in January next year.",
    ],
)
def test_with_no_page_date_a_relative_only_milestone_is_not_recorded(sentence):
    # Other dates on the page give a year for partial dates, never a "today".
    assert milestones_of(None, "The survey opened on 5 February 2021.", sentence) == [
        milestones_of(None, "The survey opened on 5 February 2021.")[0]
    ]


# --- Which event a date belongs to --------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "published_on", "title", "edtf"),
    [
        # An apposition: "X, published on DATE, ..."
        (
            "Josh MacAlister’s final report, published on Monday, proposes family help teams.",
            FuzzyDate(2022, 5, 24),
            "MacAlister final report published",
            "2022-05-23",
        ),
        (
            "Its final report, published on 23 May 2022, sets out 80 recommendations.",
            FuzzyDate(2022, 5, 24),
            "Final report published",
            "2022-05-23",
        ),
        (
            "The strategy, Stable Homes, Built on Love, was published by the Department for "
            "Education on 2 February.",
            FuzzyDate(2023, 2, 3),
            "Strategy published",
            "2023-02-02",
        ),
        # A relative clause: "X, which reported in DATE, ..."
        (
            "The Public Law Working Group, which reported in March 2021, made proposals.",
            FuzzyDate(2022, 6, 1),
            "Public Law Working Group published",
            "2021-03",
        ),
        (
            "The inquiry, which began in March 2021 under its chair, found failings.",
            None,
            "Inquiry begins",
            "2021-03",
        ),
        # A second verb of the same subject.
        (
            "The review was commissioned by the then education secretary and launched in "
            "March 2021.",
            FuzzyDate(2022, 5, 23),
            "Review launches",
            "2021-03",
        ),
        (
            "The independent review, ordered by the education secretary in January 2021, "
            "reports today.",
            FuzzyDate(2022, 5, 10),
            "Independent review commissioned",
            "2021-01",
        ),
        # A date that opens its clause dates the clause's subject.
        (
            "Back in 2011, Eileen Munro’s review of child protection argued for judgment.",
            FuzzyDate(2021, 6, 18),
            "Munro review of child protection",
            "2011",
        ),
        # An appointment dates the office it fills.
        (
            "He is to step down after the minister today named him as the chair of the "
            "independent review of children’s social care.",
            FuzzyDate(2021, 1, 15),
            "Chair of the independent review appointed",
            "2021-01-15",
        ),
        (
            "She was appointed chief executive of the charity on 4 April 2022.",
            FuzzyDate(2022, 4, 6),
            "Chief executive of the charity appointed",
            "2022-04-04",
        ),
        # A date attached by "of" is the phrase's own, even after a preposition.
        (
            "Like the Munro review of 2011, it calls for professional judgment.",
            FuzzyDate(2021, 6, 18),
            "Munro review",
            "2011",
        ),
        # So is a date after "due": "with <phrase> due in <date>" is a small clause.
        (
            "The review has begun its work, with its final report due in 2022.",
            FuzzyDate(2021, 3, 15),
            "Final report",
            "2022",
        ),
        (
            "The council has agreed its plans, with the pilot scheme expected in the spring of "
            "2023.",
            FuzzyDate(2022, 5, 25),
            "Pilot scheme",
            "2023-21",
        ),
        (
            "It makes no recommendations; those will come in the final report, expected in "
            "spring 2022.",
            FuzzyDate(2021, 6, 21),
            "Final report",
            "2022-21",
        ),
        # A founding dates its proper-name object.
        (
            "She founded Kinship Together in 2013 after years as a carer.",
            FuzzyDate(2021, 6, 18),
            "Kinship Together founded",
            "2013",
        ),
        # A subject with a prepositional phrase: the event is the noun before it.
        (
            "A consultation on the national framework will open in the autumn.",
            FuzzyDate(2022, 5, 25),
            "Consultation on the national framework opens",
            "2022-23",
        ),
        (
            "Yesterday the directors held a roundtable with the review team.",
            FuzzyDate(2022, 5, 25),
            "Roundtable held",
            "2022-05-24",
        ),
        # ", and" starts another clause: the strategy's date is not the framework's.
        (
            "Ministers promised a strategy by the end of the year, and officials said the "
            "framework will open later.",
            FuzzyDate(2022, 5, 25),
            "Strategy",
            "2022",
        ),
        # A verb after "and" belongs to another conjunct than the date before it.
        (
            "The review published its case for change in June last year and launched a pilot.",
            FuzzyDate(2022, 3, 3),
            "Case for change published",
            "2021-06",
        ),
        # Quotation marks around an auxiliary ("‘due this spring’") do not hide it.
        (
            "Care review final report ‘due this spring’ as councils brace for costs",
            FuzzyDate(2022, 3, 3),
            "Care review final report",
            "2022-21",
        ),
        # A verb's noun names its event by its "of", the date before or after it.
        (
            "Families gave evidence after the launch of the review in March 2021.",
            FuzzyDate(2022, 3, 3),
            "Review launches",
            "2021-03",
        ),
        (
            "Responding to the publication today of the final report, the charity said so.",
            FuzzyDate(2022, 5, 23),
            "Final report published",
            "2022-05-23",
        ),
        # A name too long for a title is cut before a complement.
        (
            "The final report of the Independent Review of Children’s Social Care was "
            "published today.",
            FuzzyDate(2022, 5, 23),
            "Final report of the Independent Review published",
            "2022-05-23",
        ),
        # "from" opens a complement as "of" does: a title too long is cut before it.
        (
            "The Case for Change from the children’s social care review was published this "
            "morning.",
            FuzzyDate(2021, 6, 17),
            "Case for Change published",
            "2021-06-17",
        ),
        # "is out" says a publication as "came out" does.
        (
            "The review’s Case for Change is out this morning.",
            FuzzyDate(2021, 6, 17),
            "Case for Change published",
            "2021-06-17",
        ),
        # A deadline named alone is that of the consultation its sentence names.
        (
            "The council has submitted its response to the government's consultation on "
            "Stable Homes, Built on Love, ahead of the deadline tomorrow.",
            FuzzyDate(2023, 5, 10),
            "Consultation closes",
            "2023-05-11",
        ),
        (
            "Charities responded to the Call for Evidence before the deadline on 30 March.",
            FuzzyDate(2021, 3, 3),
            "Call for Evidence closes",
            "2021-03-30",
        ),
        # The object of an undertaking's "to" is the event, still to come.
        (
            "The strategy commits to a kinship care strategy by the end of 2023.",
            FuzzyDate(2023, 2, 2),
            "Kinship care strategy",
            "2023",
        ),
        # "The morning of 23 May" is that date, not the page's morning.
        (
            "On the morning of 23 May the report came out.",
            FuzzyDate(2022, 6, 1),
            "Report published",
            "2022-05-23",
        ),
    ],
)
def test_the_event_a_date_belongs_to(sentence, published_on, title, edtf):
    (milestone,) = milestones_of(published_on, sentence)
    assert (milestone.title, milestone.date.edtf()) == (title, edtf)


def test_a_verb_with_another_date_between_belongs_to_that_date():
    milestones = milestones_of(
        FuzzyDate(2021, 3, 1),
        "Its conclusions, published as The Promise in February 2020, committed Scotland to "
        "change by 2030.",
    )
    assert [(m.title, m.date.edtf()) for m in milestones] == [("Conclusions published", "2020-02")]


@pytest.mark.parametrize(
    "sentence",
    [
        # Only a date that opens the sentence dates the subject after its comma.
        "The Promise, published in February 2020, set out a plan.",
        "Nadhim Zahawi was on this programme last month saying money is tight.",
        "The report has called for reform, warning that the number in care will rise by 2032.",
        "A survey of carers, carried out in March, found that many will leave in the next years.",
    ],
)
def test_a_date_with_no_verb_is_not_given_to_a_phrase_outside_its_clause(sentence):
    assert milestones_of(FuzzyDate(2022, 5, 23), sentence) == []


def test_next_in_a_sentence_does_not_make_its_partial_dates_future():
    (mention,) = find_date_mentions(
        "A survey, carried out in March, found many leave in the next two years.",
        Reference(FuzzyDate(2022, 5, 23), None),
    )
    assert mention.date == FuzzyDate(2022, 3)


# --- Expected or happened ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "published_on", "title", "edtf", "expected"),
    [
        (
            "A consultation on the proposals is open until 11 May 2023.",
            FuzzyDate(2023, 2, 2),
            "Consultation closes",
            "2023-05-11",
            True,
        ),
        (
            "A consultation on the proposals was open until 11 May 2023.",
            FuzzyDate(2023, 6, 1),
            "Consultation closes",
            "2023-05-11",
            False,
        ),
        (
            "The review will make its final recommendations to the government next year.",
            FuzzyDate(2021, 6, 17),
            "Final recommendations",
            "2022",
            True,
        ),
        (
            "It will publish a case for change in the summer.",
            FuzzyDate(2021, 3, 3),
            "Case for change published",
            "2021-22",
            True,
        ),
        # An undertaking's object is still to come.
        (
            "Ministers are committed to a national framework by 2024.",
            FuzzyDate(2023, 2, 2),
            "National framework",
            "2024",
            True,
        ),
        # "is to" tells of another clause: the appointment today has happened.
        (
            "He is to step down after the minister today named him as the chair of the review.",
            FuzzyDate(2021, 1, 15),
            "Chair of the review appointed",
            "2021-01-15",
            False,
        ),
        (
            "The minister will today name the chair of the review.",
            FuzzyDate(2021, 1, 15),
            "Chair of the review appointed",
            "2021-01-15",
            True,
        ),
        (
            "The strategy was published today.",
            FuzzyDate(2023, 2, 2),
            "Strategy published",
            "2023-02-02",
            False,
        ),
        (
            "The consultation will close on 14 February 2022.",
            None,
            "Consultation closes",
            "2022-02-14",
            True,
        ),
        (
            "The consultation closed on 14 February 2022.",
            None,
            "Consultation closes",
            "2022-02-14",
            False,
        ),
    ],
)
def test_a_promised_or_future_event_is_expected(sentence, published_on, title, edtf, expected):
    (milestone,) = milestones_of(published_on, sentence)
    assert (milestone.title, milestone.date.edtf(), milestone.expected) == (title, edtf, expected)


# --- One key per event across articles -----------------------------------------------------


def test_one_event_in_three_articles_wordings_has_one_key():
    articles = [
        (FuzzyDate(2022, 5, 24), "The review, published yesterday, found that carers get no help."),
        (
            FuzzyDate(2022, 6, 2),
            "The final report of the Independent Review of Children’s Social Care was published "
            "on 23 May 2022.",
        ),
        (
            FuzzyDate(2022, 5, 24),
            "Josh MacAlister’s final report, published on Monday, proposes more.",
        ),
    ]
    keys = {m.key for published_on, text in articles for m in milestones_of(published_on, text)}
    assert keys == {"report:2022-05-23"}


def test_a_purpose_keys_the_same_however_it_is_capitalised():
    first = milestones_of(FuzzyDate(2021, 7, 1), "The Case for Change was published on 17 June.")
    second = milestones_of(
        FuzzyDate(2022, 3, 3), "It published its case for change on 17 June 2021."
    )
    assert [m.key for m in first] == [m.key for m in second] == ["case-for-change:2021-06-17"]


def test_different_things_on_one_day_keep_their_own_keys():
    milestones = milestones_of(
        FuzzyDate(2023, 2, 2),
        "The strategy was published on 2 February 2023.",
        "A consultation opened on 2 February 2023.",
        "The Call for Evidence closes on 30 March 2023.",
        "The Call for Ideas closes on 30 March 2023.",
    )
    assert sorted(m.key for m in milestones) == [
        "call-for-evidence:2023-03-30",
        "call-for-ideas:2023-03-30",
        "consultation:2023-02-02",
        "strategy:2023-02-02",
    ]


def test_a_government_announcement_named_as_an_overhaul_on_a_coming_weekday():
    # Wednesday 1 February 2023: "on Thursday", still to come, is the next day; the amount
    # before the noun is not part of the event's name.
    [milestone] = milestones_of(
        FuzzyDate(2023, 2, 1),
        "Kinship carers will be offered allowances under a £200 million overhaul of "
        "children’s social care to be announced on Thursday.",
    )
    assert (milestone.title, milestone.date.edtf(), milestone.expected) == (
        "Overhaul of children’s social care announced",
        "2023-02-02",
        True,
    )


def test_a_shake_up_unveiled_is_published():
    [milestone] = milestones_of(FuzzyDate(2023, 2, 1), "The shake-up was unveiled on Monday.")
    assert (milestone.title, milestone.date.edtf(), milestone.expected) == (
        "Shake-up published",
        "2023-01-30",
        False,
    )


def test_a_bracketed_participle_dates_the_phrase_before_the_bracket():
    [milestone] = milestones_of(None, "The full report (published 23/05/2022) is long.")
    assert (milestone.title, milestone.date.edtf()) == ("Full report published", "2022-05-23")


def test_a_document_that_followed_on_a_date_came_out_then():
    milestones = milestones_of(
        None,
        "The regulator’s response, Safer Wards, followed on 4 March 2024, and the "
        "consultation on it closed on 30 April 2024.",
    )
    assert [(m.title, m.date.edtf()) for m in milestones] == [
        ("Response published", "2024-03-04"),
        ("Consultation closes", "2024-04-30"),
    ]


def test_plans_set_out_this_afternoon_are_published_on_the_pages_day():
    [milestone] = milestones_of(
        FuzzyDate(2024, 3, 4), "The health secretary will set out the plans this afternoon."
    )
    assert (milestone.title, milestone.date.edtf(), milestone.expected) == (
        "Plans published",
        "2024-03-04",
        True,
    )


def test_one_verb_with_an_object_and_a_date_for_each_dates_both_objects():
    milestones = milestones_of(
        None,
        "The trust published its draft plan on 3 March 2024 and its final strategy on "
        "9 September 2024, and the minister spoke on 10 September 2024.",
    )
    assert [(m.title, m.date.edtf()) for m in milestones] == [
        ("Draft plan published", "2024-03-03"),
        ("Final strategy published", "2024-09-09"),
    ]

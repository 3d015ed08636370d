"""A debate's speaker headings stay in the body, though they look like furniture."""

from articles.parsing.parse import parse_article
from articles.parsing.speaker_lines import speech_headings

from .seed_body import authority

ASK = "When will the money for family help arrive in my constituency, and who will pay for it?"
ANSWER = "The implementation strategy will be published by the end of the year, with its funding."

DEBATE_PAGE = f"""Skip to main content
UK Parliament
Hansard
Commons Chamber
Volume 715: debated on Tuesday 7 June 2022
Family Help Funding for Councils

12.32 pm

Helen Ashdown (Fenwick North) (Lab)

{ASK}

The Parliamentary Under-Secretary of State for Education (Marcus Fenwick)

{ANSWER}

Contact us
Cookie policy
"""


def test_heading_lines_followed_by_prose_head_speeches():
    lines = ["Helen Ashdown (Fenwick North) (Lab)", ASK, "Baroness Barran (Con)", ANSWER]
    assert speech_headings(lines) == {0, 2}


def test_one_heading_line_is_no_debate():
    assert speech_headings(["Helen Ashdown (Fenwick North) (Lab)", ASK, ANSWER]) == frozenset()


def test_a_heading_line_before_no_prose_heads_nothing():
    lines = ["Helen Ashdown (Fenwick North) (Lab)", ASK, "Peter Carrow (Ludworth) (Con)"]
    lines += ["Cookie policy", "Baroness Barran (Con)", ANSWER]
    assert speech_headings(lines) == {0, 4}


def test_a_debate_page_keeps_its_headings_and_attributes_every_speech():
    parsed = parse_article(DEBATE_PAGE, authority())
    assert parsed.page.paragraphs[:4] == [
        "Helen Ashdown (Fenwick North) (Lab)",
        ASK,
        "The Parliamentary Under-Secretary of State for Education (Marcus Fenwick)",
        ANSWER,
    ]
    assert [(q.speaker, q.text) for q in parsed.quotes] == [
        ("Helen Ashdown", ASK),
        ("Marcus Fenwick", ANSWER),
    ]


def test_a_debate_heads_a_speech_with_the_name_alone_too():
    lines = ["Baroness Penwortham", ASK, "Baroness Penwortham (Lab)", ASK, "Baroness Barran (Con)"]
    assert speech_headings([*lines, ANSWER]) == {0, 2, 4}


def test_a_name_alone_heads_nothing_outside_a_debate():
    assert speech_headings(["Baroness Penwortham", ASK, "Baroness Barran", ANSWER]) == frozenset()

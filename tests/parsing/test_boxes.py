import pytest

from articles.parsing.boxes import (
    block_ids,
    boxed_lines,
    dated_lists,
    framed_boxes,
    is_call_to_action,
    is_dated_item,
    is_pitch_and_button,
)
from articles.parsing.furniture import furniture_for
from articles.parsing.lines import wrapped_blocks


def boxed(text):
    blocks = wrapped_blocks(text)
    lines = [line for block in blocks for line in block]
    return [lines[index] for index in sorted(boxed_lines(lines, block_ids(lines, blocks)))]


@pytest.mark.parametrize(
    "line",
    [
        "Apply to the Frontline programme",
        "Sign up to our free Morning Headlines email for the news you need to start your day",
        "Listen to the full interview on the Times Radio app",
        "Watch the meeting",
        "Stay up to date with the latest news by following the Evening News on Facebook",
        "BASW members: read the full Case for Change briefing in the members’ area",
        "Social Work England: Renew your registration before 30 November",
        "Get the latest news sent straight to your inbox with our newsletters. Sign up here",
        "Log in to read the full article",
        "Already have an account? Sign in",
        "Unlock the Weekend Briefing for free",
        "Want the latest news and stories from Liverpool and Merseyside straight to your inbox? "
        "Sign up to the ECHO's daily newsletter here.",
    ],
)
def test_calls_to_action(line):
    assert is_call_to_action(line)


@pytest.mark.parametrize(
    "line",
    [
        "Read the review’s final report, and you will see why families are angry.",
        "The report is available here.",
        "Care leavers said the change had to start here.",
        "Follow-up visits were cut in half, the report said",
        "Support for kinship carers",
        "Listening to children is at the heart of the review’s plans, and it must stay so.",
    ],
)
def test_not_calls_to_action(line):
    assert not is_call_to_action(line)


def test_a_link_label_boxes_the_links_under_it():
    text = (
        "Education Secretary Gillian Keegan said the strategy was a start.\n\n"
        "Read more:\n"
        "Record number of children living in unregistered homes\n"
        "Foster carer numbers fall for third year in a row\n\n"
        "Mr MacAlister told the BBC the plans were a step in the right direction.\n"
    )
    assert boxed(text) == [
        "Read more:",
        "Record number of children living in unregistered homes",
        "Foster carer numbers fall for third year in a row",
    ]


def test_a_disclosure_box_is_its_whole_block():
    text = (
        "The review’s chair said the system needed a reset.\n\n"
        "Disclosure statement\n"
        "Jane Doe has received funding from the Economic and Social Research Council. She is a "
        "registered social worker.\n\n"
        "The article goes on here with a paragraph of its own.\n"
    )
    assert boxed(text) == [
        "Disclosure statement",
        "Jane Doe has received funding from the Economic and Social Research Council. She is a "
        "registered social worker.",
    ]


def test_a_local_democracy_reporting_note_is_its_whole_block():
    text = (
        "Anyone interested in fostering can find out more on the trust's website.\n\n"
        "Local Democracy Reporting Service\n"
        "This story was written by a Local Democracy Reporter. The scheme is funded by the BBC "
        "and aims to provide impartial coverage of local authorities.\n"
    )
    assert boxed(text) == [
        "Local Democracy Reporting Service",
        "This story was written by a Local Democracy Reporter. The scheme is funded by the BBC "
        "and aims to provide impartial coverage of local authorities.",
    ]


def test_a_periodical_s_table_of_contents_is_its_whole_block():
    text = (
        "The newsletter opens with a word from our chief executive.\n\n"
        "Inside this issue\n"
        "2  Welcome\n"
        "4  What Stable Homes, Built on Love means for kinship families\n\n"
        "The government has finally set out how it will respond to the care review.\n"
    )
    assert boxed(text) == [
        "Inside this issue",
        "2 Welcome",
        "4 What Stable Homes, Built on Love means for kinship families",
    ]


def test_a_promotion_takes_the_lines_with_their_own_call_to_action():
    text = (
        "Apply to the Frontline programme\n"
        "Applications for our cohort open in the autumn. Find out more about how to apply.\n\n"
        "Sign up to our free newsletter for the news you need\n"
        "The review published its final report on Monday, after two years of work.\n"
    )
    assert boxed(text) == [
        "Apply to the Frontline programme",
        "Applications for our cohort open in the autumn. Find out more about how to apply.",
        "Sign up to our free newsletter for the news you need",
    ]


def test_without_blank_lines_a_box_never_takes_prose():
    text = (
        "The review’s chair said the system needed a reset.\n"
        "Read more:\n"
        "Record number of children living in unregistered homes\n"
        "Mr MacAlister told the BBC the plans were a step in the right direction.\n"
        "The government will respond to the review in the new year.\n"
    )
    assert boxed(text) == ["Read more:", "Record number of children living in unregistered homes"]


def test_lines_left_out_of_the_page_get_blocks_of_their_own():
    blocks = (("A", "B"), ("C",))
    assert block_ids(["A", "X", "C"], blocks) == [0, -2, 1]


def test_an_authors_box_takes_the_lines_under_the_name_but_not_the_bio():
    text = (
        "I will be writing more about this as the review goes on.\n\n"
        "Written by Tom Reyes\n"
        "212 Followers\n"
        "·\n"
        "Writer for Social Work Voices\n"
        "Child protection social worker in the West Midlands, writing about the job.\n"
        "Follow\n"
    )
    assert boxed(text) == [
        "Written by Tom Reyes",
        "212 Followers",
        "·",
        "Writer for Social Work Voices",
        "Follow",  # a button: a call to action of its own
    ]


def test_repeated_lines_are_found_in_their_own_blocks_in_order():
    blocks = (("Share", "A"), ("Share",), ("B",))
    assert block_ids(["Share", "Share", "B"], blocks) == [0, 1, 2]


def test_a_singular_related_article_label_boxes_its_headline():
    text = (
        "The minister said the plans would help families.\n\n"
        "Related Article\n"
        "Foster carers quitting in record numbers as costs soar\n\n"
        "Under the proposals, 12 council areas will test new family help teams.\n"
    )
    assert boxed(text) == [
        "Related Article",
        "Foster carers quitting in record numbers as costs soar",
    ]


def framed(text):
    blocks = wrapped_blocks(text)
    lines = [line for block in blocks for line in block]
    found = framed_boxes(lines, block_ids(lines, blocks), furniture_for().is_furniture)
    return [lines[index] for index in sorted(found)]


def test_a_box_between_its_heading_and_its_button_is_furniture_whole():
    text = (
        "The review’s chair said the system needed a reset.\n\n"
        "Newsletter\n"
        "The week in Bristol, from the people who live here.\n"
        "Enter your email address\n"
        "Sign up\n\n"
        "Support The Courier\n"
        "We keep our reporting free to read, and we rely on readers to do it. Will you help?\n"
        "Support The Courier\n\n"
        "The article goes on here with a paragraph of its own.\n"
    )
    assert framed(text) == [
        "Newsletter",
        "The week in Bristol, from the people who live here.",
        "Enter your email address",
        "Sign up",
        "Support The Courier",
        "We keep our reporting free to read, and we rely on readers to do it. Will you help?",
        "Support The Courier",
    ]


def test_a_block_framed_by_prose_or_too_long_or_alone_is_not_a_box():
    paragraph = "The review’s chair said the system needed a reset, and families agreed.\n"
    long_box = "Newsletter\n" + paragraph * 5 + "Sign up\n"
    closed_by_a_sentence = "Newsletter\n" + paragraph + paragraph
    assert framed(paragraph + "\n" + long_box + "\n" + closed_by_a_sentence) == []
    assert framed("Newsletter\n" + paragraph + "Sign up\n") == []  # the page is one block


def listed(text, order="dmy"):
    blocks = wrapped_blocks(text)
    lines = [line for block in blocks for line in block]
    return [lines[index] for index in sorted(dated_lists(lines, block_ids(lines, blocks), order))]


@pytest.mark.parametrize(
    ("line", "order", "expected"),
    [
        ("Met Police officer charged with misconduct - 23 May 2022", "dmy", True),
        ("Councils warn of £1.6bn children’s services gap – 09.03.22", "dmy", True),
        ("Barnardo's calls for action on child poverty - 10/05/2022", "dmy", True),
        ("Volunteering numbers fall across the country | 05/13/2022", "mdy", True),
        ("Volunteering numbers fall across the country | 05/13/2022", "dmy", False),  # month 13
        ("Review launched - 15 January 2021", "dmy", False),  # too short for a headline
        ("The review reported on 23 May 2022.", "dmy", False),  # no dash before the date
        ("Ofsted: number of childminders falls again - next week", "dmy", False),
    ],
)
def test_a_listed_story_is_a_headline_and_its_date(line, order, expected):
    assert is_dated_item(line, order) is expected


def test_two_dated_headlines_in_a_row_and_their_label_are_a_list_mid_article():
    text = (
        "Mr MacAlister told the station the system had to change.\n\n"
        "Latest UK news\n"
        "Rail strikes: Full list of dates announced for June - 24 May 2022\n"
        "Met Police officer charged with misconduct - 23 May 2022\n\n"
        "The Education Secretary said the government would respond in due course.\n"
    )
    assert listed(text) == [
        "Latest UK news",
        "Rail strikes: Full list of dates announced for June - 24 May 2022",
        "Met Police officer charged with misconduct - 23 May 2022",
    ]


def test_one_dated_headline_or_a_run_split_by_a_blank_line_is_no_list():
    item = "Kinship care: what councils need to know - 22 February 2021\n"
    other = "Children's homes: the state of the market - 8 March 2021\n"
    assert listed("Related briefings\n" + item + "\nThe briefing goes on here.\n") == []
    assert listed(item + "\n" + other) == []


def test_a_sentence_above_a_list_is_not_its_label():
    text = (
        "The council has published two reports this year.\n"
        "Kinship care: what councils need to know - 22 February 2021\n"
        "Children's homes: the state of the market - 8 March 2021\n"
    )
    assert listed(text) == text.splitlines()[1:]


def test_a_pitch_and_its_button_alone_in_a_block_are_a_box():
    pitch = (
        "Become a subscriber to Nursery World and get unlimited access to news, practice "
        "guides and our monthly magazine."
    )
    paragraph = "The review’s chair said nursery staff see families every day.\n"
    text = f"{paragraph}\n{pitch}\nSubscribe now\n\n{paragraph}"
    assert framed(text) == [pitch, "Subscribe now"]


def test_a_paragraph_over_a_long_line_or_a_finished_sentence_is_no_pitch():
    paragraph = "The review’s chair said nursery staff see families every day.\n"
    not_buttons = [
        "Read the review’s final report, and you will see why families are angry.\n",
        "Sign up to the council’s consultation on family hubs before it closes\n",
        "Families can apply\n",  # no call to action at the start
    ]
    for line in not_buttons:
        assert framed(f"{paragraph}\n{paragraph}{line}\n{paragraph}") == []


def test_a_pitch_and_its_button_on_one_line():
    assert is_pitch_and_button(
        "If you are a child in care, our team can give you advice and support. Get help"
    )
    assert is_pitch_and_button("Support independent journalism today. Donate now")
    # A button alone, or a headline that asks the reader to do something, is no pitch.
    assert not is_pitch_and_button("Sign up")
    assert not is_pitch_and_button("Read the care review's final report in full")

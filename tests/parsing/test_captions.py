import pytest

from articles.parsing.captions import caption, credited_caption


@pytest.mark.parametrize(
    "line",
    [
        "The review heard from more than 1,000 people with experience of the care system "
        "(Getty Images/iStockphoto)",
        "The number of children in care in England has risen by almost a quarter in a decade "
        "(stock image)",
        "Children's minister Claire Coutinho will set out the plans in the Commons today. Pic: PA",
        "Josh MacAlister at an engagement event earlier this year. Picture: Jane Doe",
        "A family hub in Stockport (Photo: Stockport Council)",
        "The minister said the plans would ‘put love back at the heart of the system’ "
        "Credit: Jane Doe for The Daily Paper",
        "The review’s chair says the market for children’s homes ‘is not working’ "
        "© Jane Doe/Bloomberg",
        "Children at a family hub in Leeds last year © Getty Images",
    ],
)
def test_captions_end_with_their_credit_or_note(line):
    assert caption(line) == line


def test_a_labelled_caption_loses_its_label():
    assert caption("Image caption, Josh MacAlister chaired the review") == (
        "Josh MacAlister chaired the review"
    )


@pytest.mark.parametrize(
    "line",
    [
        "The review was led by Josh MacAlister (the founder of Frontline)",
        "Councils would pay for the new teams (with help from the Treasury).",
        "Salaries start at £30,000 (pa)",
        "The report described the photo: a child alone in a bedroom.",
        "Every carer would get credit: a year's allowance, paid up front.",
        # A copyright notice is no picture's credit.
        "All content on this site © Example News 2022",
        "The text is © 2022 and/or its licensors",
    ],
)
def test_article_lines_are_not_captions(line):
    assert caption(line) == ""


def test_an_unpunctuated_line_under_an_agency_credit_is_a_caption():
    lines = ["Getty Images", "Children playing in a park in Leeds"]
    assert credited_caption(lines, 1) == "Children playing in a park in Leeds"
    assert credited_caption(["Getty Images", "The review reported today."], 1) == ""


@pytest.mark.parametrize(
    "player", ["Play video", "4m 32s", "Video duration 2m 05s", "Watch the clip"]
)
def test_an_unpunctuated_line_under_a_video_player_is_its_caption(player):
    lines = [player, "A mother says she was never offered help before her children were taken"]
    assert credited_caption(lines, 1) == lines[1]
    assert credited_caption([player, "The review reported today and said so."], 1) == ""


def test_a_line_under_an_ordinary_line_is_not_a_caption():
    assert credited_caption(["Play the long game", "Councils want more money for this"], 1) == ""


def test_a_caption_label_alone_puts_its_caption_on_the_next_line():
    lines = ["Image caption,", "Maureen and Derek Fenwick have cared for their grandchildren"]
    assert credited_caption(lines, 1) == lines[1]

import pytest

from articles.parsing.fuzzydate import FuzzyDate
from articles.parsing.header import (
    UPDATED,
    HeaderLine,
    bare_name,
    is_post_header,
    read_header_line,
)
from articles.parsing.page import split_page

from .test_page import AUTHORITY


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("19/04/21", HeaderLine(date=FuzzyDate(2021, 4, 19))),
        ("Tuesday, November 9, 2021", HeaderLine(date=FuzzyDate(2021, 11, 9))),
        ("Published: 3 March 2021", HeaderLine(date=FuzzyDate(2021, 3, 3))),
        (
            "Last updated on 4 March 2021 at 10:30",
            HeaderLine(date=FuzzyDate(2021, 3, 4), rank=UPDATED),
        ),
        ("By Jane Doe", HeaderLine(author="Jane Doe")),
        ("by Rachel de Souza", HeaderLine(author="Rachel de Souza")),
        ("By Jane Doe, Political Correspondent", HeaderLine(author="Jane Doe")),
        ("By Jane Doe and John Smith", HeaderLine(author="Jane Doe and John Smith")),
        ("Jane Doe, Political Correspondent", HeaderLine(name="Jane Doe")),
        ("Fiona Simpson", HeaderLine(name="Fiona Simpson")),
        (
            "By Jane Doe | 3 March 2021",
            HeaderLine(date=FuzzyDate(2021, 3, 3), author="Jane Doe"),
        ),
        (
            "Posted on 15 January 2021 by Sam O’Neill",
            HeaderLine(date=FuzzyDate(2021, 1, 15), author="Sam O’Neill"),
        ),
        ("Mon 3 May 2021 06.00 BST", HeaderLine(date=FuzzyDate(2021, 5, 3))),
        ("Published", HeaderLine()),
        ("By Dame Rachel de Souza", HeaderLine(author="Rachel de Souza")),
        ("Written by Sam Okafor", HeaderLine(author="Sam Okafor")),
        ("ByMartin Bagot", HeaderLine(author="Martin Bagot")),
        ("Patrick Butler Social policy editor", HeaderLine(name="Patrick Butler")),
        ("Education correspondent, BBC News", HeaderLine(role=True)),
        ("Policy Editor", HeaderLine(role=True)),
        (
            "by Alex Turner on May 23, 2022 in Children, Child protection",
            HeaderLine(date=FuzzyDate(2022, 5, 23), author="Alex Turner"),
        ),
        ("06:00, 23 May 2022", HeaderLine(date=FuzzyDate(2022, 5, 23))),
        ("ByJane Doe Local Democracy Reporter", HeaderLine(author="Jane Doe")),
        (
            "May 23, 2022 / Carolyne Willow",
            HeaderLine(date=FuzzyDate(2022, 5, 23), name="Carolyne Willow"),
        ),
        ("Political reporter @janedoe", HeaderLine(role=True)),
        ("@FCDWhittaker", HeaderLine(role=True)),
        ("May 23, 2022 in Children", HeaderLine(date=FuzzyDate(2022, 5, 23))),
        ("Posted by admin on 23/05/2022", HeaderLine(date=FuzzyDate(2022, 5, 23))),
        # A blog's login is its writer's, unless it names no one.
        (
            "Posted on 11/05/2023 by jenfosters",
            HeaderLine(date=FuzzyDate(2023, 5, 11), author="jenfosters"),
        ),
        (
            "By Jack Hughes 24 May 2022",
            HeaderLine(date=FuzzyDate(2022, 5, 24), author="Jack Hughes"),
        ),
        ("Jane Doe, 23 May 2022", HeaderLine(date=FuzzyDate(2022, 5, 23), name="Jane Doe")),
        (
            "Jane Doe · 23 May 2022 · 4 min read",
            HeaderLine(date=FuzzyDate(2022, 5, 23), name="Jane Doe"),
        ),
        ("By JANE DOE", HeaderLine(author="Jane Doe")),
        ("By Staff Reporter", HeaderLine(role=True)),
        ("By Jane Doe @janedoe Twitter", HeaderLine(author="Jane Doe")),
        ("Words: Jane Doe", HeaderLine(author="Jane Doe")),
        ("By Seán Ó Briain", HeaderLine(author="Seán Ó Briain")),
        (
            "By Jane Doe, John Smith and Sam Lee",
            HeaderLine(author="Jane Doe, John Smith and Sam Lee"),
        ),
        (
            "Published 23 May 2022 Last updated 24 May 2022",
            HeaderLine(date=FuzzyDate(2022, 5, 23)),
        ),
        ("Professor of Social Work, University of Sussex", HeaderLine(role=True)),
    ],
)
def test_header_lines(line, expected):
    assert read_header_line(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "The review published its plans on 3 March 2021.",
        "Care Review launches penultimate stage of project",
        "Gloucestershire County Council",
        "Department for Education",
        "31/02/21",
        "By the end of the year the review will report.",
        "Byron Council responds to the review",
        "Councils in England are struggling",
        "The review reported on 23 May 2022",
        "Words matter in this review",
    ],
)
def test_other_lines_are_not_header_lines(line):
    assert read_header_line(line) is None


def test_bare_names_exclude_organisations():
    assert bare_name("Josh MacAlister") == "Josh MacAlister"
    assert bare_name("Home Office") == ""
    assert bare_name("Social Work Today") == ""
    assert bare_name("the chair") == ""
    assert bare_name("The Guardian") == ""
    assert bare_name("Westminster Hall") == ""


def test_a_name_whose_role_is_on_the_next_line_ends_in_a_comma():
    assert bare_name("Jane Doe,") == "Jane Doe"
    assert bare_name("Home Office,") == ""


def test_a_byline_broken_after_its_comma_is_read_under_the_headline():
    text = (
        "Ministers to pay grandparents who raise children under new plans\n"
        "Relatives who take in children will be offered allowances and training\n"
        "Jane Doe,\n"
        "Social Affairs Editor\n"
        "1 February 2023 • 10:00pm\n"
        "A photograph of a family at home in Leeds Credit: John Smith for The Paper\n" + BODY_TEXT
    )
    page = split_page(text, AUTHORITY)
    assert page.title == "Ministers to pay grandparents who raise children under new plans"
    assert page.author == "Jane Doe"
    assert page.published == FuzzyDate(2023, 2, 1)


@pytest.mark.parametrize(
    ("line", "author"), [("Posted by u/jane_doe", "u/jane_doe"), ("by @janedoe", "@janedoe")]
)
def test_a_forum_handle_after_by_is_a_byline(line, author):
    assert read_header_line(line).author == author


@pytest.mark.parametrize(
    ("line", "author", "date"),
    [
        ("Greyhairandcustard · 26/05/2022 21:14", "Greyhairandcustard", FuzzyDate(2022, 5, 26)),
        ("@Kinship_Kath · 4 hrs ago", "@Kinship_Kath", None),
        ("brumbelle • 3 hours ago", "brumbelle", None),
    ],
)
def test_a_posts_header_names_its_poster_and_when(line, author, date):
    assert is_post_header(line)
    header_line = read_header_line(line)
    assert (header_line.author, header_line.date) == (author, date)


@pytest.mark.parametrize(
    "line", ["News · 3 May 2022", "Opinion · 4 hrs ago", "Jane Smith · Education correspondent"]
)
def test_a_section_or_a_name_and_role_is_no_posts_header(line):
    assert not is_post_header(line)


def test_a_relative_time_may_abbreviate_its_unit():
    assert read_header_line("3 hr. ago").relative


def test_a_forum_post_names_its_writer_above_its_headline():
    text = (
        "r/SocialWorkUK\n"
        "Posted by u/jane_doe\n"
        "3 hr. ago\n"
        "Anyone actually read the care review final report?\n" + BODY_TEXT
    )
    page = split_page(text, AUTHORITY)
    assert page.title == "Anyone actually read the care review final report?"
    assert page.author == "u/jane_doe"


def test_the_line_after_a_name_closed_by_a_comma_is_its_role():
    text = (
        "Grandparents raising grandchildren to get allowance under care shake-up\n"
        "Kinship carers in the city say the plans are a start but warn of years of waiting\n"
        "Jane Doe,\n"
        "Local Democracy Reporter\n"
        "2 February 2023 • 6:00pm\n" + BODY_TEXT
    )
    page = split_page(text, AUTHORITY)
    assert page.title == "Grandparents raising grandchildren to get allowance under care shake-up"
    assert page.author == "Jane Doe"


def test_a_bare_name_is_only_a_byline_candidate():
    assert read_header_line("Fiona Simpson").is_byline_candidate
    assert not read_header_line("By Fiona Simpson").is_byline_candidate


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Published 3 March 2021, updated 5 March", FuzzyDate(2021, 3, 3)),
        ("Updated: 23 May 2022 | Published: 22 May 2022", FuzzyDate(2022, 5, 22)),
        ("debated on Monday 23 May 2022", FuzzyDate(2022, 5, 23)),
        ("First published on Tue 24 May 2022 07.00 BST", FuzzyDate(2022, 5, 24)),
    ],
)
def test_a_labelled_line_gives_its_publication_date(line, date):
    assert read_header_line(line).date == date


def test_first_published_beats_an_update_on_the_header():
    text = (
        "Care review calls for a reset of children's social care\n"
        "Wed 25 May 2022 10.00 BST\n"
        "First published on Tue 24 May 2022 07.00 BST\n"
        "The review published its final report after more than a year of work on it.\n"
        "It calls for a new family help service in every area of the country.\n"
    )
    assert split_page(text, AUTHORITY).published == FuzzyDate(2022, 5, 24)


def test_a_dotted_date_is_not_read_as_a_time():
    assert read_header_line("24.05.22").date == FuzzyDate(2022, 5, 24)
    assert read_header_line("9:15 a.m. EDT") == HeaderLine()


def test_a_title_case_headline_with_a_date_under_it_is_not_a_masthead():
    page = split_page("Care Review Calls For Reset\n24.05.22\n" + BODY_TEXT, AUTHORITY)
    assert (page.title, page.outlet) == ("Care Review Calls For Reset", "Unknown outlet")


BODY_TEXT = (
    "The review published its final report after more than a year of work on it.\n"
    "It calls for a new family help service in every area of the country.\n"
)


def test_a_relative_date_alone_gives_no_date():
    assert read_header_line("2 days ago") is None or read_header_line("2 days ago").date is None
    page = split_page(
        "Care review calls for a reset of the system\n2 days ago\n" + BODY_TEXT, AUTHORITY
    )
    assert page.published is None


def test_a_date_under_a_press_release_label():
    text = "Council welcomes the care review’s case for change\nPress release\n1st March 2021\n"
    assert split_page(text + BODY_TEXT, AUTHORITY).published == FuzzyDate(2021, 3, 1)


def test_a_name_beside_a_relative_time_is_the_byline_but_the_time_no_date():
    assert read_header_line("3 days ago") == HeaderLine(relative=True)
    assert read_header_line("1y Edited") == HeaderLine(relative=True)
    text = (
        "Care review calls for a reset of the system\n"
        "A year of listening to families ends with a plan for change\n"
        "Jane Doe\n3 days ago\n" + BODY_TEXT
    )
    page = split_page(text, AUTHORITY)
    assert (page.author, page.published) == ("Jane Doe", None)
    assert page.standfirst == "A year of listening to families ends with a plan for change"
    assert page.paragraphs[0].startswith("The review published its final report")


def test_a_kind_label_beside_a_date_leaves_the_date():
    assert read_header_line("Press release | 24 May 2022").date == FuzzyDate(2022, 5, 24)
    assert read_header_line("Press release") is None


def test_a_name_beside_a_reading_time_is_the_byline():
    text = (
        "I have been a social worker for nine years. Here is what the review gets wrong.\n"
        "It is right about the symptoms. I am less sure it understands the cause.\n"
        "Jane Doe\n"
        "6 min read\n"
        "Jun 18, 2021\n" + BODY_TEXT
    )
    page = split_page(text, AUTHORITY)
    assert page.author == "Jane Doe"
    assert page.title.startswith("I have been a social worker")


@pytest.mark.parametrize(
    ("line", "date"),
    [("on 25 May 2022", FuzzyDate(2022, 5, 25)), ("on Monday 23 May 2022", FuzzyDate(2022, 5, 23))],
)
def test_a_date_line_going_on_from_the_byline_above(line, date):
    assert read_header_line(line).date == date
    assert read_header_line("on three occasions") is None


@pytest.mark.parametrize(
    ("line", "author", "name"),
    [
        ("By Tom Okafor in Cardiff", "Tom Okafor", ""),
        ("Ruth Adeyemi and Sam Clarke in New York", "", "Ruth Adeyemi and Sam Clarke"),
        ("Megan Hollis in Belfast, Social affairs correspondent", "", "Megan Hollis"),
    ],
)
def test_a_byline_may_say_where_its_writers_file_from(line, author, name):
    found = read_header_line(line)
    assert (found.author, found.name) == (author, name)


STORY = (
    "The review published its final report today after more than a year of work.\n"
    "It calls for a new family help service in every area of the country.\n"
)


def test_a_series_label_between_standfirst_and_byline_is_left_out():
    text = (
        "Example News\nSign in\nNews\nOpinion\nSport\n\n"
        "Care review calls for family help in every council\n\n"
        "Ministers are told that families need help years before a crisis\n\n"
        "Children in care\nJane Doe Social affairs correspondent\nSun 22 May 2022 08.00 BST\n\n"
    )
    page = split_page(text + STORY, AUTHORITY)
    assert (page.title, page.author, page.published) == (
        "Care review calls for family help in every council",
        "Jane Doe",
        FuzzyDate(2022, 5, 22),
    )
    assert page.standfirst == "Ministers are told that families need help years before a crisis"


def test_a_label_and_section_row_under_the_headline_is_no_standfirst():
    text = (
        "Example Unit\nMembers' area | Log in\n\nBriefings > Children and young people\n\n"
        "The Case for Change: what the review has found so far\n\n"
        "Briefing | Children and young people\n21 June 2021\nAuthor: Jane Doe\n\n"
    )
    page = split_page(text + STORY, AUTHORITY)
    assert (page.title, page.standfirst, page.author) == (
        "The Case for Change: what the review has found so far",
        "",
        "Jane Doe",
    )

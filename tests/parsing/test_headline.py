"""Choosing the headline among the lines at the top of a page."""

from articles.parsing.fuzzydate import FuzzyDate
from articles.parsing.page import split_page

from .test_page import AUTHORITY

BODY = (
    "The review published its final report today after more than a year of work.\n"
    "It calls for a new family help service in every area of the country.\n"
)


def test_a_headline_broken_over_lines_is_joined():
    text = (
        "Example Justice Observatory\n\nBriefing paper\n\n"
        "The care review and the family\ncourts: what the final report means\n"
        "for family justice\n\nJune 2022\n\nAuthor: Jane Doe\n\n" + BODY
    )
    page = split_page(text, AUTHORITY)
    assert page.title == (
        "The care review and the family courts: what the final report means for family justice"
    )
    assert page.author == "Jane Doe"


def test_a_boxs_pitch_and_button_on_one_line_is_not_the_headline():
    text = (
        "Example Commissioner\n\nHelp at Hand\n"
        "If you are a child in care or leaving care, our Help at Hand team can give you "
        "advice and support. Get help\n\n"
        "What the care review must mean for children\n\n23.05.2022\n\n" + BODY
    )
    page = split_page(text, AUTHORITY)
    assert page.title == "What the care review must mean for children"
    assert page.standfirst == ""


def test_a_breadcrumb_is_not_the_headline():
    text = "Example Union\nJoin us\nNews › Press release\nUnion says care review must fund pay\n"
    page = split_page(text + "23 May 2022\n" + BODY, AUTHORITY)
    assert page.title == "Union says care review must fund pay"


def test_the_masthead_is_not_the_headline():
    text = "EXAMPLE MONTHLY NEWS\nCare review calls for a new family help service\n3 March 2021\n"
    assert (
        split_page(text + BODY, AUTHORITY).title
        == "Care review calls for a new family help service"
    )


def test_summary_points_under_the_headline_are_one_standfirst():
    text = (
        "Private firms charge councils up to £10,000 a week, review finds\n"
        "Review says the largest private providers make excessive profits\n"
        "Chair calls for £2.6billion to be spent on early support for families\n"
        "Number of children in care in England has risen to more than 80,000\n"
        "By JANE DOE, SOCIAL AFFAIRS CORRESPONDENT\n"
        "Published: 22:31 BST, 22 May 2022 | Updated: 08:02 BST, 23 May 2022\n"
    )
    page = split_page(text + BODY, AUTHORITY)
    assert page.title.startswith("Private firms charge councils")
    assert page.standfirst.startswith("Review says the largest private providers")
    assert page.author == "Jane Doe"


def test_without_a_header_the_headline_is_the_last_candidate_before_the_text():
    text = (
        "View this email in your browser\nJANE DOE MP\nWorking hard for Kettleby and Rowan Vale\n"
        "Autumn 2022 Newsletter\nStanding up for children in care\nDear constituent,\n" + BODY
    )
    page = split_page(text, AUTHORITY)
    assert (page.outlet, page.title) == ("Jane Doe MP", "Standing up for children in care")
    assert page.published == FuzzyDate(2022, season="autumn")


def test_a_headline_written_as_sentences_counts_with_a_header_under_it():
    title = "I have been a social worker for nine years. Here is what the review gets wrong."
    text = f"{title}\nIt is right about the symptoms. I am less sure about the cause.\nJane Doe\n"
    page = split_page(text + "Jun 18, 2021\n" + BODY, AUTHORITY)
    assert (page.title, page.author) == (title, "Jane Doe")
    assert page.standfirst.startswith("It is right about the symptoms.")
    # Without the header, the sentences are the article's first lines.
    assert split_page(title + "\n" + BODY, AUTHORITY).paragraphs[0] == title


def test_the_tagline_under_the_masthead_is_not_the_headline():
    text = (
        "Example Dispatch\nReporting on child welfare across the Atlantic\nSubscribe\nDonate\n"
        "England’s Care Review Wants Less Investigation. U.S. Reformers Are Watching.\n"
        "A review proposes sending fewer families into investigations.\n"
        "By Jane Doe and John Roe\nMay 24th, 2022 at 9:15 a.m. EDT\n" + BODY
    )
    page = split_page(text, AUTHORITY)
    assert page.title.startswith("England’s Care Review Wants Less Investigation.")
    assert (page.author, page.published) == ("Jane Doe and John Roe", FuzzyDate(2022, 5, 24))


def test_a_link_to_more_pages_and_an_issue_line_are_not_headlines():
    text = (
        "Example Council\nChildren’s Services Bulletin | Issue 14 | Winter 2022\n"
        "Family help comes to Example:\nwhat the national review means\nfor our services\n" + BODY
    )
    page = split_page(text, AUTHORITY)
    assert (
        page.title
        == "Family help comes to Example: what the national review means for our services"
    )
    assert page.published == FuzzyDate(2022, season="winter")
    debate = (
        "Independent Review of Children’s Social Care\nVolume 715: debated on Tuesday 7 June 2022\n"
        "View all Independent Review of Children’s Social Care debates\n"
    )
    page = split_page(debate + BODY, AUTHORITY)
    assert page.title == "Independent Review of Children’s Social Care"
    assert page.published == FuzzyDate(2022, 6, 7)


def test_an_age_and_running_time_under_the_headline_is_not_the_headline():
    text = (
        "Family Court Conversations\n\nEpisode 12\n\n"
        "What the care review means for special guardians\n\n"
        "5mo ago · 38 min\n\n" + BODY
    )
    assert split_page(text, AUTHORITY).title == "What the care review means for special guardians"


def test_a_consent_banners_answer_is_not_the_headline():
    text = (
        "We use cookies to make this site work. Is that OK with you?\n"
        "Yes, I accept\n"
        "No, tell me more\n\n"
        "Charity welcomes care review’s kinship proposals\n\n"
        "23 May 2022\n\n" + BODY
    )
    assert split_page(text, AUTHORITY).title == "Charity welcomes care review’s kinship proposals"


def test_a_title_of_two_words_right_under_the_date_is_the_headline():
    text = "Example Borough Council\nNews\n3 February 2023\nFamily Hubs\nShare\nPrint\n\n"
    page = split_page(text + BODY, AUTHORITY)
    assert (page.title, page.published) == ("Family Hubs", FuzzyDate(2023, 2, 3))


def test_a_short_link_under_an_issue_date_gives_way_to_a_headline_with_a_header():
    text = (
        "Example Fostering Charity\nFoster Care magazine\nSummer 2021\nJoin us\nTraining\n"
        "Care review: what foster carers told the review\nBy Jane Doe\n\n"
    )
    assert split_page(text + BODY, AUTHORITY).title == (
        "Care review: what foster carers told the review"
    )


def test_a_debate_speaker_heading_is_never_the_headline():
    text = (
        "Hansard\nVolume 715: debated on Wednesday 25 May 2022\nFamily Help\n\n"
        "Helen Ashdown (Fenwick North) (Lab)\n"
        "When will the money for family help arrive in my constituency, and who pays?\n\n"
        "The Minister for Children (Will Quince)\n"
        "The strategy will be published by the end of the year, with its funding.\n"
    )
    page = split_page(text, AUTHORITY)
    assert (page.title, page.published) == ("Family Help", FuzzyDate(2022, 5, 25))


def test_a_row_of_links_and_a_breadcrumb_through_the_archive_are_not_the_headline():
    text = (
        "Example County Council\nSearch\nJobs | Contact us | Sign in to your account\n\n"
        "Home > News > 2023 > May\n\nCouncil sets out its response to national care reforms\n\n"
        "Published: 10 May 2023\n\n"
    )
    page = split_page(text + BODY, AUTHORITY)
    assert page.title == "Council sets out its response to national care reforms"
    assert page.standfirst == ""

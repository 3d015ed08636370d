from pathlib import Path

import pytest

from articles.parsing import page as page_module
from articles.parsing.authority import Authority, OutletProfile, load_authority
from articles.parsing.decode import decode_source
from articles.parsing.fuzzydate import FuzzyDate
from articles.parsing.page import (
    INFERRED_TITLE_WARNING,
    MAX_TEXT_CHARS,
    NO_DATE_WARNING,
    split_page,
)
from articles.parsing.types import SourceError

from .seeds import EXPECTED, ROOT, SEED_NAMES, seed_text

AUTHORITY = load_authority(ROOT / "fixtures" / "authority.toml", ROOT / "fixtures" / "outlets.toml")


def page_of(name):
    return split_page(seed_text(name), AUTHORITY)


def body_of(page):
    return "\n\n".join(page.paragraphs)


# The five seeds, against expected.json.


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_outlet_title_date_and_author(name):
    expected, page = EXPECTED[name], page_of(name)
    assert page.outlet in expected["outlet_any"]
    assert page.outlet_known
    if "title_any" in expected:
        assert page.title in expected["title_any"]
    published = page.published.edtf() if page.published else None
    assert published == expected["published"]
    assert (page.published.precision if page.published else None) == expected["date_precision"]
    assert page.author == (expected["author"] or "")


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_body_keeps_the_article_and_loses_the_furniture(name):
    expected, page = EXPECTED[name], page_of(name)
    body = body_of(page)
    for text in expected["body_must_contain"]:
        assert text in body
    for text in expected["body_must_not_contain"]:
        assert text not in body
    assert all(paragraph == paragraph.strip() and paragraph for paragraph in page.paragraphs)


@pytest.mark.parametrize("name", [n for n in SEED_NAMES if "standfirst_starts" in EXPECTED[n]])
def test_seed_standfirst(name):
    page = page_of(name)
    assert page.standfirst.startswith(EXPECTED[name]["standfirst_starts"])
    assert page.standfirst not in body_of(page)


@pytest.mark.parametrize("name", [n for n in SEED_NAMES if "links_include" in EXPECTED[n]])
def test_seed_links(name):
    links = page_of(name).links
    assert set(EXPECTED[name]["links_include"]) <= set(links)
    assert len(links) == len(set(links))


def test_seed_000_has_its_header_out_of_the_body():
    page = page_of("000_53d296c89f0bca95.txt")
    assert page.paragraphs[0].startswith("The so-called Independent Review")
    assert page.paragraphs[-1].startswith("View the full scope and member list of the Design Group")
    assert "Photo credit" not in body_of(page)
    assert page.links == [
        "https://childrenssocialcare.independent-review.uk/wp-content/uploads/2021/04/"
        "Evidence-Group-Terms-of-Reference.pdf",
        "https://childrenssocialcare.independent-review.uk/wp-content/uploads/2021/04/"
        "Design-Group-Terms-of-Reference.pdf",
    ]
    assert page.warnings == []


def test_seed_001_sidebar_dates_are_not_the_publication_date():
    page = page_of("001_25bb43c5fd41dc62.txt")
    assert page.published is None
    assert NO_DATE_WARNING in page.warnings
    assert page.standfirst == ""
    assert page.paragraphs[0].startswith("The independent review of children’s social care has")
    assert page.paragraphs[-1].startswith("You can find out more about a member")
    assert "iv) if there is overlooked evidence or research that I should be aware of." in (
        page.paragraphs
    )


def test_seed_002_caption_is_kept_once_out_of_the_body():
    expected, page = EXPECTED["002_5dc0658c0538405e.txt"], page_of("002_5dc0658c0538405e.txt")
    assert page.captions == [expected["caption"]]
    assert expected["caption"] not in body_of(page)
    assert page.standfirst == ""
    assert page.paragraphs[0].startswith("The Care Review has launched the penultimate stage")
    assert page.paragraphs[-1].endswith("we hope some will share publicly to encourage debate.”")


def test_seed_003_faq_page_gets_an_inferred_title():
    page = page_of("003_d6ae2bbb91ba916e.txt")
    assert page.title == "Frequently asked questions about the Review"
    assert INFERRED_TITLE_WARNING in page.warnings
    assert page.kind == "official"
    assert page.published is None
    assert page.paragraphs[0].startswith("This page answers some of the commonly asked questions")
    assert len([p for p in page.paragraphs if p.endswith("?")]) == 10


def test_seed_003_wrapped_line_is_joined_back():
    body = body_of(page_of("003_d6ae2bbb91ba916e.txt"))
    assert "submissions to our Call for Advice from individuals and organisations." in body
    assert "Call\nfor Advice" not in body


def test_seed_004_title_appears_once_and_sidebar_date_is_ignored():
    page = page_of("004_e96da8d9b78644c1.txt")
    assert page.title not in body_of(page)
    assert page.published == FuzzyDate(2021, 3, 3)
    assert page.paragraphs[0].startswith("The Chair of the Independent Review")
    assert page.paragraphs[-1].startswith("“My intention is that the review")
    assert "Gloucestershire County Council" not in body_of(page)


@pytest.mark.parametrize("name", [n for n in SEED_NAMES if not n.startswith("003")])
def test_seed_news_pages_are_news(name):
    assert page_of(name).kind == "news"


# Other outlets' page shapes.

COMMUNITY_CARE_PAGE = """Skip to main content
News | Opinion | Jobs | Inform
Care review chair sets out the ‘big question’ for children’s social care
The review will report within a year and look at racial disparities, its chair says.
By Alex Turner
March 3, 2021
The chair of the independent review of children’s social care has set out the question he wants
the review to answer, alongside a call for evidence.
Advertisement
Josh MacAlister said the review would move “at pace” and build on existing work, while
promising to listen deeply to families.
Social workers told Community Care that the timescale was tight for such a broad review.
Get Community Care Inform Children today
Related articles
Review chair promises to listen to families
Community Care Live returns to London
"""


def test_community_care_page():
    page = split_page(COMMUNITY_CARE_PAGE, AUTHORITY)
    assert (page.outlet, page.outlet_known, page.kind) == ("Community Care", True, "news")
    assert page.title == "Care review chair sets out the ‘big question’ for children’s social care"
    assert page.standfirst.startswith("The review will report within a year")
    assert page.author == "Alex Turner"
    assert page.published == FuzzyDate(2021, 3, 3)
    assert page.paragraphs == [
        "The chair of the independent review of children’s social care has set out the question"
        " he wants the review to answer, alongside a call for evidence.",
        "Josh MacAlister said the review would move “at pace” and build on existing work, while"
        " promising to listen deeply to families.",
        "Social workers told Community Care that the timescale was tight for such a broad review.",
    ]
    assert page.warnings == []


GUARDIAN_PAGE = """Support the Guardian
Available for everyone, funded by readers
Opinion
Society
The care review must not become a cost-cutting exercise
Children deserve a system built on love, not on budgets.
Jane Doe
Tue 9 Nov 2021 12.01 GMT
The independent review of children’s social care is entering its final phase.
A social worker visits a family in London. Photograph: John Smith/PA
Families who spoke to the review want help early, not a knock at the door in a crisis.
Advertisement
Read more at https://www.theguardian.com/society/social-care.
Explore more on these topics
Social care
Reuse this content
Most viewed
Another story about something else entirely
"""


def test_guardian_opinion_page():
    page = split_page(GUARDIAN_PAGE, AUTHORITY)
    assert (page.outlet, page.kind) == ("The Guardian", "opinion")
    assert page.title == "The care review must not become a cost-cutting exercise"
    assert page.standfirst == "Children deserve a system built on love, not on budgets."
    assert page.author == "Jane Doe"
    assert page.published == FuzzyDate(2021, 11, 9)
    assert page.captions == ["A social worker visits a family in London. Photograph: John Smith/PA"]
    assert page.paragraphs == [
        "The independent review of children’s social care is entering its final phase.",
        "Families who spoke to the review want help early, not a knock at the door in a crisis.",
        "Read more at https://www.theguardian.com/society/social-care.",
    ]
    assert page.links == ["https://www.theguardian.com/society/social-care"]


UNKNOWN_OUTLET_PAGE = """Home | News | About
Councils warn the care review timetable is too tight
By Sam Patel, Local Government Reporter
Posted on 15 January 2021
Council leaders say the review’s timetable leaves too little room to hear from families.
“We want to be part of this,” one director of children’s services said on Friday.
The Fostering Gazette is an independent news website for foster carers.
© 2021 Fostering Gazette Ltd
"""


def test_unknown_outlet_is_named_from_its_own_footer_and_flagged():
    page = split_page(UNKNOWN_OUTLET_PAGE, AUTHORITY)
    assert (page.outlet, page.outlet_known) == ("The Fostering Gazette", False)
    assert "unknown outlet “The Fostering Gazette”" in page.warnings
    assert page.title == "Councils warn the care review timetable is too tight"
    assert page.author == "Sam Patel"
    assert page.published == FuzzyDate(2021, 1, 15)
    assert len(page.paragraphs) == 2
    assert not any("Fostering Gazette" in p for p in page.paragraphs)


BBC_PAGE = """Skip to content
Home
News
Sport
Children's social care review: Plans to overhaul system unveiled
Published
23 May 2022
Share
Image source, Getty Images
Image caption, The review says thousands more children could be supported at home
By Jane Doe
Education correspondent, BBC News
A major review of children's social care in England has called for a radical reset of the system.
The review's chair, Josh MacAlister, said the system was "a 50-year-old bureaucracy".
More on this story
Care system 'needs radical reset', review finds
Related Topics
Social care
"""


def test_bbc_page_with_captioned_picture_and_role_under_the_byline():
    page = split_page(BBC_PAGE, AUTHORITY)
    assert (page.outlet, page.kind) == ("BBC News", "news")
    assert page.title == "Children's social care review: Plans to overhaul system unveiled"
    assert page.published == FuzzyDate(2022, 5, 23)
    assert page.author == "Jane Doe"
    assert page.captions == ["The review says thousands more children could be supported at home"]
    assert [p[:30] for p in page.paragraphs] == [
        "A major review of children's s",
        "The review's chair, Josh MacAl",
    ]


GOV_UK_PAGE = """Cookies on GOV.UK
We use some essential cookies to make this website work.
Accept additional cookies
Skip to main content
GOV.UK
Press release
Independent review of children's social care launched
The review will look at how to improve the lives of children and young people.
From:
Department for Education and The Rt Hon Gavin Williamson CBE MP
Published
15 January 2021
The government has today launched an independent review of children's social care.
Josh MacAlister, founder of Frontline, will chair the review.
Is this page useful?
Maybe
Yes this page is useful
No this page is not useful
Help us improve GOV.UK
All content is available under the Open Government Licence v3.0, except where otherwise stated
© Crown copyright
"""


def test_gov_uk_press_release_behind_a_cookie_banner():
    page = split_page(GOV_UK_PAGE, AUTHORITY)
    assert (page.outlet, page.kind) == ("GOV.UK", "official")
    assert page.title == "Independent review of children's social care launched"
    assert page.standfirst == (
        "The review will look at how to improve the lives of children and young people."
    )
    assert page.published == FuzzyDate(2021, 1, 15)
    assert page.author == ""
    assert page.paragraphs == [
        "The government has today launched an independent review of children's social care.",
        "Josh MacAlister, founder of Frontline, will chair the review.",
    ]


def test_windows_1252_page_from_bytes_to_parts():
    raw = "Review’s “big question” set out\r\n19/04/21\r\nThe chair’s plans – in full.\r\n"
    page = split_page(decode_source(raw.encode("cp1252"), "page.txt"), AUTHORITY)
    assert page.title == "Review’s “big question” set out"
    assert page.published == FuzzyDate(2021, 4, 19)
    assert page.paragraphs == ["The chair’s plans – in full."]


def test_unknown_outlet_without_a_name():
    page = split_page(
        "A headline about the care review\nThe review met today, said the chair.", AUTHORITY
    )
    assert (page.outlet, page.outlet_known) == ("Unknown outlet", False)
    assert page.paragraphs == ["The review met today, said the chair."]
    assert NO_DATE_WARNING in page.warnings


def test_outlet_date_order_applies_to_numeric_dates():
    authority = Authority(
        outlets=(OutletProfile(name="US Desk", signals=("US Desk News",), date_order="mdy"),)
    )
    text = "Review launches in England today\n03/04/21\nThe review started work.\nUS Desk News"
    assert split_page(text, authority).published == FuzzyDate(2021, 3, 4)
    assert split_page(text, Authority()).published == FuzzyDate(2021, 4, 3)


def test_date_just_above_the_headline_is_the_publication_date():
    text = (
        "News\n9 Nov 2021\nCare review opens its call for ideas\nThe review asked for ideas today."
    )
    assert split_page(text, AUTHORITY).published == FuzzyDate(2021, 11, 9)


def test_a_date_deep_in_the_page_is_not_a_publication_date():
    text = (
        "Care review opens its call for ideas\n"
        "The review asked for ideas today, the chair said in London.\n"
        "Ideas can be sent until the end of the year, the chair added today.\n"
        "Families and professionals are both invited to send their ideas in.\n"
        "9 Nov 2021\n"
        "Ideas sent after this date will be read by the review team in the new year.\n"
    )
    page = split_page(text, AUTHORITY)
    assert page.published is None
    assert page.paragraphs[3:] == [
        "9 Nov 2021",
        "Ideas sent after this date will be read by the review team in the new year.",
    ]


def test_comment_prefix_makes_an_opinion_piece():
    text = "Comment: the care review is our last chance\nThe review matters, writes a carer."
    assert split_page(text, Authority()).kind == "opinion"


def test_article_resumes_after_an_inline_related_box():
    text = (
        "Review publishes its case for change today\n"
        "The review published its case for change on Thursday morning.\n"
        "Related articles\n"
        "Review chair promises to listen to families\n"
        "The document sets out the problems the review has found so far.\n"
        "It says the system is under strain and that families need help sooner.\n"
        "The review will now hold a consultation on the findings until the autumn.\n"
        "Most read\n"
        "Another headline from elsewhere on the site\n"
    )
    page = split_page(text, Authority())
    assert page.paragraphs == [
        "The review published its case for change on Thursday morning.",
        "The document sets out the problems the review has found so far.",
        "It says the system is under strain and that families need help sooner.",
        "The review will now hold a consultation on the findings until the autumn.",
    ]


def test_doubled_headline_pairs_end_the_article():
    text = (
        "Review publishes its case for change today\n"
        "The review published its case for change on Thursday morning.\n"
        "Inspections to look at domestic abuse responses\n"
        "Inspections to look at domestic abuse responses\n"
        "Calls for resources to trace missing children\n"
        "Calls for resources to trace missing children\n"
    )
    page = split_page(text, Authority())
    assert page.paragraphs == ["The review published its case for change on Thursday morning."]
    assert page.captions == []


def test_a_doubled_paragraph_is_kept_once_in_the_body():
    paragraph = " ".join(["The review heard from many families across England this year."] * 5)
    text = f"Review publishes its case for change today\n{paragraph}\n{paragraph}\n"
    page = split_page(text, Authority())
    assert page.paragraphs == [paragraph]
    assert page.captions == []


def test_untitled_page_gets_its_first_sentence_as_title():
    text = (
        "The review will hold events across England over the summer to hear from families and "
        "professionals. Tickets are free.\nEvents start in June."
    )
    page = split_page(text, Authority())
    assert page.title == "The review will hold events across England over the summer to hear…"
    assert INFERRED_TITLE_WARNING in page.warnings
    assert page.paragraphs[0].startswith("The review will hold events")


@pytest.mark.parametrize(
    "text",
    [
        "top of page\nSubscribe\nMost popular articles today\n£30,000 - £35,000\nbottom of page",
        "Home | News | About\nAdvertisement\nSWT_SideAd1.png\nfacebook twitter linkedin",
        "A headline all on its own here\n",
    ],
)
def test_a_page_of_only_furniture_is_refused(text):
    with pytest.raises(SourceError, match="no article text found after removing page furniture"):
        split_page(text, AUTHORITY)


def test_oversized_text_is_refused_naming_the_limit_before_it_is_read(monkeypatch):
    def read(*_args):
        pytest.fail("an oversized page was read before it was refused")

    monkeypatch.setattr(page_module, "find_masthead", read)
    with pytest.raises(SourceError, match=f"{MAX_TEXT_CHARS // (1024 * 1024)} MB limit"):
        split_page("x" * (MAX_TEXT_CHARS + 1), AUTHORITY)


def test_links_in_order_without_duplicates():
    text = (
        "A headline about the review’s links\n"
        "See https://example.org/a, then (https://example.org/b) and https://example.org/a again.\n"
        "Write to press@example.org or visit http://example.org/c."
    )
    assert split_page(text, Authority()).links == [
        "https://example.org/a",
        "https://example.org/b",
        "http://example.org/c",
    ]


def test_seed_files_are_those_of_the_shared_folder():
    assert sorted(p.name for p in Path(ROOT / "fixtures" / "seeds").glob("*.txt")) == SEED_NAMES


def test_faq_page_without_a_subject_is_titled_plainly():
    text = (
        "What is the review?\nThe review looks at children’s social care in England.\n"
        "Who chairs it?\nJosh MacAlister chairs the review of the care system.\n"
        "When will it report?\nIt will report in spring 2022, the review has said.\n"
    )
    page = split_page(text, Authority())
    assert page.title == "Frequently asked questions"
    assert page.paragraphs[0] == "What is the review?"


def test_a_site_date_above_the_menu_is_not_the_publication_date():
    text = (
        "Monday 23 November 2026\n"
        "News\nOpinion\nJobs\n"
        "Care review officially launches its call for evidence\n"
        "The review launched its call for evidence on Monday morning.\n"
    )
    page = split_page(text, Authority())
    assert page.title == "Care review officially launches its call for evidence"
    assert page.published is None


def test_a_name_right_under_the_headline_is_the_byline():
    text = "Care review officially launches today\nJane Doe\nThe review launched on Monday."
    page = split_page(text, Authority())
    assert page.author == "Jane Doe"
    assert page.paragraphs == ["The review launched on Monday."]


def test_the_headline_is_the_line_with_a_header_under_it_not_a_section_title_above():
    text = (
        "Education, training and skills\n"
        "Councils to get new duties for family help\n"
        "The government has set out plans for family help teams in every council.\n"
        "Published 2 February 2023\n"
        "Every council will run family help teams from next year, the department said.\n"
    )
    page = split_page(text, Authority())
    assert page.title == "Councils to get new duties for family help"
    assert page.standfirst.startswith("The government has set out plans")
    assert page.published == FuzzyDate(2023, 2, 2)


def test_a_menu_listing_opinion_does_not_make_an_opinion_piece():
    text = (
        "News\nOpinion\nSport\nCulture\n"
        "Care review calls for overhaul of children's services\n"
        "By Jane Doe\n"
        "The review has called for a radical reset of children's social care in England.\n"
    )
    assert split_page(text, Authority()).kind == "news"


def test_a_date_above_the_headline_makes_it_the_headline_rather_than_the_site_name():
    text = (
        "Fostering Matters Network\n"
        "News\nNews\n"
        "23 May 2022\n"
        "Network responds to the final report of the care review\n"
        "The network has responded to the publication of the review's final report today.\n"
    )
    page = split_page(text, Authority())
    assert page.title == "Network responds to the final report of the care review"
    assert page.standfirst == ""
    assert page.published == FuzzyDate(2022, 5, 23)


def test_a_writer_block_with_job_and_handle_and_an_agency_credited_caption():
    text = (
        "Care review: schools to become safeguarding partners\n"
        "Freddie Whittaker\n"
        "Senior reporter\n"
        "@FCDWhittaker\n"
        "More by this author\n"
        "23 May 2022, 0:01\n"
        "Getty Images\n"
        "Pupils arriving at a primary school in London\n"
        "Schools should be statutory partners in local safeguarding, the review has said.\n"
    )
    page = split_page(text, Authority())
    assert (page.author, page.published) == ("Freddie Whittaker", FuzzyDate(2022, 5, 23))
    assert page.captions == ["Pupils arriving at a primary school in London"]
    assert page.paragraphs == [
        "Schools should be statutory partners in local safeguarding, the review has said."
    ]


def test_a_standfirst_between_byline_and_date():
    text = (
        "The care review is right: we must stop treating families as suspects\n"
        "Jane Doe\n"
        "Families need help, not investigation, and the report understands that\n"
        "Tue 24 May 2022 06.00 BST\n"
        "I have been a social worker for twenty years, and I have seen a lot.\n"
    )
    page = split_page(text, Authority())
    assert (page.author, page.published) == ("Jane Doe", FuzzyDate(2022, 5, 24))
    assert page.standfirst.startswith("Families need help")
    assert page.paragraphs == [
        "I have been a social worker for twenty years, and I have seen a lot."
    ]


def test_a_section_kicker_repeating_a_menu_word_right_above_the_headline_labels_the_page():
    text = (
        "News\nOpinion\nSport\nCulture\nLifestyle\nOpinion\nChildren\n"
        "The care review is right: we must stop treating families as suspects\n"
        "By Jane Doe\n"
        "I have been a social worker for twenty years, and I have seen a lot.\n"
    )
    assert split_page(text, Authority()).kind == "opinion"


def test_a_tagline_sentence_above_the_headline_does_not_hide_it():
    text = (
        "Frontline\n"
        "We are a social work charity. Our mission is the best social worker for every child.\n"
        "Home\nAbout\n"
        "Our response to the care review\n"
        "24 May 2022\n"
        "The care review's final report sets out a bold vision for children's social care.\n"
        "We are proud that Josh MacAlister founded Frontline before chairing the review.\n"
    )
    page = split_page(text, Authority())
    assert (page.title, page.published) == (
        "Our response to the care review",
        FuzzyDate(2022, 5, 24),
    )
    assert page.paragraphs[0].startswith("The care review's final report")


def test_a_gov_uk_speech_loses_its_delivery_note():
    text = (
        "GOV.UK\nSpeech\n"
        "Education Secretary on the care review\n"
        "The Education Secretary spoke about the final report of the care review.\n"
        "From:\nDepartment for Education and The Rt Hon Nadhim Zahawi MP\n"
        "Published\n23 May 2022\n"
        "Delivered on:\n23 May 2022 (Transcript of the speech, exactly as it was delivered)\n"
        "Thank you to Josh MacAlister and the review team for their work over the past year.\n"
        "Is this page useful?\n"
    )
    page = split_page(text, AUTHORITY)
    assert (page.outlet, page.published) == ("GOV.UK", FuzzyDate(2022, 5, 23))
    assert page.paragraphs == [
        "Thank you to Josh MacAlister and the review team for their work over the past year."
    ]


def test_without_a_headline_the_lead_is_the_bodys_first_paragraph_not_a_standfirst():
    lead = (
        "The care review is out this morning and I have read all of it on the bus so you do not "
        "have to. A thread on what it gets right and what it misses."
    )
    text = (
        f"Amara Quinn\n@amaraquinn\n{lead}\n10:42 AM · Jun 17, 2021\n\n"
        "Amara Quinn\n@amaraquinn\n"
        "2/ First the good bit. It says plainly that families need help rather than "
        "investigation, and that the money has gone the wrong way for a decade.\n"
    )
    page = split_page(text, Authority())
    assert page.standfirst == ""
    assert page.paragraphs[0] == lead
    assert page.title.startswith("The care review is out this morning")


BRIEFING = """Example Briefings

The Case for Change: what the review has found so far

Briefing | Children and young people
21 June 2021
Author: Tobias Harrow

Summary
This briefing summarises The Case for Change and considers what it means for councils.

{section}

On 17 June 2021 the review published The Case for Change, an analysis of the system.

The document sets out the review's early view that the system is under pressure.
"""


def test_a_labelled_summary_of_one_paragraph_is_the_standfirst():
    page = split_page(BRIEFING.format(section="Overview"), Authority())
    assert page.standfirst == (
        "This briefing summarises The Case for Change and considers what it means for councils."
    )
    assert page.paragraphs[0] == "Overview"


def test_a_labelled_summary_of_several_paragraphs_is_the_body_s_first_section():
    page = split_page(
        BRIEFING.format(section="It draws on what councils have told us since March."),
        Authority(),
    )
    assert page.standfirst == ""
    assert page.paragraphs[0].startswith("This briefing summarises")


def test_a_first_paragraph_under_no_summary_label_stays_in_the_body():
    page = split_page(BRIEFING.format(section="Overview").replace("Summary\n", ""), Authority())
    assert page.standfirst == ""
    assert page.paragraphs[0].startswith("This briefing summarises")


JOURNAL_ARTICLE = """Family help after the care review: will the pathfinders
be allowed to fail?

Ruth Adeyemi-Clarke

School of Social Work, University of Essex, UK

{label}
Purpose – This viewpoint considers the government’s decision to test family help
through pathfinders.
Findings – Two-year pathfinders are unlikely to show the savings the review expected.
Keywords Children’s social care, Family help

Received 3 March 2023
Vol. 18 No. 3, 2023
© Emerald Publishing Limited

Introduction
The Independent Review of Children’s Social Care published its final report on 23 May 2022.
Its central proposal was a new Family Help service run by multi-disciplinary teams.
"""


def test_a_journal_articles_labelled_abstract_is_its_standfirst_and_its_issue_dates_it():
    page = split_page(JOURNAL_ARTICLE.format(label="Abstract"), Authority())
    assert page.title == (
        "Family help after the care review: will the pathfinders be allowed to fail?"
    )
    assert page.standfirst == (
        "Purpose – This viewpoint considers the government’s decision to test family help "
        "through pathfinders. Findings – Two-year pathfinders are unlikely to show the savings "
        "the review expected."
    )
    assert page.published == FuzzyDate(2023)
    assert page.paragraphs == [
        "The Independent Review of Children’s Social Care published its final report on 23 May "
        "2022.",
        "Its central proposal was a new Family Help service run by multi-disciplinary teams.",
    ]


def test_without_its_label_an_abstract_is_no_standfirst():
    page = split_page(JOURNAL_ARTICLE.format(label="Overview"), Authority())
    assert page.standfirst == ""
    assert page.paragraphs[0].startswith("Purpose – This viewpoint")


def test_a_periodical_s_tagline_under_its_masthead_and_issue_is_no_headline():
    text = (
        "Kinship News\n"
        "Spring 2023\n"
        "The newsletter for kinship carers from Kinship, the kinship care charity\n\n"
        "What Stable Homes, Built on Love means for kinship families\n\n"
        "The government has finally set out how it will respond to the care review, and our "
        "policy team answers your questions.\n\n"
        "On 2 February the Department for Education published its strategy for children’s "
        "social care in England.\n"
    )
    page = split_page(text, Authority())
    assert (page.outlet, page.title) == (
        "Kinship News",
        "What Stable Homes, Built on Love means for kinship families",
    )

import pytest

from articles.parsing.furniture import (
    Furniture,
    furniture_for,
    is_icon_soup,
    is_menu_item,
    menu_runs,
)

GENERAL = Furniture()


@pytest.mark.parametrize(
    "line",
    [
        "top of page",
        "bottom of page",
        "Skip to main content",
        "Skip to navigation",
        "Skip to search",
        "Briefing continues below",
        "Article continues below advertisement",
        "Share this article",
        "Advertisement",
        "Photo credit: U.S. Embassy in London",
        "Image source, Getty Images",
        "SWT_SideAd1.png",
        "hero-image_2021.JPG",
        "Support our #Respect4SocialWork campaign today and celebrate the social work profession.",
        "Read Full Story",
        "Continue reading",
        "Tags: care review, social work",
        "closechevron-downbars linkedin facebook pinterest youtube rss twitter instagram",
        "D1, Parkside, Knowledge Gateway, Nesfield Road, Colchester, Essex CO4 3ZL",
        "We use cookies to improve your experience. Accept cookies",
        "Fund independent journalism with £5 per month",
        "Support us",
        "Donate £10 today",
        "Please help us support more children in care",
        "Facebook",
        "Share this post",
        "If you enjoyed this post, please share it",
        "This article is more than 3 years old",
        "The Guardian - Back to home",
        "Related: The Guardian view on children's social care: reform can't wait",
        "Get the latest news and analysis in your inbox",
        "Bookmark",
        "212 Followers",
        "Posted 3 hours ago",
        "Share via Email",
        "Click here to read more",
        "View image in fullscreen",
        "Our newsletters are free and you can unsubscribe at any time.",
        "Sponsored by Acme Care Ltd",
        "(Image: Getty)",
        "Continue reading the main story",
        "Thanks for reading The Dispatch! Subscribe for free to receive new posts.",
        "1.2K claps",
        "← Previous post",
        "Next post →",
        "Why you can trust Sky News",
        "Please use Chrome browser for a more accessible video player",
        "Disclosure statement",
        "Getty Images",
        "Fund the free press with $5 per month",
        "Posted in Uncategorized",
        "Story continues below advertisement",
        "Sign up to First Edition, our free daily newsletter – every weekday morning at 7am BST",
        "after newsletter promotion",
        "Follow us on Twitter",
        "Watch: Josh MacAlister on the review",
        "We value your privacy",
        "We use cookies to personalise content and ads, to provide social media features and to "
        "analyse our traffic. We also share information about your use of our site.",
        "Use necessary cookies only",
        "PA Media/Reuters",
        "More by this author",
        "Children First is an online resource for professionals working with children presented "
        "by WillisPalmer, providing you with the latest news, features and interviews.",
        "Hide Ad",
        "Report this ad",
        "Produced by the NSPCC Policy and Public Affairs team",
        "Reply Share Report Save Follow",
        "Support Nation.Cymru",
        "View all Independent Review of Children’s Social Care debates",
        "We are a not-for-profit news service for Wales. If you value what we do, please consider "
        "supporting us with a small monthly donation.",
        "Like · Reply · Share",
        "Available for 29 days",
        "Available now",
        "Next episode: 14/03/2023",
        "All episodes",
        "Minister defends kinship plans (duration 3:05)",
        "Foster carer. Trustee of a small charity. Views are my own.",
        "Family Matters is a listener-funded show. Views are the guests' own.",
        "Hearth is the trading name of the Hearth Family Trust. Registered charity in England "
        "no. 1234567.",
        "Give as little as £2",
        "Chip in from £3 a month",
        "Support the podcast",
        "Buy me a coffee to keep the newsletter free",
        "Topics in this story: Fostering, Adoption",
        "OK, I agree",
        "No, give me more info",
        "Yes, I accept",
        "Got it!",
        # A post's buttons on lines of their own, and a thread's.
        "Report",
        "Quote",
        "Add to my threads",
        # A blog platform's likes.
        "Like this:",
        "Like Loading...",
        # An embedded video player's lines while it loads.
        "Video Loading",
        "Tap to play",
        "The video will start in 8",
        "Play now",
        "Cancel",
    ],
)
def test_inline_furniture_is_recognised(line):
    assert GENERAL.is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Most popular articles today",
        "Most read",
        "Related articles",
        "More on this story",
        "You might also like",
        "What's new today:",
        "Featured event",
        "Featured jobs",
        "Job of the week",
        "Family Law Jobs",
        "Jobs in your area",
        "Related coverage",
        "Get 3 months for £1",
        "With best wishes,",
        "Yours sincerely,",
        "Sponsored Content",
        "£33.945- £36,648",
        "£49,498- £51,515",
        "Salary: £35k - £40k per annum",
        "CYP Now Digital membership",
        "From £15 / month",
        "Subscribe",
        "Subscribe Today",
        "Sign up to our free daily newsletter",
        "Make an Enquiry",
        "© 2021 Example News Ltd. All rights reserved.",
        "A Mackman Group collaboration - research by Mackman Research | website design by Mackman",
        "Leave a Reply",
        "To continue reading this article...",
        "Free trial",
        "Related posts",
        "More Schools news",
        "Sign up to our mailing list",
        "Your thoughts",
        "Proudly powered by WordPress",
        "You've reached your limit of free articles this month",
        "Ends",
        "Related",
        "Up next",
        "You have 3 free articles remaining",
        "Register with Tes to keep reading",
        "Register for free to continue reading",
        "You have read 1 of your 2 free articles this month. Register for free to read more.",
        "Comments 312",
        "Share or comment on this article:",
        "Was this page helpful?",
        "Comments are closed.",
        "Notes to editors",
        "For more information please contact the press office on 0300 123 2112.",
        "Article 39 is a registered charity (1160069).",
        "Readers' comments (3)",
        "Your comments",
        "Family Solicitor – Public Children Law | Bristol | £48,000 - £62,000",
        "Senior Associate – Family Law | Manchester | Competitive",
        "Featured in...",
        "For press enquiries please call the communications team on 020 7946 0000.",
        "Media contacts",
        "Further information",
        "Have your say",
    ],
)
def test_end_markers_end_the_article(line):
    assert GENERAL.ends_article(line)
    assert GENERAL.is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "The Evidence Group will be chaired by Leon Feinstein.",
        "Both groups will operate in an advisory capacity.",
        "The review will cost £2.5m - £3m over two years, the department said.",
        "Josh MacAlister said the campaign for reform had only just begun.",
        "Share of children in care rose to 67 per 10,000.",
        "Home for Good coordinated the open letter.",
        "What Works for Children’s Social Care is part of the What Works Network.",
        "The Case for Change is a document that sets out the problems the review has found.",
        "Critics have questioned whether the review was independent.",
        "Review of Children’s Social Care in England formally launches and publishes early plans",
        "Subscribers were told the review would report in spring 2022.",
        "Board membership",
        "Support for care leavers will be extended to the age of 25.",
        "Families on universal credit get £20 a week less than a year ago.",
        "The video will start a conversation about fostering, the trust said.",
        "Councils cancel plans to close two children's homes.",
        "Donations to the charity rose by a third last year.",
        "The next steps for the review will be set out in the summer.",
        "Become, the charity for care leavers, said the plans were a start.",
        "PA Media reported the minister's remarks on Tuesday.",
        "Follow the money, said the minister.",
        "Latest figures show a rise in care orders.",
        "Video calls helped families stay in touch during the pandemic.",
        "i) where there is robust evidence and research about children's social care;",
        "Six weeks free childcare for families was promised in the strategy.",
        "Sponsored by the Department for Education, the pilots will run in 12 areas.",
        "Posted to a children's home 200 miles away, she lost touch with her school.",
        "Readers told us their comments had been ignored by the council.",
        "Councils | Leeds | a £20m cut to family help",
        "Hide and seek was banned in the children's home.",
        "Published by the Department for Education, the strategy runs to 200 pages.",
        "Share, report and reply to your social worker, the app says.",
        "Sort by age, the children were placed in three groups.",
        "Support for kinship carers",
        "See more families are turning to relatives, the report says.",
        "The charity asked councils to consider supporting its families with an allowance.",
        "Available evidence suggests kinship care is under-supported.",
        "The next episode of the inquiry will be in the autumn.",
        "The minister's views on the review are well known.",
        "The report was featured in the Commons debate on Tuesday.",
        "Further information about the pilots will follow in the spring.",
        "The trust, a registered charity in Wales, said the numbers had doubled.",
        "Readers had their say in a survey of 2,000 parents.",
        "No, I agree with the review",
        "I agree that the review got the diagnosis right.",
    ],
)
def test_article_lines_are_not_furniture(line):
    assert not GENERAL.is_furniture(line)
    assert not GENERAL.ends_article(line)


@pytest.mark.parametrize(
    ("line", "final"),
    [
        ("Notes to editors", True),
        ("© 2022 Example News", True),
        ("The comments below have not been moderated.", True),
        ("Sort By: Best", True),  # the replies of a comments section follow
        ("Comments 312", False),  # a comment bar also stands above the article
        ("Related articles", False),
        ("RELATED...", False),  # a label with its ellipsis or colon is the label
        ("Latest:", False),
        ("Register with Tes to keep reading", False),
        ("For media enquiries, contact the press office on 0161 496 0000.", True),
        ("Have your say", True),  # the comments follow
        ("Leave a reply", True),
        ("Post your reply", True),  # a thread's replies by others follow
        ("Comments: Our rules", True),  # the rules over a comments section
        # A council committee report's closing sections.
        ("Background papers: The Independent Review of Children’s Social Care: Final", True),
        ("Contact officer: Dawn Everleigh, Head of Early Help and Prevention", True),
    ],
)
def test_page_ends_are_the_end_markers_nothing_of_the_article_follows(line, final):
    assert GENERAL.ends_article(line)
    assert GENERAL.ends_page(line) is final


def test_outlet_patterns_add_to_the_general_rules():
    guardian = furniture_for(("Support the Guardian.*", "Photograph: .*"))
    assert guardian.is_furniture("Support the Guardian today")
    assert guardian.is_furniture("photograph: Jane Doe/PA")
    assert not GENERAL.is_furniture("Support the Guardian today")
    # Outlet furniture is inline: it does not end the article.
    assert not guardian.ends_article("Support the Guardian today")


def test_furniture_for_is_cached_per_pattern_set():
    assert furniture_for(("Podcast",)) is furniture_for(("Podcast",))
    assert furniture_for(("Podcast",)) is not furniture_for(())


def test_icon_soup_needs_several_icon_names_and_nothing_else():
    assert is_icon_soup("facebook twitter linkedin")
    assert not is_icon_soup("Follow us on facebook")
    assert not is_icon_soup("close")


def test_menu_runs_are_short_capitalised_lines_in_a_row():
    lines = [
        "top of page",
        "Adults'",
        "",
        "All features",
        "Training",
        "Children's",
        "",
        "A headline",
    ]
    assert menu_runs(lines) == {1, 3, 4, 5, 7}


def test_two_short_lines_are_not_a_menu():
    assert menu_runs(["News", "Opinion", "The review opened today, said the chair."]) == set()


def test_a_symbol_between_a_menu_items_words_is_not_a_word():
    lines = [
        "England",
        "Local News",
        "North East & Cumbria",
        "",
        "Grandparents raising grandchildren",
    ]
    assert menu_runs(lines) == {0, 1, 2}
    assert not is_menu_item("North East and Cumbria Today")

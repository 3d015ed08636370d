from articles.parsing.authority import OutletProfile
from articles.parsing.outlet import UNKNOWN_OUTLET, identify_outlet

SWT = OutletProfile(name="Social Work Today", signals=("SWT_", "Most popular articles today"))
REVIEW = OutletProfile(
    name="Independent Review",
    homepage="https://review.example.org",
    signals=("review@example.org",),
)
CYP = OutletProfile(name="Children & Young People Now", aliases=("CYP Now",))
PROFILES = (SWT, REVIEW, CYP)


def test_most_signals_win():
    text = "Contact review@example.org.\nSWT_SideAd1.png\nMost popular articles today"
    match = identify_outlet(text, PROFILES)
    assert (match.name, match.known, match.profile) == ("Social Work Today", True, SWT)


def test_signals_match_across_line_breaks():
    assert identify_outlet("Most popular\narticles today", PROFILES).profile is SWT


def test_a_page_that_names_a_known_outlet_by_an_alias():
    text = "The chair told MPs it would report soon, and told CYP Now that more was to come."
    assert identify_outlet(text, PROFILES).name == "Children & Young People Now"


def test_an_email_at_a_known_outlets_domain():
    assert identify_outlet("Write to press@review.example.org", PROFILES).profile is REVIEW


def test_a_page_naming_an_unknown_outlet_keeps_that_name():
    text = "Body text.\nCare Weekly is an independent magazine for carers.\n© 2022 Care Weekly Ltd"
    match = identify_outlet(text, PROFILES)
    assert (match.name, match.known) == ("Care Weekly", False)
    assert identify_outlet("© 2022 Care Weekly Ltd. All rights reserved.", ()).name == "Care Weekly"


def test_told_someone_does_not_name_an_unknown_outlet():
    match = identify_outlet("The minister told Parliament on Tuesday.", PROFILES)
    assert (match.name, match.known) == (UNKNOWN_OUTLET, False)


def test_telling_an_official_body_does_not_make_the_page_its_own():
    official = OutletProfile(name="Independent Review", kind="official")
    match = identify_outlet("Parents told the Independent Review about delays.", (official,))
    assert (match.name, match.known) == (UNKNOWN_OUTLET, False)


def test_a_charity_footer_names_the_charity_as_the_outlet():
    text = "Our response.\nAction for Children is a registered charity in England and Wales."
    assert identify_outlet(text, PROFILES).name == "Action for Children"


def test_a_page_title_on_the_first_line_names_a_known_outlet():
    text = "Care review calls for reset | Society | CYP Now\nBody text about the review."
    assert identify_outlet(text, PROFILES).profile is CYP
    assert identify_outlet("Care review | Society | Weekly Times\nBody.", PROFILES).name == (
        UNKNOWN_OUTLET
    )


def test_a_copyright_owners_legal_form_is_not_the_outlets_name():
    assert (
        identify_outlet("Some text.\nReddit Inc © 2022. All rights reserved", []).name == "Reddit"
    )
    assert identify_outlet("Some text.\n© 2021 Example News Ltd.", []).name == "Example News"


def test_a_platforms_chrome_outranks_the_posters_name_its_thread_repeats():
    platform = OutletProfile(
        name="Threadly", signals=("Show replies", "Trending now", "Who to follow")
    )
    post = (
        "Amara Quinn\n@amaraquinn\nThe care review is out today. A thread.\n\n"
        "Amara Quinn\n@amaraquinn\n2/ It says families need help, not investigation.\n\n"
        "Show replies\nTrending now\nWho to follow\n"
    )
    assert identify_outlet(post, (*PROFILES, platform)).profile is platform
    # With fewer of its signals, the name the page repeats is still the site's.
    blog = post.replace("Trending now\n", "")
    assert identify_outlet(blog, (*PROFILES, platform)).name == "Amara Quinn"

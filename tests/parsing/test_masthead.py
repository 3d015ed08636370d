import pytest

from articles.parsing.authority import OutletProfile
from articles.parsing.masthead import find_masthead, is_name_shaped
from articles.parsing.outlet import identify_outlet


@pytest.mark.parametrize(
    "text, name",
    [
        ("THE TIMES\nToday's paper\nSections\n", "The Times"),
        ("Skip to content\nSky News - back to home\nWatch Live\nHome\nUK\n", "Sky News"),
        (
            "We use cookies to improve this site.\nAccept all cookies\nITV News\nGranada\n",
            "ITV News",
        ),
        ("Open in app\nSign up\nSign in\nWrite\nMedium\nSocial Work Voices\n", "Medium"),
        (
            "View this email in your browser\nHELEN MARLOWE MP\nWorking hard for you\n",
            "Helen Marlowe MP",
        ),
        ("PSW | July 2021\nProfessional Social Work\n", "PSW"),
        # An issue's season or month under the name dates the publication, not a headline.
        ("Kinship News\nSpring 2023\nThe newsletter for kinship carers\n", "Kinship News"),
        ("Who Cares? Scotland\nHome\nAbout us\n", "Who Cares? Scotland"),
        (
            "Children in care living miles from home, as review calls for change - Manchester\n"
            "Manchester Evening News\nNews\n",
            "Manchester Evening News",
        ),
        # A platform's own headings over a post ("Post", "Conversation") are chrome.
        ("Post\n\nSee new posts\n\nConversation\n\nAmara Quinn\n@amaraquinn\n", "Amara Quinn"),
    ],
)
def test_the_first_name_shaped_line_after_the_chrome_is_the_masthead(text, name):
    assert find_masthead(text) == name


@pytest.mark.parametrize(
    "text",
    [
        "Care Review launches penultimate stage of project\nFiona Simpson\n",
        "Care Review Launches Final Stage\n9 November 2021\n",  # a headline's day
        "This page answers some of the commonly asked questions about the Review.\n",
        "Menu\nHome\nAbout\nCampaigns\nResources\nBlog\n",
        "top of page\nAdults'\nAll features\n",
    ],
)
def test_a_page_opening_with_a_headline_prose_or_its_menu_has_no_masthead(text):
    assert find_masthead(text) == ""


def test_name_shapes():
    assert is_name_shaped("Action for Children")
    assert is_name_shaped("GOV.UK")
    assert not is_name_shaped("Grandparents raising children should be paid")
    assert not is_name_shaped("Read more.")
    # A name that lists its words; a comma closes only a list's word, never the name.
    assert is_name_shaped("Tea, Toast and Teenagers")
    assert not is_name_shaped("Tea, Toast and Teenagers,")
    assert not is_name_shaped("Home, then away")


def test_the_masthead_beats_the_publishers_copyright():
    text = "THE TIMES\nSections\n\nA story.\n© Times Media Limited 2022.\n"
    assert identify_outlet(text, ()).name == "The Times"


def test_a_masthead_naming_a_profile_gives_that_profile():
    profile = OutletProfile(name="The Independent", aliases=("Independent",), signals=("x-y-z",))
    assert (
        identify_outlet("Skip to main content\nIndependent\nNews\n", (profile,)).profile is profile
    )


def test_the_name_before_a_copyright_sign_is_the_owner():
    assert (
        identify_outlet("A post.\n\nExample Network © 2024\nAbout\n", ()).name == "Example Network"
    )


def test_a_site_naming_itself_twice_keeps_its_name_over_a_link_to_a_known_outlet():
    guardian = OutletProfile(name="The Guardian", signals=("theguardian.com",))
    text = (
        "Skip to content\nThe Kinship Corner\nHome\nA post.\n"
        "As https://www.theguardian.com/society reported, the review is out.\n"
        "© 2022 The Kinship Corner\n"
    )
    assert identify_outlet(text, (guardian,)).name == "The Kinship Corner"
    # Named only once, the masthead yields to the known outlet's own chrome.
    assert identify_outlet(text.replace("© 2022 The Kinship Corner", ""), (guardian,)).name == (
        "The Guardian"
    )


def test_a_publisher_is_not_the_outlet():
    text = "LocalGov\nNews\nJobs\nCouncils face rising costs\nA story.\n© Hemming Group Ltd 2022\n"
    assert identify_outlet(text, ()).name == "LocalGov"

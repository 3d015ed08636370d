"""fixtures/outlets.toml is data the parser trusts: check it is well formed."""

import re

import pytest

from articles.parsing.authority import load_authority
from articles.parsing.dates import ORDERS
from articles.parsing.furniture import furniture_for
from articles.parsing.names import normalise_name
from articles.parsing.outlet import UNKNOWN_OUTLET, identify_outlet

from .seeds import ROOT

PROFILES = load_authority(
    ROOT / "fixtures" / "authority.toml", ROOT / "fixtures" / "outlets.toml"
).outlets


def test_the_outlets_the_archive_meets_have_profiles():
    assert {profile.name for profile in PROFILES} >= {
        "Community Care",
        "The Guardian",
        "BBC News",
        "GOV.UK",
        "Children & Young People Now",
        "Social Work Today",
        "Children First",
        "Independent Review of Children’s Social Care",
    }


def test_names_and_aliases_are_unique():
    names = [normalise_name(name) for p in PROFILES for name in (p.name, *p.aliases)]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: p.name)
def test_profile_is_well_formed(profile):
    assert profile.signals
    assert profile.kind in {"trade", "national", "official", "charity", "campaign"}
    assert profile.article_kind in {"news", "opinion", "official"}
    assert profile.date_order in ORDERS
    assert profile.homepage == "" or profile.homepage.startswith("https://")
    for pattern in profile.furniture:
        re.compile(pattern)
    assert furniture_for(profile.furniture) is not None


def test_generic_chrome_does_not_identify_an_outlet():
    """A sidebar heading or an advert's file name is on many sites' pages."""
    text = "A story about the review.\nFeatured event\nSWT_SideAd1.png\n"
    assert identify_outlet(text, PROFILES).name == UNKNOWN_OUTLET


@pytest.mark.parametrize(
    "phrase", ["More on this story", "Is this page useful?", "Open Government Licence"]
)
def test_chrome_many_sites_share_is_no_signal(phrase):
    """Other broadcasters' related-stories boxes, public bodies on the GOV.UK design system."""
    assert all(phrase not in profile.signals for profile in PROFILES)


@pytest.mark.parametrize(
    ("outlet", "line"),
    [
        ("Times Radio", "Times Radio Breakfast is on weekdays from 6am."),
        ("The Fostering Network", "Fosterline: free, confidential advice for foster carers."),
        ("UK Parliament", "This is a corrected transcript of evidence taken in public."),
        ("UK Parliament", "Read the full debate"),
        ("Family Law Week", "Family Law Week is pleased to announce its sponsorship of a podcast."),
    ],
)
def test_an_outlets_own_chrome_is_furniture_on_its_pages_only(outlet, line):
    profile = next(profile for profile in PROFILES if profile.name == outlet)
    assert furniture_for(profile.furniture).is_furniture(line)
    assert not furniture_for(()).is_furniture(line)


GUARDIAN_TEMPLATE = (
    "Skip to main content\nSkip to navigation\n{masthead}\nPrint subscriptions\nSign in\n"
    "News\nOpinion\n\nCare review calls for a radical reset\n\n"
    "© 2022 Guardian News & Media Limited or its affiliated companies. All rights reserved.\n"
    "Explore more on these topics\nReuse this content\n"
)


@pytest.mark.parametrize(
    ("masthead", "outlet"),
    [("The Observer", "The Observer"), ("The Guardian - Back to home", "The Guardian")],
)
def test_the_observer_and_the_guardian_share_a_template_and_their_mastheads_tell_them_apart(
    masthead, outlet
):
    page = GUARDIAN_TEMPLATE.format(masthead=masthead)
    assert identify_outlet(page, PROFILES).name == outlet

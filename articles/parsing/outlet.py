"""Which outlet a page comes from.

In order: the masthead (masthead.py) when it names a known profile; the
masthead's own name when the page names it again (a footer, "About X", a
dateline), so that an unknown site linking to or quoting a known outlet keeps
its own name; the profiles' signals (fixtures/outlets.toml), the profile with
the most distinct signals on the page winning; a page title on the first line
ending in a known outlet's name ("... | The Guardian"); any other masthead;
then what the page says of itself elsewhere: a self-description ("Children
First is an online resource ... presented by WillisPalmer"), a name it
reports under ("told CYP Now"), an e-mail address at a known outlet's domain,
and last the copyright owner ("© 2021 Example News"), since a publisher is
often not the outlet. Only a page that names nothing is "Unknown outlet".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from .authority import OutletProfile
from .masthead import find_masthead
from .names import normalise_name
from .vocabulary import alternation

UNKNOWN_OUTLET = "Unknown outlet"
# A masthead the page names this many times (itself included) outranks the profiles' signals.
MASTHEAD_CONFIRMATIONS = 2
# ... unless this many of a profile's signals are on the page.
PLATFORM_SIGNALS = 3
# Only the press is "told" things as an outlet; people also tell the review or a minister.
PRESS_KINDS = frozenset({"trade", "national"})

_WORD = r"[A-Z][\w&’'-]*(?:\.\w+)*"
_NAME = rf"{_WORD}(?: (?:&|of|for|and|{_WORD})){{0,5}}"
_TOLD = re.compile(rf"\b(?:told|speaking to|interview with) (?:the )?(?P<name>{_NAME})")
_SELF_DESCRIPTION = re.compile(
    rf"(?P<name>{_NAME}) is (?:an?|the) (?:[\w-]+ ){{0,5}}?(?:resource|magazine|website|"
    r"publication|newspaper|journal|news (?:service|site|website)|registered charity)\b"
)
# "© 2021 Example News", and the name first: "Example News © 2024".
_COPYRIGHT = re.compile(
    rf"(?:©|\(c\)|Copyright)\s*(?:\d{{4}}\s*)?(?P<name>{_NAME})"
    rf"|(?<![\w&’'-])(?P<owner>{_NAME}) (?:©|\(c\)|Copyright) ?\d{{4}}"
)
# A page title heading the dump ("Care review calls for reset | Society | The Guardian").
_TITLE_SUFFIX = re.compile(r".+\s[|–—-]\s(?P<name>[^|–—]{2,60})")
_EMAIL_DOMAIN = re.compile(r"\b[\w.+-]+@(?P<domain>[\w-]+(?:\.[\w-]+)+)")
# The company's legal form and the words of "All rights reserved" or a run-on name.
_TRAILING_WORDS = re.compile(
    rf"(?:\s+(?:{alternation('header.company_suffixes')}|All|and|of|for|&))+\.?$"
)


@dataclass(frozen=True)
class OutletMatch:
    name: str
    profile: OutletProfile | None = None

    @property
    def known(self) -> bool:
        return self.profile is not None


def identify_outlet(
    text: str, profiles: Sequence[OutletProfile], masthead: str | None = None
) -> OutletMatch:
    """The page's outlet; ``masthead`` is ``find_masthead(text)`` when the caller has it."""
    flat = " ".join(text.split())
    masthead = find_masthead(text) if masthead is None else masthead
    named = masthead and _profile_named(masthead, profiles)
    if named:
        return OutletMatch(named.name, named)
    signalled, signals = _best_by_signals(flat, profiles)
    # A masthead the page names again is the site, unless a profile's chrome is all over the
    # page (a post on a platform, headed by its writer's name, which the thread repeats).
    if masthead and _recurs(masthead, flat) and signals < PLATFORM_SIGNALS:
        return OutletMatch(masthead)
    known = signalled or _profile_in_title(text, profiles)
    if known:
        return OutletMatch(known.name, known)
    if masthead:
        return OutletMatch(masthead)
    own_names = _names_the_page_gives(flat)
    press = [profile for profile in profiles if profile.kind in PRESS_KINDS]
    for source, name in own_names:
        profile = _profile_named(name, press if source is _TOLD else profiles)
        if profile is not None:
            return OutletMatch(profile.name, profile)
    for match in _EMAIL_DOMAIN.finditer(flat):
        profile = _profile_at_domain(match["domain"], profiles)
        if profile is not None:
            return OutletMatch(profile.name, profile)
    # "told X" names whoever was told (MPs, a committee): it never names an unknown outlet.
    unknown_names = [name for source, name in own_names if source is not _TOLD]
    return OutletMatch(unknown_names[0] if unknown_names else UNKNOWN_OUTLET)


def _recurs(masthead: str, flat: str) -> bool:
    """The page names its masthead again (its footer, "About X", a dateline): it is the site."""
    page = normalise_name(flat)
    return page.count(normalise_name(masthead)) >= MASTHEAD_CONFIRMATIONS


def _best_by_signals(
    flat: str, profiles: Sequence[OutletProfile]
) -> tuple[OutletProfile | None, int]:
    """The profile with the most distinct signals on the page, and how many it has."""
    best, best_score = None, 0
    for profile in profiles:
        score = sum(1 for signal in profile.signals if signal in flat)
        if score > best_score:
            best, best_score = profile, score
    return best, best_score


def _profile_in_title(text: str, profiles: Sequence[OutletProfile]) -> OutletProfile | None:
    """The known outlet a page title on the dump's first line ends with."""
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    match = _TITLE_SUFFIX.fullmatch(first_line.strip())
    return _profile_named(match["name"], profiles) if match else None


def _names_the_page_gives(flat: str) -> list[tuple[re.Pattern, str]]:
    """(pattern, name) for every name the page gives itself, self-descriptions first."""
    found = []
    for pattern in (_SELF_DESCRIPTION, _COPYRIGHT, _TOLD):
        for match in pattern.finditer(flat):
            name = _TRAILING_WORDS.sub("", match.groupdict().get("owner") or match["name"]).strip()
            if name:
                found.append((pattern, name))
    return found


def _profile_named(name: str, profiles: Sequence[OutletProfile]) -> OutletProfile | None:
    wanted = normalise_name(name)
    for profile in profiles:
        if wanted in {normalise_name(n) for n in (profile.name, *profile.aliases)}:
            return profile
    return None


def _profile_at_domain(domain: str, profiles: Sequence[OutletProfile]) -> OutletProfile | None:
    domain = domain.lower().removeprefix("www.")
    for profile in profiles:
        host = urlsplit(profile.homepage).hostname or ""
        if host and host.removeprefix("www.") == domain:
            return profile
    return None

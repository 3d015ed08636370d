"""Curated knowledge, read from TOML files in ``fixtures/``.

The authority file names the people, organisations and review bodies the archive
already knows, with every spelling seen; the outlets file describes each known
outlet's pages. The parser uses both as data: nothing here is specific to a seed.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class KnownPerson:
    name: str
    role: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class KnownOrganisation:
    name: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    # Its names that are also everyday words ("Frontline", "Become"): capitalised, they
    # may just open a sentence, so they name the organisation only inside one.
    everyday_forms: tuple[str, ...] = ()


@dataclass(frozen=True)
class KnownReviewBody:
    name: str
    aliases: tuple[str, ...] = ()
    # Short forms ("the Board") that count only after the body was named in full.
    short_forms: tuple[str, ...] = ()
    purpose: str = ""


@dataclass(frozen=True)
class OutletProfile:
    name: str
    homepage: str = ""
    kind: str = "trade"  # trade, national, official, charity, campaign
    # Other names the outlet goes by ("CYP Now"), for pages that name their outlet.
    aliases: tuple[str, ...] = ()
    # Strings whose presence identifies a page of this outlet.
    signals: tuple[str, ...] = ()
    # Regular expressions, matched against whole lines, of this outlet's page furniture.
    furniture: tuple[str, ...] = ()
    # "dmy" (19/04/21 is 19 April 2021) or "mdy".
    date_order: str = "dmy"
    article_kind: str = "news"


@dataclass(frozen=True)
class Authority:
    people: tuple[KnownPerson, ...] = ()
    organisations: tuple[KnownOrganisation, ...] = ()
    review_bodies: tuple[KnownReviewBody, ...] = ()
    outlets: tuple[OutletProfile, ...] = field(default_factory=tuple)
    # Outlet name -> fingerprints of the lines that recur on its pages (chrome.py), learned
    # from the archive; empty until the loader fills it. Left out of hashing: the caches
    # keyed on an Authority (known names) do not depend on it.
    learned_chrome: dict[str, frozenset[str]] = field(
        default_factory=dict, hash=False, compare=False
    )


def _tuple(entry: dict, key: str) -> tuple[str, ...]:
    return tuple(entry.get(key, ()))


def parse_authority(authority: dict, outlets: dict) -> Authority:
    """Build an Authority from already-parsed TOML documents."""
    return Authority(
        people=tuple(
            KnownPerson(name=p["name"], role=p.get("role", ""), aliases=_tuple(p, "aliases"))
            for p in authority.get("person", [])
        ),
        organisations=tuple(
            KnownOrganisation(
                name=o["name"],
                aliases=_tuple(o, "aliases"),
                description=o.get("description", ""),
                everyday_forms=_tuple(o, "everyday_forms"),
            )
            for o in authority.get("organisation", [])
        ),
        review_bodies=tuple(
            KnownReviewBody(
                name=b["name"],
                aliases=_tuple(b, "aliases"),
                short_forms=_tuple(b, "short_forms"),
                purpose=b.get("purpose", ""),
            )
            for b in authority.get("review_body", [])
        ),
        outlets=tuple(
            OutletProfile(
                name=o["name"],
                homepage=o.get("homepage", ""),
                kind=o.get("kind", "trade"),
                aliases=_tuple(o, "aliases"),
                signals=_tuple(o, "signals"),
                furniture=_tuple(o, "furniture"),
                date_order=o.get("date_order", "dmy"),
                article_kind=o.get("article_kind", "news"),
            )
            for o in outlets.get("outlet", [])
        ),
    )


@lru_cache(maxsize=8)
def load_authority(authority_path: Path, outlets_path: Path) -> Authority:
    """Read and cache the two TOML files (paths are part of the cache key)."""
    with open(authority_path, "rb") as authority_file, open(outlets_path, "rb") as outlets_file:
        return parse_authority(tomllib.load(authority_file), tomllib.load(outlets_file))

"""Each outlet profile's signals are its own chrome: none occurs on another outlet's pages.

The pages are the development corpus (tests/corpus), the seeds and the held-out pages, each
with the outlets its truth accepts; a page of an outlet with no profile may carry no signal.
"""

import json
import tomllib

import pytest

from articles.parsing.names import normalise_name

from .seeds import EXPECTED, ROOT, SEED_NAMES, seed_text
from .test_outlets_file import PROFILES

CORPUS = ROOT / "tests" / "corpus"
HELDOUT = ROOT / "tests" / "parsing" / "heldout"


def _pages() -> list[tuple[str, str, set[str]]]:
    """(page id, text, the names its outlet may go by)."""
    pages = [
        (
            entry["file"],
            (CORPUS / "pages" / entry["file"]).read_text(encoding="utf-8"),
            set(entry["outlet_any"]),
        )
        for entry in json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))
    ]
    pages += [(name, seed_text(name), set(EXPECTED[name]["outlet_any"])) for name in SEED_NAMES]
    heldout = tomllib.loads((HELDOUT / "expected.toml").read_text(encoding="utf-8"))
    pages += [
        (key, (HELDOUT / f"{key}.txt").read_text(encoding="utf-8"), {entry["outlet"]})
        for key, entry in heldout.items()
    ]
    return pages


def _is_page_of(profile, outlet_names: set[str]) -> bool:
    own = {normalise_name(name) for name in (profile.name, *profile.aliases)}
    return bool(own & {normalise_name(name) for name in outlet_names})


@pytest.mark.parametrize("page_id, text, outlet_names", _pages(), ids=lambda v: str(v)[:40])
def test_no_profile_signal_is_on_another_outlets_page(page_id, text, outlet_names):
    flat = " ".join(text.split())
    stray = [
        (profile.name, signal)
        for profile in PROFILES
        if not _is_page_of(profile, outlet_names)
        for signal in profile.signals
        if signal in flat
    ]
    assert stray == []

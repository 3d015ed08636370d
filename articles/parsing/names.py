"""Name normalisation shared by the parser and the database look-ups."""

import re
import unicodedata

_TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_SPACE = re.compile(r"\s+")


def normalise_name(name: str) -> str:
    """Case-, accent-spacing- and typography-insensitive form of a name, for matching."""
    text = unicodedata.normalize("NFKC", name).translate(_TYPOGRAPHY)
    return _SPACE.sub(" ", text).strip().casefold()

"""Name normalisation shared by the parser and the database look-ups."""

import unicodedata

# Typographic characters and the plain ones they stand for. Replaced one by one:
# str.replace is several times faster than str.translate with a mapping, which looks
# every character up, and the result is the same (each maps one character to one).
_TYPOGRAPHY = (
    ("’", "'"),
    ("‘", "'"),
    ("`", "'"),
    ("“", '"'),
    ("”", '"'),
    ("–", "-"),
    ("—", "-"),
)


def normalise_name(name: str) -> str:
    """Case-, accent-spacing- and typography-insensitive form of a name, for matching."""
    text = unicodedata.normalize("NFKC", name)
    for typographic, plain in _TYPOGRAPHY:
        text = text.replace(typographic, plain)
    return " ".join(text.split()).casefold()

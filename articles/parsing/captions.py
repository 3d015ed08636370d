"""Picture captions: a line that describes a picture, or that stands under its credit."""

from __future__ import annotations

import re

from .furniture import is_media_marker
from .lines import ends_sentence, word_count
from .vocabulary import alternation

# A line printed twice in a row is a picture's caption, unless it is a whole paragraph.
CAPTION_MAX_WORDS = 40

_AGENCY = alternation("furniture.picture_agencies")
_PICTURE_WORD = alternation("furniture.picture_words")
_NOTE = alternation("furniture.picture_notes")
# A description, then who took the picture ("... earlier this year. Picture: Josh MacAlister",
# "... in the Commons today. Pic: PA").
_CAPTION = re.compile(
    rf".{{10,}}?[\s.,;:–—-](?:{_PICTURE_WORD})s?(?: credits?)?\s*:\s*\S.{{0,100}}"
)
# A description closed by its credit or note in brackets ("... (Getty Images/iStockphoto)",
# "... risen by almost a quarter in a decade (stock image)").
_BRACKETED_CREDIT = re.compile(
    rf".{{10,}}?\s\((?:[^()]*\b(?:{_AGENCY}|{_NOTE}|{_PICTURE_WORD})\b[^()]*)\)"
)
# A description closed by its copyright credit: a photographer and agency, or an agency
# ("... ‘is not working’ © Jason Alden/Bloomberg", "... last year © Getty Images").
_COPYRIGHT_CREDIT = re.compile(
    rf".{{10,}}?\s©\s*(?:[A-Z][^/©]{{1,40}}/\s*[A-Z][^/©]{{1,40}}|[^©\d]*\b(?:{_AGENCY})\b[^©]*)"
)
_LABELLED_CAPTION = re.compile(r"(?:image |media )?caption\s*[,:]\s*(?P<text>.+)", re.IGNORECASE)
# The label alone, its caption on the next line ("Image caption," / "Maureen Fenwick at home").
_CAPTION_LABEL = re.compile(r"(?:image |media )?caption\s*[,:]?", re.IGNORECASE)


def caption(line: str) -> str:
    """The caption a line is ("... Picture: Jane Doe", "... (PA)", "... © Jane Doe/PA",
    "Image caption, ..."), or ""."""
    labelled = _LABELLED_CAPTION.fullmatch(line)
    if labelled:
        return labelled["text"]
    credited = (
        _CAPTION.fullmatch(line)
        or _BRACKETED_CREDIT.fullmatch(line)
        or ("©" in line and _COPYRIGHT_CREDIT.fullmatch(line))
    )
    return line if credited else ""


def credited_caption(lines: list[str], index: int) -> str:
    """An unpunctuated line under a picture agency's credit, a video player's controls
    ("Play video", "4m 32s") or a caption's label alone ("Image caption,") is a caption."""
    line = lines[index]
    above = lines[index - 1] if index > 0 else ""
    credited = is_media_marker(above) or bool(_CAPTION_LABEL.fullmatch(above))
    return (
        line
        if credited and not ends_sentence(line) and word_count(line) <= CAPTION_MAX_WORDS
        else ""
    )

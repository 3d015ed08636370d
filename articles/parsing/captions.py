"""Picture captions: a line that describes a picture, or that stands under its credit."""

from __future__ import annotations

import re

from .furniture import is_picture_credit
from .lines import ends_sentence, word_count

# A line printed twice in a row is a picture's caption, unless it is a whole paragraph.
CAPTION_MAX_WORDS = 40

# A description, then who took the picture ("... earlier this year. Picture: Josh MacAlister").
_CAPTION = re.compile(
    r".{10,}?[\s.,;:–—-](?:Picture|Photo|Photograph|Image|Illustration)s?"
    r"(?: credits?)?\s*:\s*\S.{0,100}"
)
_LABELLED_CAPTION = re.compile(r"(?:image )?caption\s*[,:]\s*(?P<text>.+)", re.IGNORECASE)


def caption(line: str) -> str:
    """The caption a line is ("... Picture: Jane Doe", "Image caption, ..."), or ""."""
    labelled = _LABELLED_CAPTION.fullmatch(line)
    if labelled:
        return labelled["text"]
    return line if _CAPTION.fullmatch(line) else ""


def credited_caption(lines: list[str], index: int) -> str:
    """An unpunctuated line under a picture agency's credit is the picture's caption."""
    line = lines[index]
    credited = index > 0 and is_picture_credit(lines[index - 1])
    return (
        line
        if credited and not ends_sentence(line) and word_count(line) <= CAPTION_MAX_WORDS
        else ""
    )

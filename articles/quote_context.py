"""Where a quote stands in its article: the paragraph that holds it (pure text code).

Quotes are stored as the loader cut them, which can differ from the paragraph in
spacing or in the shape of quotation marks and apostrophes; both are compared
folded. A quote that spans paragraphs is found by its opening words.
"""

import re
from dataclasses import dataclass

OPENING_WORDS = 6
_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class QuoteInParagraph:
    before: str
    quoted: str  # the quote's own words as the paragraph prints them ("" when not located)
    after: str

    @property
    def paragraph(self) -> str:
        return self.before + self.quoted + self.after


def _fold(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_FOLD)).strip().casefold()


def _located(paragraph: str, quote: str) -> QuoteInParagraph | None:
    """The paragraph split around the quote, if it prints the quote verbatim but for
    spacing and the shape of quotation marks (folding keeps every character's place
    except runs of spaces, so the split is searched on a spacing-free match)."""
    pattern = r"\s+".join(re.escape(word.translate(_FOLD)) for word in quote.split())
    folded = paragraph.translate(_FOLD)
    match = re.search(pattern, folded, re.IGNORECASE) if pattern else None
    if match is None:
        return None
    return QuoteInParagraph(
        paragraph[: match.start()], paragraph[match.start() : match.end()], paragraph[match.end() :]
    )


def surrounding_paragraph(paragraphs: list[str], quote: str) -> QuoteInParagraph | None:
    """The paragraph that prints ``quote`` (the quote marked in it), else the one that
    opens with its first words, else None."""
    for paragraph in paragraphs:
        if found := _located(paragraph, quote):
            return found
    opening = " ".join(_fold(quote).split()[:OPENING_WORDS])
    for paragraph in paragraphs:
        if opening and opening in _fold(paragraph):
            return QuoteInParagraph(paragraph, "", "")
    return None

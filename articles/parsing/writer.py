"""The writer of a page without a byline, from where English pages name one otherwise.

A standfirst that opens with the writer ("Jane Doe, Barrister, Example Chambers,
considers ..."), a letter's sign-off ("With best wishes," / "Jane", the first
name of the person whose newsletter it is), a writer's bio closing the
article ("Jane Doe is director of Example Trust."), or the box about the author
under it ("About the author" / "Jane Doe is a senior lecturer ..."). The word lists are in
fixtures/lexicon.toml (``header``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from itertools import pairwise

from .header import bare_name
from .vocabulary import alternation, lowered

# A sign-off ("With best wishes," / "Helen") stands right where the body ends.
SIGN_OFF_LINES = 2
# A bio is a short paragraph.
BIO_MAX_WORDS = 40


@cache
def _standfirst_writer() -> re.Pattern:
    return re.compile(
        rf"(?P<name>[^,]{{3,60}})(?:,[^,]{{2,80}}){{0,3}},?\s+"
        rf"(?:{alternation('header.standfirst_writer_verbs')})\b"
    )


_BIO = re.compile(r"\*?(?P<name>[^,.]{3,60}?) is (?:an? |the )?\w")
_FIRST_SENTENCE = re.compile(r".+?(?:[.!?](?=\s)|$)")


def writer_of(
    standfirst: str, paragraphs: list[str], masthead: str, after_body: Sequence[str] = ()
) -> str:
    """The writer a page names outside a byline, or "". A letter's sign-off ends its
    article, so it may stand in the first lines after the body (``after_body``)."""
    return (
        _writer_in_standfirst(standfirst)
        or _writer_signing_off([*paragraphs, *after_body[:SIGN_OFF_LINES]], masthead)
        or _writer_in_bio(paragraphs)
        or _writer_in_author_box(after_body)
    )


def writer_on_platform(first_line: str, platform_names: Sequence[str]) -> str:
    """The writer a platform's page title names: "Priya Natarajan on LinkedIn: Eight
    months after …", "Jane Doe on X: “…”" (``platform_names``: the page's outlet's)."""
    for platform in platform_names:
        name, on, _ = first_line.partition(f" on {platform}: ")
        if on:
            return bare_name(name)
    return ""


def _writer_in_standfirst(standfirst: str) -> str:
    match = _standfirst_writer().match(standfirst)
    return bare_name(match["name"]) if match else ""


def _writer_signing_off(paragraphs: list[str], masthead: str) -> str:
    """The name under a valediction; a first name alone is the masthead's person's."""
    valedictions = lowered("header.valedictions")
    for before, signed in pairwise(paragraphs):
        if before.rstrip(",.!").lower() not in valedictions:
            continue
        if full := bare_name(signed):
            return full
        person = without_post_nominals(masthead)
        first_name = signed.strip()
        if bare_name(person) and person.split()[0] == first_name:
            return person
    return ""


def _writer_in_bio(paragraphs: list[str]) -> str:
    """A closing "Jane Doe is ..." about someone the article has not named before."""
    if len(paragraphs) < 2:
        return ""
    name = _bio_subject(paragraphs[-1])
    earlier = " ".join(paragraphs[:-1])
    return name if name and name.split()[-1] not in earlier else ""


def _writer_in_author_box(after_body: Sequence[str]) -> str:
    """The person an "About the author" box under the article introduces ("About the
    author" / "Jane Doe is a senior lecturer in social work. She ...")."""
    labels = lowered("header.author_box_labels")
    for label, bio in pairwise(after_body):
        if label.strip().rstrip(":").lower() in labels:
            match = _BIO.match(_FIRST_SENTENCE.match(bio).group())
            return bare_name(match["name"]) if match else ""
    return ""


def is_writer_bio(paragraphs: list[str], author: str) -> bool:
    """Whether the last paragraph is the writer's bio ("Jane Doe is a researcher at ..."),
    which is about the page, not part of the article."""
    name = _bio_subject(paragraphs[-1]) if len(paragraphs) > 1 and author else ""
    return bool(name) and without_post_nominals(author).split()[-1] == name.split()[-1]


def _bio_subject(paragraph: str) -> str:
    if len(paragraph.split()) > BIO_MAX_WORDS:
        return ""
    match = _BIO.match(paragraph)
    return bare_name(match["name"]) if match else ""


def without_post_nominals(name: str) -> str:
    """ "Jane Doe MP" is Jane Doe."""
    post_nominals = {word.lower() for word in lowered("header.post_nominals")}
    words = name.split()
    while words and words[-1].lower() in post_nominals:
        words.pop()
    return " ".join(words)


def unsigned_title(title: str, author: str) -> str:
    """A headline without the writer's name that an opinion page signs it with ("… the
    hard part too - Iona Drummond-Rae")."""
    if not author:
        return title
    signature = re.search(rf"\s+[-–—|]\s+{re.escape(author)}\s*$", title)
    return title[: signature.start()] if signature else title

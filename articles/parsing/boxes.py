"""Labelled boxes: a block of page furniture announced by its first line.

Pages set some furniture in a box with a label on top: a list of links to other
stories under "Read more:", an author's disclosure under "Disclosure statement",
the author's box under "Written by ...",
a promotion under its call to action ("Apply to the Frontline programme", then a
line on how to apply). The label's block (the lines up to the next blank line)
is the box. Where a page has no blank lines, or the block is long, only the
lines under the label that are not running prose belong to the box, so a box
never swallows the article's paragraphs.

A list of other stories is also known by its items alone: two or more headlines in a
row, each with its date after a dash or bar ("Met Police officer charged with
misconduct - 23 May 2022"), under a short label if it has one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import cache

from .dates import parse_date
from .lines import ends_sentence, is_headline, is_prose, word_count
from .vocabulary import alternation

# A block this long is more than a box: only its non-prose lines under the label are.
BOX_MAX_LINES = 4
# A call to action is a short line; a label before it ("BASW members:") a few words.
CALL_TO_ACTION_MAX_WORDS = 20
LABEL_MAX_WORDS = 4
# A promotion's line: its sentences, then the call to action.
PROMOTION_MAX_WORDS = 40
# An author's box opens on a name ("Written by Tom Reyes").
NAME_MAX_WORDS = 4
# A framed box (a heading, a line or two of blurb, its button) is a short block.
FRAMED_MIN_LINES = 3
FRAMED_MAX_LINES = 6
# A pitch and its button alone make a box too ("Become a subscriber ..." / "Subscribe now").
BUTTON_MAX_WORDS = 4


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
# A link's words end a prompt, full stop or not ("Sign up to our daily newsletter here.").
_LINK_HERE = re.compile(r"\bhere[.!]?$")
# A listed story: its headline, a dash or bar, its date ("... - 24 May 2022", "... | 09.03.22").
_DATED_ITEM = re.compile(r"(?P<title>.*\S)\s+[-–—|·]\s+(?P<date>[^-–—|·]+?)\s*")
# A list of stories has two items at least; one headline with a date may be the article's own.
DATED_LIST_MIN_ITEMS = 2


@cache
def _link_label() -> re.Pattern:
    return re.compile(rf"\s*(?:{alternation('furniture.link_labels')})\s*:?\s*", re.IGNORECASE)


@cache
def _box_label() -> re.Pattern:
    return re.compile(rf"\s*(?:{alternation('furniture.box_labels')})\s*:?\s*", re.IGNORECASE)


@cache
def _author_box() -> re.Pattern:
    openers = alternation("furniture.author_box_openers")
    name = rf"[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){{0,{NAME_MAX_WORDS - 1}}}"
    return re.compile(rf"\s*(?i:{openers})\s+{name}\s*")


@cache
def _call_to_action() -> re.Pattern:
    label = rf"[^\W\d][^\s:]*(?: [^\s:]+){{0,{LABEL_MAX_WORDS - 1}}}:\s*"
    verbs = alternation("furniture.call_to_action")
    return re.compile(rf"\s*(?:{label})?(?:{verbs})\b(?!-)", re.IGNORECASE)


@cache
def _call_to_action_sentence() -> re.Pattern:
    verbs = alternation("furniture.call_to_action")
    return re.compile(rf"(?:^|[.!?]\s+)(?:{verbs})\b(?!-)", re.IGNORECASE)


def is_call_to_action(line: str) -> bool:
    """A promotion: a line that closes on a call to action that is not a finished sentence
    (a button, a promo heading), or that points to its link ("... straight to your inbox?
    Sign up to the ECHO's daily newsletter here.")."""
    last = _SENTENCE_BREAK.split(line)[-1]
    return (
        len(line.split()) <= PROMOTION_MAX_WORDS
        and len(last.split()) <= CALL_TO_ACTION_MAX_WORDS
        and (not ends_sentence(last) or bool(_LINK_HERE.search(last)))
        and bool(_call_to_action().match(last))
    )


def is_pitch_and_button(line: str) -> bool:
    """A box's pitch and its button run together on one line ("If you are a child in care,
    our Help at Hand team can give you advice and support. Get help")."""
    return bool(_SENTENCE_BREAK.search(line)) and is_call_to_action(line)


def _is_labelled(line: str) -> bool:
    return bool(
        _link_label().fullmatch(line)
        or _box_label().fullmatch(line)
        or _author_box().fullmatch(line)
    )


def _in_box(line: str, labelled: bool, small: bool) -> bool:
    """Whether a line under a box's opening line is inside the box.

    Under a label, the lines of a small block are; under a call to action, those
    that carry a call to action of their own. Lines that are not prose always are.
    """
    if not is_prose(line):
        return True
    if labelled:
        return small
    return small and bool(_call_to_action_sentence().search(line))


def boxed_lines(lines: Sequence[str], block_ids: Sequence[int]) -> set[int]:
    """Indexes of the lines inside labelled boxes (the labels themselves included)."""
    sizes: dict[int, int] = {}
    for block in block_ids:
        sizes[block] = sizes.get(block, 0) + 1
    boxed: set[int] = set()
    for index, line in enumerate(lines):
        labelled = _is_labelled(line)
        if index in boxed or not (labelled or is_call_to_action(line)):
            continue
        boxed.add(index)
        block = block_ids[index]
        small = len(sizes) > 1 and sizes[block] <= BOX_MAX_LINES
        for under in range(index + 1, len(lines)):
            if block_ids[under] != block or not _in_box(lines[under], labelled, small):
                break
            boxed.add(under)
    return boxed


def is_dated_item(line: str, order: str) -> bool:
    """A line listing another story: a headline, then its date after a dash or bar."""
    if not line[-1:].isdigit():  # a listed story's date ends on its year or day
        return False
    item = _DATED_ITEM.fullmatch(line)
    return bool(item) and is_headline(item["title"]) and parse_date(item["date"], order) is not None


def dated_lists(lines: Sequence[str], block_ids: Sequence[int], order: str) -> set[int]:
    """Indexes of the lines of lists of other stories told by their dated items: a run of
    them in one block, and the short label above it ("Latest UK news", "Related briefings")."""
    listed: set[int] = set()
    index = 0
    while index < len(lines):
        end = index
        while (
            end < len(lines)
            and block_ids[end] == block_ids[index]
            and is_dated_item(lines[end], order)
        ):
            end += 1
        if end - index < DATED_LIST_MIN_ITEMS:
            index = max(end, index + 1)
            continue
        listed.update(range(index, end))
        label = index - 1
        if label >= 0 and block_ids[label] == block_ids[index] and _is_list_label(lines[label]):
            listed.add(label)
        index = end
    return listed


def _is_list_label(line: str) -> bool:
    return word_count(line) <= LABEL_MAX_WORDS and not ends_sentence(line)


def framed_boxes(
    lines: Sequence[str], block_ids: Sequence[int], is_furniture: Callable[[str], bool]
) -> set[int]:
    """Indexes of the lines of framed boxes: short blocks that open and close on furniture.

    A site's promotions are set as a heading, a line or two of blurb and a button
    ("Newsletter" / "Get the best of London every morning" / "Sign up"; "Support us" /
    an appeal / "Contribute"): the blurb between its furniture is the box's, however
    much it reads like a sentence. A block of two lines is a box when its second is a
    button under a pitch ("Become a subscriber to Nursery World and get unlimited access
    ..." / "Subscribe now"). A page without blank lines is one block, and has none.
    """
    members: dict[int, list[int]] = defaultdict(list)
    for index, block in enumerate(block_ids):
        members[block].append(index)
    if len(members) < 2:
        return set()
    framed: set[int] = set()
    for indexes in members.values():
        first, last = lines[indexes[0]], lines[indexes[-1]]
        if (
            FRAMED_MIN_LINES <= len(indexes) <= FRAMED_MAX_LINES
            and _is_frame(first, is_furniture)
            and _is_frame(last, is_furniture)
            and not ends_sentence(last)
        ) or _is_pitch_and_button([lines[index] for index in indexes]):
            framed.update(indexes)
    return framed


def _is_pitch_and_button(block: Sequence[str]) -> bool:
    return (
        len(block) == 2
        and word_count(block[0]) <= PROMOTION_MAX_WORDS
        and word_count(block[1]) <= BUTTON_MAX_WORDS
        and is_call_to_action(block[1])
    )


def _is_frame(line: str, is_furniture: Callable[[str], bool]) -> bool:
    return is_furniture(line) or _is_labelled(line) or is_call_to_action(line)


def block_ids(lines: Sequence[str], blocks: Sequence[Sequence[str]]) -> list[int]:
    """The block each line is in, for lines taken in order from the page's blocks.

    ``lines`` may leave some of the blocks' lines out (learned chrome); a line not
    found in the blocks gets a block of its own.
    """
    positions: dict[str, list[int]] = defaultdict(list)
    owner: list[int] = []
    for number, block in enumerate(blocks):
        for line in block:
            positions[line].append(len(owner))
            owner.append(number)
    ids: list[int] = []
    at = 0
    for line in lines:
        candidates = positions.get(line, [])
        found = bisect_left(candidates, at)
        if found == len(candidates):
            ids.append(-1 - len(ids))
            continue
        ids.append(owner[candidates[found]])
        at = candidates[found] + 1
    return ids

"""The parser's vocabulary, read once from fixtures/lexicon.toml.

Every word list the stages use lives in that one data file; this module only loads it and
builds what the stages match with (sets and regular-expression alternations).
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

LEXICON_PATH = Path(__file__).resolve().parents[2] / "fixtures" / "lexicon.toml"


@cache
def lexicon() -> dict:
    with LEXICON_PATH.open("rb") as handle:
        return tomllib.load(handle)


def word_list(key: str) -> tuple[str, ...]:
    """The list at a dotted key ("names.honorifics"), in the file's order."""
    node = lexicon()
    for part in key.split("."):
        node = node[part]
    return tuple(node)


@cache
def words(key: str) -> frozenset[str]:
    return frozenset(word_list(key))


@cache
def lowered(key: str) -> frozenset[str]:
    """The words at a key in lower case, for case-blind membership tests."""
    return frozenset(word.lower() for word in word_list(key))


@cache
def alternation(key: str) -> str:
    """A regex alternation of the phrases at a key, longest first, each escaped."""
    phrases = sorted(set(word_list(key)), key=len, reverse=True)
    return "|".join(re.escape(phrase) for phrase in phrases)


_PLACEHOLDER = re.compile(r"<<([\w.]+)>>")


@cache
def patterns(key: str) -> tuple[str, ...]:
    """The regular expressions at a key, each <<other.key>> replaced by that list's alternation."""
    return tuple(
        _PLACEHOLDER.sub(lambda found: f"(?:{alternation(found[1])})", pattern)
        for pattern in word_list(key)
    )

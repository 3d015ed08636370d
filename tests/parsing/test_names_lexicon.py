"""The names region of the lexicon: every list used, none defined twice."""

import re
from pathlib import Path

from articles.parsing import lexicon
from articles.parsing.vocabulary import lexicon as data

PARSING = Path(lexicon.__file__).parent
SOURCE = "\n".join(path.read_text(encoding="utf-8") for path in PARSING.glob("*.py"))


def test_every_names_list_is_read_by_the_parser():
    unused = [key for key in data()["names"] if not re.search(rf"[\"']names\.{key}[\"']", SOURCE)]
    assert unused == []


def test_lexicon_py_keeps_no_name_list():
    lists = [name for name in vars(lexicon) if re.fullmatch(r"[A-Z_]+", name)]
    assert lists == ["SPEECH_VERBS"]


def test_lists_that_are_used_together_share_no_word():
    names = data()["names"]
    for first, second in [
        ("not_name_words", "named_thing_heads"),
        ("not_name_words", "organisation_words"),
        ("not_name_words", "sentence_words"),
        ("role_words", "spokesperson_words"),
        ("months", "not_name_words"),
    ]:
        assert set(names[first]) & set(names[second]) == set(), (first, second)

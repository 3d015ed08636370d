"""One lexicon: every word list is data in fixtures/lexicon.toml, read, and defined once."""

import ast
import re
from pathlib import Path

import pytest

from articles.parsing import vocabulary
from articles.parsing.vocabulary import lexicon

PARSING = Path(vocabulary.__file__).parent
SOURCE = "\n".join(path.read_text(encoding="utf-8") for path in PARSING.glob("*.py"))
# Patterns in the lexicon use other lists as <<region.key>>.
PLACEHOLDERS = vocabulary.LEXICON_PATH.read_text(encoding="utf-8")
# More string literals than this in one module-level collection make it a word list.
WORD_LIST_MIN_ITEMS = 5
# Closed sets of codes the archive stores, not words read from pages.
STORED_CODES = {("types.py", "MILESTONE_KINDS")}


def _keys():
    return [(region, key) for region, table in lexicon().items() for key in table]


@pytest.mark.parametrize(("region", "key"), _keys(), ids=lambda part: part)
def test_every_list_of_the_lexicon_is_read_by_the_parser(region, key):
    dotted = rf"[\"']{region}\.{key}(?:\.[\w.]+)?[\"']"
    indexed = rf"\[[\"']{region}[\"']\]\s*\[[\"']{key}[\"']\]"
    placeholder = rf"<<{region}\.{key}>>"
    assert (
        re.search(dotted, SOURCE)
        or re.search(indexed, SOURCE)
        or re.search(placeholder, PLACEHOLDERS)
    )


def _literal_strings(node: ast.AST) -> int:
    if isinstance(node, ast.Call) and getattr(node.func, "id", "") in {"frozenset", "set", "tuple"}:
        return sum(_literal_strings(argument) for argument in node.args)
    if isinstance(node, ast.Set | ast.List | ast.Tuple):
        return sum(
            isinstance(item, ast.Constant) and isinstance(item.value, str) for item in node.elts
        )
    return 0


@pytest.mark.parametrize("module", sorted(PARSING.glob("*.py")), ids=lambda path: path.name)
def test_no_parser_module_defines_a_word_list_in_python(module):
    tree = ast.parse(module.read_text(encoding="utf-8"))
    word_lists = [
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign) and _literal_strings(node.value) >= WORD_LIST_MIN_ITEMS
        for target in node.targets
        if isinstance(target, ast.Name)
    ]
    assert [name for name in word_lists if (module.name, name) not in STORED_CODES] == []


def test_lists_that_are_used_together_share_no_word():
    names = lexicon()["names"]
    for first, second in [
        ("not_name_words", "named_thing_heads"),
        ("not_name_words", "organisation_words"),
        ("not_name_words", "sentence_words"),
        ("role_words", "spokesperson_words"),
        ("months", "not_name_words"),
    ]:
        assert set(names[first]) & set(names[second]) == set(), (first, second)

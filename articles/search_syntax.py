"""A web-search query read into SQLite FTS5 syntax, the way PostgreSQL's websearch reads it.

Words must all occur, "quoted phrases" occur as phrases (an unclosed quote runs to
the end), ``or`` between two terms accepts either (binding tighter than the implied
"and", as in ``websearch_to_tsquery``) and a leading ``-`` excludes a term. The user's
text never reaches FTS5 as syntax: every term becomes a double-quoted FTS5 string
(inner quotes doubled), so ``AND``, ``NEAR(``, ``*``, ``:`` or ``^`` are plain words,
and a term with no letter or digit in it (``-``, ``*``, an emoji) is dropped.

No Django here: tested without a database (tests/views/test_sqlite_search.py).
"""

import re
from dataclasses import dataclass

# A term: an optional "-", then a quoted phrase (closing quote optional) or a bare word.
_TERM = re.compile(r'(-?)(?:"([^"]*)"?|([^\s"]+))')
_WORDY = re.compile(r"\w", re.UNICODE)
_OR = "or"


@dataclass(frozen=True)
class Fts5Query:
    """``include``: an FTS5 expression the articles must match (None: no positive term).
    ``exclude``: one that they must not match (None: nothing excluded)."""

    include: str | None
    exclude: str | None

    @property
    def empty(self) -> bool:
        return self.include is None and self.exclude is None


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _has_word(text: str) -> bool:
    return any(char != "_" for char in _WORDY.findall(text))


def to_fts5(q: str) -> Fts5Query:
    """Translate a web-search query into FTS5 expressions (see the module docstring)."""
    groups: list[list[str]] = []  # AND of ORs
    excluded: list[str] = []
    join_next = False
    for match in _TERM.finditer(q):
        negated, phrase, word = match.group(1), match.group(2), match.group(3)
        text = phrase if phrase is not None else word
        if phrase is None and not negated and text.lower() == _OR:
            join_next = bool(groups)
            continue
        if not _has_word(text):
            continue
        term = _quoted(text)
        if negated:
            excluded.append(term)
            join_next = False
        elif join_next:
            groups[-1].append(term)
            join_next = False
        else:
            groups.append([term])
    include = " AND ".join(_group(group) for group in groups) or None
    exclude = " OR ".join(excluded) or None
    return Fts5Query(include=include, exclude=exclude)


def _group(terms: list[str]) -> str:
    return terms[0] if len(terms) == 1 else "(" + " OR ".join(terms) + ")"


def match_expression(query: Fts5Query) -> str | None:
    """One FTS5 expression for a query with a positive part: ``include NOT (exclude)``."""
    if query.include is None:
        return None
    if query.exclude is None:
        return query.include
    return f"({query.include}) NOT ({query.exclude})"

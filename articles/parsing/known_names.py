"""The authority file as compiled look-ups: one regular expression per kind of name.

Built once per Authority and cached, so parsing an article never re-reads or
re-compiles the aliases.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .authority import Authority, KnownPerson
from .names import normalise_name
from .person_names import is_first_name
from .spelling import is_common_surname, split_name

_APOSTROPHES = "'’‘`"
_DASHES = "-‐–—"


@lru_cache(maxsize=4096)
def form_pattern(form: str) -> str:
    """A regular expression for ``form`` that tolerates typography and spacing."""
    parts = []
    for char in form:
        if char in _APOSTROPHES:
            parts.append(f"[{_APOSTROPHES}]")
        elif char in _DASHES:
            parts.append(f"[{_DASHES}]")
        elif char.isspace():
            parts.append(r"\s+")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def alternation(forms: Iterable[str], flags: int = 0) -> re.Pattern | None:
    """One pattern matching any of ``forms`` as whole words, longest first."""
    unique = sorted(set(forms), key=len, reverse=True)
    if not unique:
        return None
    body = "|".join(form_pattern(form) for form in unique)
    return re.compile(rf"(?<![\w’'-])(?:{body})(?![\w-])", flags)


@dataclass(frozen=True)
class BodyPair:
    """'The Evidence and Design Groups': two bodies that share their last word."""

    pattern: re.Pattern
    body_by_modifier: dict[str, str]


@dataclass(frozen=True)
class KnownNames:
    people: dict[str, KnownPerson]
    # Full names and every alias of two words or more: these name a person anywhere.
    person_pattern: re.Pattern | None
    person_by_form: dict[str, str]
    # (full name or alias, canonical name) by the surname's initial, so a near-miss
    # spelling is compared with a few names, not all of them.
    full_names_by_surname_initial: dict[str, tuple[tuple[str, str], ...]]
    # One-word aliases as written ("MacAllister"): they count once the full name has
    # appeared in the article, or anywhere when distinctive (below).
    single_word_aliases: dict[str, str]
    # Surnames (and one-word aliases) that only one known person has and that are neither
    # common surnames nor first names: alone ("Trowler") they name that person anywhere.
    distinctive_surnames: dict[str, str]
    organisation_pattern: re.Pattern | None
    organisation_by_form: dict[str, str]
    # Normalised organisation names that are also everyday words ("frontline").
    everyday_organisation_forms: frozenset[str]
    body_pattern: re.Pattern | None
    body_by_form: dict[str, str]
    # The last word of every body's name: a paragraph without one names no body.
    body_head_words: tuple[str, ...]
    body_pairs: tuple[BodyPair, ...]
    short_form_pattern: re.Pattern | None
    bodies_by_short_form: dict[str, tuple[str, ...]]

    def is_known_spelling(self, spelling: str, person: str) -> bool:
        key = normalise_name(spelling)
        return self.person_by_form.get(key) == person or any(
            name == person and normalise_name(alias) == key
            for alias, name in self.single_word_aliases.items()
        )


@lru_cache(maxsize=8)
def known_names(authority: Authority) -> KnownNames:
    person_by_form, single_word_aliases = {}, {}
    for person in authority.people:
        for form in (person.name, *person.aliases):
            if " " in form.strip():
                person_by_form[normalise_name(form)] = person.name
            else:
                single_word_aliases[form] = person.name
    full_person_forms = [
        form
        for person in authority.people
        for form in (person.name, *person.aliases)
        if " " in form
    ]

    organisation_by_form = {
        normalise_name(form): org.name
        for org in authority.organisations
        for form in (org.name, *org.aliases)
    }
    organisation_forms = [
        form for org in authority.organisations for form in (org.name, *org.aliases)
    ]

    body_by_form = {
        normalise_name(form): body.name
        for body in authority.review_bodies
        for form in (body.name, *body.aliases)
    }
    body_forms = [form for body in authority.review_bodies for form in (body.name, *body.aliases)]
    short_forms = [form for body in authority.review_bodies for form in body.short_forms]
    bodies_by_short_form: dict[str, list[str]] = defaultdict(list)
    for body in authority.review_bodies:
        for form in body.short_forms:
            bodies_by_short_form[normalise_name(form)].append(body.name)

    return KnownNames(
        people={person.name: person for person in authority.people},
        person_pattern=alternation(full_person_forms),
        person_by_form=person_by_form,
        full_names_by_surname_initial=_by_surname_initial(authority),
        single_word_aliases=single_word_aliases,
        distinctive_surnames=_distinctive_surnames(authority),
        organisation_pattern=alternation(organisation_forms),
        organisation_by_form=organisation_by_form,
        everyday_organisation_forms=frozenset(
            normalise_name(form) for org in authority.organisations for form in org.everyday_forms
        ),
        body_pattern=alternation(body_forms, re.IGNORECASE),
        body_by_form=body_by_form,
        body_head_words=tuple({form.split()[-1].lower() for form in body_forms}),
        body_pairs=_body_pairs(authority),
        short_form_pattern=alternation(_with_capital_variants(short_forms)),
        bodies_by_short_form={key: tuple(names) for key, names in bodies_by_short_form.items()},
    )


def _with_capital_variants(forms: list[str]) -> list[str]:
    """ "the Board" also opens a sentence as "The Board"."""
    return [*forms, *(form[:1].upper() + form[1:] for form in forms)]


def _body_pairs(authority: Authority) -> tuple[BodyPair, ...]:
    by_head: dict[str, dict[str, str]] = defaultdict(dict)
    for body in authority.review_bodies:
        for form in (body.name, *body.aliases):
            words = form.split()
            if len(words) >= 2:
                by_head[words[-1].lower()][normalise_name(" ".join(words[:-1]))] = body.name
    pairs = []
    for head, body_by_modifier in by_head.items():
        if len(set(body_by_modifier.values())) < 2:
            continue
        modifiers = "|".join(
            form_pattern(m) for m in sorted(body_by_modifier, key=len, reverse=True)
        )
        pattern = re.compile(
            rf"\b(?P<first>{modifiers})\s+(?:and|&)\s+(?P<second>{modifiers})\s+{re.escape(head)}s?\b",
            re.IGNORECASE,
        )
        pairs.append(BodyPair(pattern, body_by_modifier))
    return tuple(pairs)


def _distinctive_surnames(authority: Authority) -> dict[str, str]:
    """Each known person's surname and one-word aliases ("MacAllister"), not the surnames
    of misspelt full names ("Ian Dickinson"), which may be other people's."""
    people_by_form: dict[str, set[str]] = defaultdict(set)
    for person in authority.people:
        one_word = (alias for alias in person.aliases if " " not in alias.strip())
        for form in (split_name(person.name)[1], *one_word):
            people_by_form[form].add(person.name)
    return {
        form: next(iter(people))
        for form, people in people_by_form.items()
        if len(people) == 1 and not is_common_surname(form) and not is_first_name(form)
    }


def _by_surname_initial(authority: Authority) -> dict[str, tuple[tuple[str, str], ...]]:
    index: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for person in authority.people:
        for form in (person.name, *person.aliases):
            if " " in form.strip():
                index[split_name(form)[1][:1].upper()].append((form, person.name))
    return {initial: tuple(forms) for initial, forms in index.items()}

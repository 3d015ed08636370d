"""Near-miss spellings of a person's name ("MacAllister", "Ian Dickinson", "Eileen Monroe")."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from . import vocabulary

_PARTICLES = vocabulary.words("names.particles")
_PEERAGE_TITLES = vocabulary.words("names.peerage_titles")
SURNAME_SIMILARITY = 85
FIRST_NAME_SIMILARITY = 80
_GAELIC_PREFIX = re.compile(r"^Mc(?=[A-Z])")
_COMMON_SURNAMES = vocabulary.words("names.common_surnames")
_VOWELS = re.compile(r"[aeiouy]")
_DOUBLED = re.compile(r"(.)\1+")


def split_name(name: str) -> tuple[str, str]:
    """First name and surname, particles kept with the surname ("Rachel", "de Souza"); a
    peer has no first name ("Baroness Barran", "Lord Smith of Finsbury": "", "Smith")."""
    words = name.split()
    if len(words) < 2:
        return "", name
    if words[0] in _PEERAGE_TITLES:  # "Earl of Listowel": the place is all the name there is
        return "", words[2] if words[1] == "of" and len(words) > 2 else words[1]
    surname_start = len(words) - 1
    while surname_start > 1 and words[surname_start - 1].lower() in _PARTICLES:
        surname_start -= 1
    return words[0], " ".join(words[surname_start:])


def _comparable(surname: str) -> str:
    return _GAELIC_PREFIX.sub("Mac", surname).casefold()


def similar_surnames(written: str, surname: str) -> bool:
    """Whether ``written`` is a misspelling of ``surname`` rather than another surname.

    One being the other plus an ending ("Williams", "Williamson") marks two
    different surnames, not a slip; "McAlister" and "Macalister" for "MacAlister" are.
    """
    a, b = _comparable(written), _comparable(surname)
    if written == surname or a[:1] != b[:1] or abs(len(a) - len(b)) > 2:
        return False
    if a == b:
        return True
    if a.startswith(b) or b.startswith(a):
        return False
    return fuzz.ratio(a, b) >= SURNAME_SIMILARITY


def similar_full_names(written: str, name: str) -> bool:
    """ "Ian Dickinson" for "Ian Dickson": a close first name and a near-miss surname."""
    written_first, written_surname = split_name(written)
    first, surname = split_name(name)
    if not written_first or not first:
        return False
    first_close = written_first == first or (
        written_first[:1] == first[:1] and fuzz.ratio(written_first, first) >= FIRST_NAME_SIMILARITY
    )
    surname_close = (
        written_surname == surname
        or similar_surnames(written_surname, surname)
        or sounds_like_rare_surname(written_surname, surname)
    )
    return first_close and surname_close and written != name


def is_common_surname(surname: str) -> bool:
    return surname in _COMMON_SURNAMES


def sounds_like_rare_surname(written: str, surname: str) -> bool:
    """ "Monroe" for "Munro": the same consonants, only the vowels differ.

    Only for a surname that is not a common one: next to "Jones", "Jonas" is a surname
    of its own, not a slip.
    """
    if is_common_surname(surname) or written[:1] != surname[:1]:
        return False
    return _consonants(written) == _consonants(surname)


def _consonants(surname: str) -> str:
    return _DOUBLED.sub(r"\1", _VOWELS.sub("", _comparable(surname)))

"""Finding the names of people nobody told the parser about.

A run of capitalised words is cut at words that cannot be part of a name
(titles, institutions, places, months); what is left is a person's name when
it starts with a known first name (gender-guesser's list) or when its context
says so: a title before it, an apposition or a speech verb after it. A peer is
named by title instead ("Baroness Barran", "Lord Smith of Finsbury"): the title
is the name's first word, and one capitalised word, a place or both its rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

import gender_guesser.detector

from .vocabulary import alternation, lowered, words

HONORIFICS = words("names.honorifics")

UPPER = "A-ZÀ-ÖØ-Þ"
LOWER = "a-zß-öø-ÿ"
NAME_WORD = (
    rf"(?:[{UPPER}][’'])?[{UPPER}][{LOWER}]+(?:[{UPPER}][{LOWER}]+)*(?:-[{UPPER}]?[{LOWER}]+)*"
)
_NAME_WORD = re.compile(rf"{NAME_WORD}$")
_PARTICLE = alternation("names.particles")
_HONORIFIC = alternation("names.honorifics")
_RUN = re.compile(
    rf"(?<![\w’'@./-])(?:(?:{_HONORIFIC})\.\s+)?{NAME_WORD}(?![\w])"
    rf"(?:\s+(?:[{UPPER}]\.\s+)?(?:(?:{_PARTICLE})\s+)*{NAME_WORD}(?![\w]))*"
)
SPEECH_VERB = alternation("quotes.speech_verbs")  # an alternation of the speech verbs
# Letters after a name ("OBE") sit between it and what follows.
_POST_NOMINAL_RUN = re.compile(rf"(?:\s+(?:{alternation('names.post_nominals')})\b)*")
_CONTEXT_AFTER = re.compile(
    r"(?:[’']s\b)?\s*(?:"
    rf",\s*(?:{alternation('names.apposition_openers')}|[a-z]+\s+of)\b"
    # An age: "Star Hobson, 16 months, ...", "Jo Bloggs, 42, said".
    rf"|,\s*\d{{1,3}}(?:\s+(?:{alternation('names.age_units')})(?:\s+old)?)?(?=\s*[,.;)])"
    rf"|\s*\((?=[a-z])|\s+(?:{SPEECH_VERB})\b|(?:\s+(?:{alternation('names.auxiliaries')})){{1,3}}\s+(?:{SPEECH_VERB})\b)"
)
_APPOSITION = re.compile(
    r"\s*(?:,\s*(?:(?:a|an|the)\s+)?(?P<role>[^,;:()“”\"\x00]{3,120}?)(?=\s*(?:,|\.|;|$))"
    r"|\s*\((?P<paren>[^()\x00]{3,120})\))"
)
_ROLE_WORDS = lowered("names.role_words") | lowered("names.spokesperson_words")
_BACK_STOPS = words("names.title_stops")
_CONJUNCTIONS = words("names.conjunctions")
_PIECE = re.compile(r"\S+")
# Words that end the name of an organisation or a thing: the words before one are that name's.
_NAME_HEADS = words("names.organisation_words") | words("names.named_thing_heads")
# Nouns that are never part of a person's name, and that the capitalised words after them in
# the same run may continue ("Child Protection Professionals").
_NOUNS = _NAME_HEADS | words("names.not_name_words")
_BREAKERS = _NOUNS | words("names.months") | words("names.weekdays") | words("names.sentence_words")
_AFTER_PLACE_PREPOSITION = re.compile(
    rf"(?<![\w’'-])(?:{alternation('names.place_prepositions')})\s+"
    rf"(?:{NAME_WORD}\s+(?:{alternation('names.conjunctions')})\s+)?$"
)
_POSSESSIVE_AFTER = re.compile(r"[’']s\b")
# "Dave and Pam Whitby": a first name joined to a full name shares its surname.
_FIRST_NAME_AND = re.compile(rf"(?<![\w’'-])(?P<first>{NAME_WORD})\s+(?:and|&)\s+$")
_CAPITALISED_BEFORE = re.compile(rf"{NAME_WORD}\s+$")
# "Baroness Barran", "Lord Smith of Finsbury", "the Earl of Listowel"; not "Lord John Smith",
# whose name is John Smith.
_PLACE_OF = rf"of\s+{NAME_WORD}(?:[ \t]+{NAME_WORD})?"
_PEER = re.compile(
    rf"(?<![\w’'@./-])(?:{alternation('names.peerage_titles')})[ \t]+"
    rf"(?:(?P<name>{NAME_WORD})(?:\s+{_PLACE_OF})?|{_PLACE_OF})(?![\w’'-])(?![ \t]+{NAME_WORD})"
)
_LEADING_ARTICLE = re.compile(r"^(?:The|the)\s+")
_PEERAGE_OFFICES = words("names.peerage_offices")
_MAX_ROLE_WORDS = 12
# "Voices for Kin Cymru": mid-sentence, a capitalised word and "for" or "of" before a name
# make it the rest of an organisation's name.
_ORGANISATION_LINK_BEFORE = re.compile(
    rf"[^\s.!?:;“\"]\s+(?P<word>{NAME_WORD})\s+(?:{alternation('names.organisation_head_links')})\s+$"
)
_COORDINATION = re.compile(rf"\s+(?:{alternation('names.conjunctions')})\s+")


@dataclass(frozen=True)
class PersonCandidate:
    start: int
    end: int
    name: str
    first_name_known: bool
    context: bool  # a title before it, or an apposition or speech verb after it

    @property
    def is_person(self) -> bool:
        return self.first_name_known or self.context


@cache
def _detector() -> gender_guesser.detector.Detector:
    return gender_guesser.detector.Detector(case_sensitive=False)


@cache
def first_name_gender(word: str) -> str:
    """gender-guesser's verdict on a first name: "male", "female", "andy" or "unknown"."""
    verdict = _detector().get_gender(word.split("-")[0])
    return {"mostly_male": "male", "mostly_female": "female"}.get(verdict, verdict)


def is_first_name(word: str) -> bool:
    return word not in _BREAKERS and first_name_gender(word) != "unknown"


def is_role_word(word: str) -> bool:
    return word.strip(",.;:()’'").casefold() in _ROLE_WORDS


def find_person_candidates(text: str) -> list[PersonCandidate]:
    """Names of two to four words in ``text`` (masked where names are already known)."""
    candidates = _peer_candidates(text)
    for run in _RUN.finditer(text):
        titled = _preceded_by_role(text, run.start())
        after_noun = False
        segment: list[re.Match] = []
        for piece in _PIECE.finditer(run.group()):
            word = piece.group()
            if _is_breaker(word):
                # "the Energy Bill Support Scheme": words before a head word on the same
                # line are its name's.
                if not (word in _NAME_HEADS and _same_line(run.group(), segment, piece)):
                    candidates += _segment_candidates(
                        text, run.start(), segment, titled, after_noun
                    )
                segment, titled = [], is_role_word(word) or word.rstrip(".") in HONORIFICS
                after_noun = word in _NOUNS and not titled
            else:
                segment.append(piece)
        candidates += _segment_candidates(text, run.start(), segment, titled, after_noun)
    people = [candidate for candidate in _with_coordinated(text, candidates) if candidate.is_person]
    return people + [shared for person in people for shared in _sharing_surname(text, person)]


def _peer_candidates(text: str) -> list[PersonCandidate]:
    """Peers named by title ("Lord Ashgrove"), the title being context enough."""
    return [
        PersonCandidate(match.start(), match.end(), " ".join(match.group().split()), False, True)
        for match in _PEER.finditer(text)
        if _is_peer(match)
    ]


def _is_peer(match: re.Match) -> bool:
    """A peer's own name, or none ("Earl of Listowel"); not an office ("Lord Mayor") nor
    a thing named after a peer ("the Duke of Edinburgh Award")."""
    name = match.group("name")
    if name is not None and (name in _PEERAGE_OFFICES or _is_breaker(name)):
        return False
    return match.group().split()[-1] not in _NAME_HEADS


def peer_name(text: str) -> str | None:
    """``text`` as a peer's name ("Baroness Barran", "The Earl of Listowel" without its
    article), or None when it is no peer's."""
    match = _PEER.fullmatch(_LEADING_ARTICLE.sub("", " ".join(text.split())))
    return match.group() if match and _is_peer(match) else None


def _with_coordinated(text: str, candidates: list[PersonCandidate]) -> list[PersonCandidate]:
    """A name joined by "and" to a person's is a person's too: English coordinates like with
    like ("the murders of Arthur Labinjo-Hughes and Star Hobson")."""
    people = [candidate for candidate in candidates if candidate.is_person]
    return [
        replace(candidate, context=True)
        if not candidate.is_person and any(_joined(text, candidate, p) for p in people)
        else candidate
        for candidate in candidates
    ]


def _joined(text: str, one: PersonCandidate, other: PersonCandidate) -> bool:
    first, second = sorted((one, other), key=lambda candidate: candidate.start)
    return bool(_COORDINATION.fullmatch(text, first.end, second.start))


def _same_line(run: str, segment: list[re.Match], piece: re.Match) -> bool:
    return not segment or "\n" not in run[segment[-1].end() : piece.start()]


def _sharing_surname(text: str, person: PersonCandidate) -> list[PersonCandidate]:
    """ "Dave" in "Dave and Pam Whitby" is Dave Whitby: a known first name, or any
    capitalised word when the text says the pair are people ("Dev and Anita Rourke, who")."""
    names = person.name.split()
    before = _FIRST_NAME_AND.search(text, max(0, person.start - 40), person.start)
    if len(names) != 2 or not person.first_name_known or not before:
        return []
    first = before.group("first")
    if not (is_first_name(first) or (person.context and not _is_breaker(first))):
        return []
    start = before.start()
    if _CAPITALISED_BEFORE.search(text, 0, start) or _names_a_place(text, start, start):
        return []
    return [replace(person, start=start, end=before.end("first"), name=f"{first} {names[1]}")]


def _is_breaker(word: str) -> bool:
    bare = word.rstrip(".")
    return bare in _BREAKERS or bare in HONORIFICS or is_role_word(word)


def _segment_candidates(
    text: str, offset: int, segment: list[re.Match], titled: bool, after_noun: bool
) -> list[PersonCandidate]:
    """The name in a segment of a run. After a noun of the same run ("the Association of
    Child Protection Professionals") only a known first name starts one."""
    words = [piece for piece in segment if _NAME_WORD.match(piece.group())]
    if len(words) < 2:
        return []
    start_index = 0
    if not is_first_name(words[0].group()):
        later = [i for i, piece in enumerate(words[1:-1], 1) if is_first_name(piece.group())]
        if later:
            start_index, titled = later[0], False
    words = words[start_index:]
    if not 2 <= len(words) <= 4 or (after_noun and not is_first_name(words[0].group())):
        return []
    start, end = offset + words[0].start(), offset + words[-1].end()
    if not titled and (_names_a_place(text, start, end) or _ends_an_organisation(text, start)):
        return []
    context = titled or bool(_CONTEXT_AFTER.match(text, _POST_NOMINAL_RUN.match(text, end).end()))
    return [
        PersonCandidate(
            start=start,
            end=end,
            name=" ".join(text[start:end].split()),
            first_name_known=is_first_name(words[0].group()),
            context=context,
        )
    ]


def _ends_an_organisation(text: str, start: int) -> bool:
    link = _ORGANISATION_LINK_BEFORE.search(text, max(0, start - 60), start)
    return bool(link) and not _is_breaker(link.group("word"))


def _names_a_place(text: str, start: int, end: int) -> bool:
    """ "in Rowan Vale", not "in Lena Hart's view"."""
    return bool(
        _AFTER_PLACE_PREPOSITION.search(text, max(0, start - 60), start)
        and not _POSSESSIVE_AFTER.match(text, end)
    )


def _preceded_by_role(text: str, start: int) -> bool:
    before = text[max(0, start - 40) : start].split()
    return bool(before) and is_role_word(before[-1])


def role_near(text: str, start: int, end: int) -> str:
    """What the text says a person is, from an apposition after the name or a title before it.

    ``text`` should have every other name masked, so the title of the previous
    person in a list is not taken for this one's.
    """
    apposition = _APPOSITION.match(text, _POST_NOMINAL_RUN.match(text, end).end())
    if apposition:
        role = (apposition.group("role") or apposition.group("paren") or "").strip()
        if _names_a_role(role) and role.split()[0] not in _CONJUNCTIONS:
            return role
    return _title_before(text, start)


def _names_a_role(phrase: str) -> bool:
    words = phrase.split()
    return 0 < len(words) <= _MAX_ROLE_WORDS and any(is_role_word(word) for word in words)


def _title_before(text: str, start: int) -> str:
    words = text[max(0, start - 200) : start].split()
    taken = []
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if "\x00" in word or word[-1] in '.;:!?“”"' or word.casefold() in _BACK_STOPS:
            break
        # "and" joins the words of a title ("Policy, Research and Development") but
        # after a comma it starts the next item of a list.
        if word == "and" and (index == 0 or words[index - 1].endswith(",")):
            break
        taken.append(word)
        if len(taken) > _MAX_ROLE_WORDS:
            return ""
    phrase = " ".join(reversed(taken)).strip(" ,")
    return phrase if _names_a_role(phrase) else ""

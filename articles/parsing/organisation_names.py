"""Finding organisations the authority file does not list.

Two kinds of evidence: a capitalised phrase headed or ended by an organisation
word ("Kingston University", "Department for Education", "Association of School
and College Leaders"), and a phrase whose context names an organisation ("the
social work charity Frontline", "former CEO of Who Cares? Scotland", "a report by
Tact", "told CYP Now", "Research in Practice Director Dez Holmes", "Duncan led Who
Cares? Scotland", "UNISON says", "Unite said", "a Social Work England spokesperson",
"a spokesperson for Voices from Care Cymru").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .person_names import NAME_WORD, SPEECH_VERB, UPPER, is_first_name, is_role_word
from .textmask import MASK
from .vocabulary import alternation, word_list, words

ORGANISATION_WORDS = words("names.organisation_words")
# Words never part of a person's name, the names of things ("Report", "Scheme") included.
NOT_NAME_WORDS = words("names.not_name_words") | words("names.named_thing_heads")
_CALENDAR = words("names.months") | words("names.weekdays")
# Words that alone name no organisation ("told MPs on Monday", "told the Government").
_GENERIC = NOT_NAME_WORDS | ORGANISATION_WORDS | _CALENDAR

# A capitalised word, with a plural possessive ("Care Leavers’ Association") or a question
# mark inside a name ("Who Cares? Scotland").
_WORD = rf"[{UPPER}][\w’'&.-]*(?:(?<=s[’'])|(?<![.’'-]))(?:\?(?=\s+[{UPPER}]))?"
_CONNECTORS = word_list("names.organisation_connectors")
_ARTICLES = word_list("names.organisation_articles")
_RUN = re.compile(
    rf"(?<![\w’'@./-]){_WORD}(?:\s+(?:(?:{'|'.join(_CONNECTORS)})\s+)*{_WORD})*(?![\w@])"
)
_OF_FOR = word_list("names.organisation_head_links")
_COMPOUND_HEADS = tuple(tuple(h.split()) for h in word_list("names.compound_organisation_heads"))
_NESTED_LINKS = word_list("names.organisation_nested_links")
_CONJUNCTIONS = word_list("names.conjunctions")
_SENTENCE_WORDS = words("names.sentence_words")
_POSSESSIVES = words("names.organisation_possessives")
_PIECE = re.compile(r"\S+")
_ORGANISATION_WORD = re.compile(rf"\b(?:{alternation('names.organisation_words')})\b")
_POSSESSIVE = re.compile(r"[’']s$")
# What follows a possessive: a noun it owns, not punctuation or a verb of speech.
_POSSESSED = re.compile(rf"\s+(?!(?:{SPEECH_VERB})\b)[\w“‘]")
_PERSON_SHAPED = re.compile(rf"{NAME_WORD}(?:[’']s)?")


def _phrases(key: str) -> str:
    """An alternation of the phrases at ``key`` whose spaces match any run of spaces."""
    return alternation(key).replace(r"\ ", r"\s+")


def _first_words(key: str) -> tuple[str, ...]:
    """The words a text cannot match the phrases at ``key`` without, for a cheap pre-test."""
    return tuple({phrase.split()[0].lower() for phrase in word_list(key)})


# A noun that says outright that the next name is an organisation's.
_NAMED_AS_ORGANISATION = (
    re.compile(rf"\b(?:{_phrases('names.organisation_nouns')})\s+(?:called\s+)?"),
    _first_words("names.organisation_nouns"),
)
# Contexts where a person could stand as well ("a report by ...", "told ..."): a name
# shaped like a person's ("Zubeda Limbada") does not count there. Each pattern comes
# with the words it cannot match without, tested first because a substring test is
# far cheaper than the pattern.
_CONTEXTS = [
    (
        re.compile(
            rf"\b(?:{_phrases('names.organisation_leader_roles')})\s+(?:of|at)\s+(?:the\s+)?",
            re.IGNORECASE,
        ),
        _first_words("names.organisation_leader_roles"),
    ),
    (
        re.compile(
            rf"\b(?:{_phrases('names.institution_roles')})\b[^.;:()\x00]{{0,60}}?\bat\s+(?:the\s+)?",
            re.IGNORECASE,
        ),
        (" at ",),
    ),
    (re.compile(r"\breports?\s+(?:by|from)\s+(?:the\s+)?"), ("report",)),
    (
        re.compile(
            r"\b(?:coordinated|commissioned|funded|organised|organized|founded|backed|produced|"
            r"compiled|conducted|run)\s+by\s+(?:the\s+)?"
        ),
        (" by ",),
    ),
    (re.compile(r"\btold\s+(?:the\s+)?"), ("told",)),
    # "a spokesperson for Voices from Care Cymru": whom a spokesperson speaks for.
    (
        re.compile(
            rf"\b(?:{alternation('names.spokesperson_words')})\s+(?:for|at|from)\s+(?:the\s+)?",
            re.IGNORECASE,
        ),
        ("spokes",),
    ),
    (
        re.compile(rf"\b(?:{alternation('names.organisation_verbs')})\s+(?:the\s+)?"),
        word_list("names.organisation_verbs"),
    ),
]
# A name that speaks and is nobody's is an organisation's: a word in capitals ("UNISON says",
# "according to the LGA"), or one capitalised word as the subject ("Unite said"); people's
# names are masked by then.
_ACRONYM = r"[A-Z][A-Z&]+[A-Za-z]*(?<!s)\b"
_SPEAKING = re.compile(
    rf"(?<![\w’'@./\x00-])(?P<after>{_ACRONYM}|{NAME_WORD})(?=\s+(?:{SPEECH_VERB})\b)"
    rf"|\b(?:{SPEECH_VERB}|according\s+to)\s+(?:the\s+)?(?P<before>{_ACRONYM})(?![\w’'-])"
)
_WORD_BEFORE = re.compile(r"(\S+)\s+$")
_SENTENCE_END = '.!?:;”"'
_PLACE_PREPOSITIONS = words("names.place_prepositions")
_ADVERB_AND_GERUND_ENDINGS = tuple(word_list("names.adverb_and_gerund_endings"))
# Nobody's organisation: titles too ("the noble Lord said", "the Baroness told peers").
_NOT_SPEAKERS = (
    words("names.post_nominals")
    | _GENERIC
    | words("names.sentence_words")
    | ORGANISATION_WORDS
    | words("names.honorifics")
    | words("names.peerage_titles")
)
# "Become, the charity for children in care": an apposition saying what the name is.
_ORGANISATION_APPOSITION = re.compile(
    rf",\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{_phrases('names.organisation_nouns')})"
    rf"(?=\s*[,.;:)]|\s+(?:{'|'.join(_CONNECTORS)})\b)"
)
# "a Social Work England spokesperson": the words before it name the organisation.
_BEFORE_SPOKESPERSON = re.compile(
    rf"\b(?:{'|'.join(a for article in _ARTICLES for a in (article, article.lower()))})\s+"
    rf"(?P<name>{_WORD}(?:\s+{_WORD})+)\s+"
    rf"(?:{alternation('names.spokesperson_words')})\b"
)
_ACRONYM_AFTER = re.compile(r"\s*\((?P<acronym>[A-Z][A-Za-z&]{1,9})\)")


@dataclass(frozen=True)
class OrganisationCandidate:
    start: int
    end: int
    name: str
    acronym: str = ""


def find_organisation_candidates(text: str, article: str = "") -> list[OrganisationCandidate]:
    """Organisations in ``text``, which must have every person and known name masked.
    ``article``: the whole text, whose words in lower case a capital at a sentence's start
    does not make a name ("History suggests …", "history" elsewhere)."""
    runs = list(_RUN.finditer(text))
    found = [
        *_headed_by_organisation_word(runs),
        *_from_context(text),
        *_before_titles(runs),
        *_speaking_names(text, article),
        *_before_spokesperson(text),
        *_described_as_organisations(runs),
    ]
    return _with_acronyms(text, _without_overlaps(found))


def _headed_by_organisation_word(runs: list[re.Match]) -> list[OrganisationCandidate]:
    found = []
    for run in runs:
        if not _ORGANISATION_WORD.search(run.group()):
            continue
        words = _words(run)
        taken = 0  # the words before this index belong to a name already found
        for index, (word, _, _) in enumerate(words):
            if index < taken or _bare(word) not in ORGANISATION_WORDS:
                continue
            if index + 1 < len(words) and _bare(words[index + 1][0]) in ORGANISATION_WORDS:
                continue  # "Local Government Association": the last head word ends the name
            first = _first_word(words, _compound_head_start(words, index), taken)
            taken = _last_word(words, index) + 1
            found.append(_candidate(run.string, run.start(), words, first, taken - 1))
    return [c for c in found if c]


def _compound_head_start(words, head: int) -> int:
    """Where a compound head ending on ``head`` starts ("in Care Council"), else ``head``."""
    for compound in _COMPOUND_HEADS:
        start = head - len(compound) + 1
        if start > 0 and tuple(w for w, _, _ in words[start : head + 1]) == compound:
            return start
    return head


def _words(run: re.Match) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _PIECE.finditer(run.group())]


def _bare(word: str) -> str:
    return _POSSESSIVE.sub("", word)


def _first_word(words, head: int, floor: int) -> int:
    """Walk left from the head word over the words of the same name, not past ``floor``."""
    first = head
    while first > floor:
        previous = words[first - 1][0]
        if (previous in _CONNECTORS and previous not in _CONJUNCTIONS) or is_role_word(previous):
            break
        if previous in _POSSESSIVES and _POSSESSIVE.search(words[first][0]):
            first -= 1  # "His Majesty’s Government"
            break
        if previous in _SENTENCE_WORDS:
            break
        if previous in _CONJUNCTIONS:
            # "The Competition and Markets Authority", but not "Barnardo’s and Kingston
            # University": the word before "and" must open the name, and not be a whole one.
            joined = first - 2
            if joined < floor or _POSSESSIVE.search(words[joined][0]):
                break
            if joined > floor and not _opens_a_name(words[joined - 1][0]):
                break
            first = joined
            continue
        first -= 1
    if words[first][0] in _ARTICLES:
        first += 1
    return first


def _opens_a_name(word: str) -> bool:
    return word in _CONNECTORS or word in _SENTENCE_WORDS


def _last_word(words, head: int) -> int:
    """Extend over "of/for ..." after the head word ("University of Oxford"), and over
    "and ..." there unless what follows is an organisation of its own: "Association of
    School and College Leaders", but "University of Oxford and Kingston University"."""
    if head + 2 >= len(words) or words[head + 1][0] not in _OF_FOR:
        return head
    if words[head + 2][0] in _CALENDAR:
        return head
    last = head + 2
    while last + 1 < len(words):
        if words[last + 1][0] not in _CONNECTORS:
            last += 1
        elif _name_goes_on(words, last + 1):
            last += 2
        else:
            break
    return last


def _name_goes_on(words, connector: int) -> bool:
    """Whether the name goes on past a connector in its "of ..." part: over a nested
    "of" ("Association of Directors of Children’s Services"), or an "and" that is not
    followed by an organisation of its own."""
    word = words[connector][0]
    if word in _NESTED_LINKS:
        return connector + 1 < len(words)
    return word in _CONJUNCTIONS and _continues_a_name(words, connector + 1)


def _continues_a_name(words, start: int) -> bool:
    """Whether the words from ``start`` to the next connector end without a head word."""
    end = start
    while end < len(words) and words[end][0] not in _CONNECTORS:
        end += 1
    return end > start and _bare(words[end - 1][0]) not in ORGANISATION_WORDS


def _candidate(text, offset, words, first, last) -> OrganisationCandidate | None:
    if first > last or words[first][0] in _CONNECTORS:
        return None
    start, end = offset + words[first][1], offset + words[last][2]
    if _POSSESSIVE.search(text[start:end]) and _POSSESSED.match(text, end):
        end -= 2  # "the Foundation’s report", but "chief executive of Barnardo’s, said"
    name = " ".join(text[start:end].split())
    if name in ORGANISATION_WORDS:  # a bare "University" names nobody
        return None
    return OrganisationCandidate(start, end, name)


def _from_context(text: str) -> list[OrganisationCandidate]:
    found = []
    lowered = text.lower()
    for context, needed in (_NAMED_AS_ORGANISATION, *_CONTEXTS):
        if not any(word in lowered for word in needed):
            continue
        for cue in context.finditer(text):
            run = _RUN.match(text, cue.end())
            if not run or _only_generic(run.group()):
                continue
            words = _words(run)
            last = _last_before_a_date(words)
            while last > 0 and words[last][0] in _CONNECTORS:
                last -= 1
            if context is not _NAMED_AS_ORGANISATION[0] and _shaped_like_a_person(
                words[: last + 1]
            ):
                continue
            found.append(_candidate(text, run.start(), words, 0, last))
    return [c for c in found if c and len(c.name.split()) <= 6]


def _last_before_a_date(words) -> int:
    """The last word before a connector and a day or month: "told LBC on Monday"."""
    for position in range(1, len(words) - 1):
        if words[position][0] in _CONNECTORS and words[position + 1][0] in _CALENDAR:
            return position - 1
    return len(words) - 1


def _shaped_like_a_person(words) -> bool:
    """Two or three plain capitalised words, none of an organisation's vocabulary."""
    plain = [w for w, _, _ in words]
    return 2 <= len(plain) <= 3 and all(
        _PERSON_SHAPED.fullmatch(w)
        and _bare(w) not in ORGANISATION_WORDS
        and _bare(w) not in NOT_NAME_WORDS
        for w in plain
    )


def _before_titles(runs: list[re.Match]) -> list[OrganisationCandidate]:
    """ "Research in Practice Director" before a masked name: the words before the title."""
    found = []
    for run in runs:
        text = run.string
        if not text[run.end() :].lstrip(" ").startswith("\x00"):
            continue
        words = _words(run)
        if len(words) < 2 or not is_role_word(words[-1][0]):
            continue
        prefix = words[:-1]
        capitalised = [w for w, _, _ in prefix if w not in _CONNECTORS]
        if len(capitalised) == 1 and not _is_acronym(capitalised[0]):
            continue
        if all(_bare(w) in NOT_NAME_WORDS for w in capitalised) and len(capitalised) == len(prefix):
            continue
        if any(is_role_word(w) for w in capitalised):
            continue
        first = 1 if words[0][0] in _ARTICLES else 0
        found.append(_candidate(text, run.start(), words, first, len(prefix) - 1))
    return [c for c in found if c]


def _speaking_names(text: str, article: str) -> list[OrganisationCandidate]:
    found = []
    for match in _SPEAKING.finditer(text):
        group = "after" if match.group("after") else "before"
        name = match.group(group)
        if name in _NOT_SPEAKERS or not (
            _is_acronym(name)
            or (_speaks_alone(text, match) and not _written_in_lower_case(name, article))
        ):
            continue
        found.append(OrganisationCandidate(*match.span(group), name))
    return found


def _written_in_lower_case(word: str, article: str) -> bool:
    """Whether the article writes ``word`` in lower case somewhere: an ordinary word then."""
    return re.search(rf"(?<![\w’'-]){re.escape(word.lower())}(?![\w’'-])", article) is not None


def _speaks_alone(text: str, match: re.Match) -> bool:
    """ "Unite said": one word, not a first name, plural, adverb or gerund, with no
    capitalised word before, and not a place a preposition governs ("one kinship carer in
    Norfolk told")."""
    word = match.group("after")
    if len(word) < 3 or word.endswith(("s", *_ADVERB_AND_GERUND_ENDINGS)) or is_first_name(word):
        return False
    before = _WORD_BEFORE.search(text, 0, match.start())
    if not before or before.group(1)[-1] in _SENTENCE_END:
        return True
    previous = before.group(1)
    return not (previous[0].isupper() or MASK in previous or previous in _PLACE_PREPOSITIONS)


def _described_as_organisations(runs: list[re.Match]) -> list[OrganisationCandidate]:
    found = []
    for run in runs:
        if _ORGANISATION_APPOSITION.match(run.string, run.end()) and not _only_generic(run.group()):
            words = _words(run)
            first = 1 if words[0][0] in _ARTICLES and len(words) > 1 else 0
            found.append(_candidate(run.string, run.start(), words, first, len(words) - 1))
    return [c for c in found if c]


def _before_spokesperson(text: str) -> list[OrganisationCandidate]:
    if "spokes" not in text:
        return []
    return [
        OrganisationCandidate(*match.span("name"), " ".join(match.group("name").split()))
        for match in _BEFORE_SPOKESPERSON.finditer(text)
    ]


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2


def _only_generic(phrase: str) -> bool:
    words = [w for w in phrase.split() if w not in _CONNECTORS]
    return all(_bare(w) in _GENERIC for w in words)


def _without_overlaps(found: list[OrganisationCandidate]) -> list[OrganisationCandidate]:
    kept: list[OrganisationCandidate] = []
    for candidate in sorted(found, key=lambda c: (c.start, -(c.end - c.start))):
        if not kept or candidate.start >= kept[-1].end:
            kept.append(candidate)
    return kept


def _with_acronyms(text: str, found: list[OrganisationCandidate]) -> list[OrganisationCandidate]:
    """ "Economic and Social Research Council (ESRC)": the acronym is another spelling."""
    result = []
    for candidate in found:
        match = _ACRONYM_AFTER.match(text, candidate.end)
        initials = "".join(w[0] for w in candidate.name.split() if w[0].isupper())
        acronym = match.group("acronym") if match else ""
        if (
            acronym
            and acronym.upper().startswith(initials[:1])
            and len(acronym) <= len(initials) + 1
        ):
            candidate = OrganisationCandidate(
                candidate.start, candidate.end, candidate.name, acronym
            )
        result.append(candidate)
    return result

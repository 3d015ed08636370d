"""Who and what an article mentions: people, organisations and the review's bodies.

Known names come from the authority file; everyone else is found in the text
(person_names, organisation_names). A short reference ("Josh", "Mr Williamson")
counts as a person only when the article also gives the full name, except a known
person's distinctive surname ("review chair MacAlister"), which names them anywhere;
a near-miss spelling of a known name is linked to it and flagged. The article's own
authors are not among its people (authors).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache

from . import vocabulary
from .authority import Authority
from .authors import without_authors
from .first_names import first_name_people
from .known_names import KnownNames, alternation, form_pattern, known_names
from .memberships import find_memberships_and_facts
from .mentions import ORGANISATION, PERSON, Mention, add_spelling
from .names import normalise_name
from .organisation_names import find_organisation_candidates
from .person_names import (
    HONORIFICS,
    NAME_WORD,
    UPPER,
    find_person_candidates,
    is_first_name,
    role_near,
)
from .press import is_press
from .review_bodies import find_body_mentions
from .spelling import similar_full_names, similar_surnames, split_name
from .textmask import address_spans, mask
from .types import (
    BodyFact,
    MembershipRef,
    OrganisationRef,
    PersonRef,
    ReviewBodyRef,
)

NEW_PERSON_REASON = "newly discovered person"
NEW_ORGANISATION_REASON = "newly discovered organisation"
FIRST_NAME_REASON = "newly discovered person, known by a first name only"
_HONORIFIC_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(HONORIFICS))})\.? +$")
_LONGEST_HONORIFIC = max(map(len, HONORIFICS)) + 2
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_MIN_MISSPELT_LENGTH = 5
_OPENING_MARKS = " \t“‘\"'(["
# Capitalised words after a known name that end on an organisation word.
_LONGER_ORGANISATION = re.compile(
    rf"(?:\s+[{UPPER}][\w’'-]*){{0,3}}?\s+(?:{vocabulary.alternation('names.organisation_words')})"
    r"(?![\w’'-])"
)
_CAPITALISED_NEXT = re.compile(rf"\s+[{UPPER}]")


@dataclass
class Entities:
    people: list[PersonRef] = field(default_factory=list)
    organisations: list[OrganisationRef] = field(default_factory=list)
    review_bodies: list[ReviewBodyRef] = field(default_factory=list)
    memberships: list[MembershipRef] = field(default_factory=list)
    facts: list[BodyFact] = field(default_factory=list)
    # Every span that names someone or something, in article order.
    mentions: list[Mention] = field(default_factory=list)


def extract_entities(
    paragraphs: list[str], authority: Authority, author: str = "", outlet: str = ""
) -> Entities:
    """Everything ``paragraphs`` ([title, standfirst, *body]) names.

    ``author`` is the byline: its people wrote the article, so a sign-off or a bio naming
    them does not make them people of it. ``outlet`` is the page's: the words of its name
    the article uses ("told the Standard") name the press, not an organisation.
    """
    names = known_names(authority)
    addresses = [address_spans(text) for text in paragraphs]
    bodies = find_body_mentions(paragraphs, names)
    known_orgs = _known_organisations(paragraphs, names)
    people = _alias_mentions(paragraphs, names.person_pattern, names.person_by_form, PERSON)

    finder = _PeopleFinder(paragraphs, names, addresses)
    people = finder.full_names(people, bodies + known_orgs)
    people += finder.short_forms(people, bodies + known_orgs)
    people += first_name_people(paragraphs, people)

    masked = _masked(paragraphs, addresses, bodies + known_orgs + people)
    # A role reads the organisations around a name ("chair of the LGA’s board").
    role_texts = _masked(paragraphs, addresses, bodies + people)
    people = without_authors(people, author, paragraphs)
    discovered = _discovered_organisations(masked, people)
    press = {name for name in {m.name for m in discovered} if is_press(name, authority, outlet)}
    organisations = known_orgs + [mention for mention in discovered if mention.name not in press]
    mentions = sorted(bodies + organisations + people, key=lambda m: (m.paragraph, m.start))
    memberships, facts = find_memberships_and_facts(paragraphs, mentions)
    return Entities(
        people=finder.person_refs(people, role_texts),
        organisations=_organisation_refs(organisations, names),
        review_bodies=_review_body_refs(bodies),
        memberships=memberships,
        facts=facts,
        mentions=mentions,
    )


def _alias_mentions(paragraphs, pattern, by_form, kind) -> list[Mention]:
    if pattern is None:
        return []
    return [
        Mention(kind, by_form[normalise_name(match.group())], index, *match.span(), match.group())
        for index, text in enumerate(paragraphs)
        for match in pattern.finditer(text)
    ]


def _known_organisations(paragraphs: list[str], names: KnownNames) -> list[Mention]:
    """The authority file's organisations, except where the name is only the start of
    another organisation's ("Grandparents Plus Network"); a name that is also an everyday
    word ("Become") counts only inside running text, where its capital is the name's own."""
    everyday = names.everyday_organisation_forms
    return [
        mention
        for mention in _alias_mentions(
            paragraphs, names.organisation_pattern, names.organisation_by_form, ORGANISATION
        )
        if not _LONGER_ORGANISATION.match(paragraphs[mention.paragraph], mention.end)
        and (
            normalise_name(mention.text) not in everyday
            or _inside_running_text(paragraphs[mention.paragraph], mention)
        )
    ]


def _inside_running_text(text: str, mention: Mention) -> bool:
    """After a word or a comma (not opening a sentence or a list item), not in a Title Case
    headline, and not the first word of a longer capitalised name ("Kinship Review")."""
    before = text[: mention.start].rstrip(_OPENING_MARKS)
    return (
        bool(before)
        and (before[-1].isalpha() or before[-1] == ",")
        and not _CAPITALISED_NEXT.match(text, mention.end)
        and not _looks_like_headline(text)
    )


def _masked(paragraphs, addresses, mentions: list[Mention]) -> list[str]:
    spans = defaultdict(list)
    for mention in mentions:
        spans[mention.paragraph].append(mention.span)
    return [mask(text, addresses[i] + spans[i]) for i, text in enumerate(paragraphs)]


@lru_cache(maxsize=1024)
def _looks_like_headline(text: str) -> bool:
    """A Title Case Headline capitalises every word but the shortest, so capitals say
    nothing there; a sentence has lower-case words of four letters or more."""
    words = _WORD.findall(text)
    return len(words) >= 4 and all(word[0].isupper() for word in words if len(word) > 3)


class _PeopleFinder:
    """Finds an article's people in three passes: full names, then everyone's
    full names again (a name found once by its context counts everywhere), then
    short forms and misspellings of the names found."""

    def __init__(self, paragraphs: list[str], names: KnownNames, addresses):
        self.paragraphs = paragraphs
        self.names = names
        self.addresses = addresses
        self.misspellings: dict[str, list[str]] = defaultdict(list)

    def full_names(self, known: list[Mention], others: list[Mention]) -> list[Mention]:
        masked = _masked(self.paragraphs, self.addresses, others + known)
        found = list(known)
        for index, text in enumerate(masked):
            if _looks_like_headline(text):
                continue
            for candidate in find_person_candidates(text):
                name = self._known_person_spelt(candidate.name) or candidate.name
                found.append(
                    Mention(PERSON, name, index, candidate.start, candidate.end, candidate.name)
                )
        found = _without_bare_surnames(_canonical_spacing(found))
        return found + self._repeated(found, masked)

    def _known_person_spelt(self, written: str) -> str | None:
        """The known person a near-miss full name ("Ian Dickinson") stands for."""
        initial = split_name(written)[1][:1].upper()
        for form, person in self.names.full_names_by_surname_initial.get(initial, ()):
            if similar_full_names(written, form):
                self.misspellings[person].append(written)
                return person
        return None

    def _repeated(self, found: list[Mention], masked: list[str]) -> list[Mention]:
        by_form = {normalise_name(m.text): m.name for m in found}
        pattern = alternation(m.text for m in found)
        spans = defaultdict(list)
        for mention in found:
            spans[mention.paragraph].append(mention.span)
        again = []
        for index, text in enumerate(masked):
            for match in pattern.finditer(mask(text, spans[index])) if pattern else ():
                name = by_form[normalise_name(match.group())]
                again.append(Mention(PERSON, name, index, *match.span(), match.group()))
        return again

    def short_forms(self, people: list[Mention], others: list[Mention]) -> list[Mention]:
        """ "MacAlister", "Josh", "Mr Williamson" and "Mr MacAllister" for people named in
        full, and a known person's distinctive surname ("review chair MacAlister") alone."""
        named = {m.name for m in people}
        forms = self._short_forms_of(named)
        for form, person in self.names.distinctive_surnames.items():
            forms[form].add(person)
        named |= set(self.names.distinctive_surnames.values())
        masked = _masked(self.paragraphs, self.addresses, others + people)
        pattern = re.compile(
            rf"(?<![\w’'@./-])"
            rf"(?:{'|'.join(form_pattern(f) for f in sorted(forms, key=len, reverse=True))})"
            r"(?![\w-])"
        )
        found = []
        for index, text in enumerate(masked):
            for match in pattern.finditer(text) if forms else ():
                person = self._nearest(forms[match.group()], people + found, index, match)
                if person:
                    found.append(_titled_mention(person, index, text, match))
        return found + self._misspelt_surnames(named, masked, found)

    def _short_forms_of(self, people: set[str]) -> dict[str, set[str]]:
        forms: dict[str, set[str]] = defaultdict(set)
        for person in people:
            known = self.names.people.get(person)
            for full in (person, *(known.aliases if known else ())):
                first, surname = split_name(full)
                for form in (first, surname, surname[:1].upper() + surname[1:]):
                    if form:
                        forms[form].add(person)
        for alias, person in self.names.single_word_aliases.items():
            if person in people:
                forms[alias].add(person)
        return forms

    @staticmethod
    def _nearest(candidates: set[str], mentions: list[Mention], index: int, match) -> str | None:
        """The one person a short form can mean; if several, the one named last before it."""
        if len(candidates) == 1:
            return next(iter(candidates))
        before = [
            m
            for m in mentions
            if m.name in candidates and (m.paragraph, m.start) < (index, match.start())
        ]
        return max(before, key=lambda m: (m.paragraph, m.start)).name if before else None

    def _misspelt_surnames(
        self, people: set[str], masked: list[str], short: list[Mention]
    ) -> list[Mention]:
        surnames = defaultdict(list)
        for person in people:
            surname = split_name(person)[1]
            surnames[surname[:1].upper()].append((surname, person))
        spans = defaultdict(list)
        for mention in short:
            spans[mention.paragraph].append(mention.span)
        # Only words that start like one of the surnames can be a misspelling of it.
        pattern = re.compile(rf"(?<![\w’'@./-])(?=[{''.join(surnames)}]){NAME_WORD}(?![\w-])")
        found = []
        for index, text in enumerate(masked):
            for match in pattern.finditer(mask(text, spans[index])) if surnames else ():
                word = match.group()
                if len(word) < _MIN_MISSPELT_LENGTH:
                    continue
                close = {p for s, p in surnames[word[0]] if similar_surnames(word, s)}
                if len(close) == 1 and not is_first_name(word):
                    person = close.pop()
                    self.misspellings[person].append(word)
                    found.append(_titled_mention(person, index, text, match))
        return found

    def person_refs(self, people: list[Mention], role_texts: list[str]) -> list[PersonRef]:
        refs: dict[str, PersonRef] = {}
        for mention in sorted(people, key=lambda m: (m.paragraph, m.start)):
            ref = refs.setdefault(mention.name, self._new_ref(mention.name))
            ref.count += 1
            add_spelling(ref.spellings, mention)
            if not ref.known and not ref.role and " " in mention.text:
                ref.role = role_near(role_texts[mention.paragraph], mention.start, mention.end)
        for ref in refs.values():
            unknown = [
                spelling
                for spelling in dict.fromkeys(self.misspellings.get(ref.name, ()))
                if not self.names.is_known_spelling(spelling, ref.name)
            ]
            if unknown:
                spellings = ", ".join(f"“{spelling}”" for spelling in unknown)
                reasons = [ref.review_reason, f"spelling {spellings} linked to {ref.name}"]
                ref.new_aliases = unknown
                ref.needs_review = True
                ref.review_reason = "; ".join(filter(None, reasons))
        return list(refs.values())

    def _new_ref(self, name: str) -> PersonRef:
        known = self.names.people.get(name)
        if known:
            return PersonRef(name=name, role=known.role, known=True)
        if " " not in name:
            return PersonRef(
                name=name,
                needs_review=True,
                review_reason=FIRST_NAME_REASON,
                first_name_only=True,
            )
        return PersonRef(name=name, needs_review=True, review_reason=NEW_PERSON_REASON)


def _titled_mention(person: str, index: int, text: str, match: re.Match) -> Mention:
    """A mention that takes in the honorific before the name ("Mr MacAllister")."""
    start = match.start()
    honorific = _HONORIFIC_BEFORE.search(text[max(0, start - _LONGEST_HONORIFIC) : start])
    if honorific:
        start -= len(honorific.group())
    return Mention(PERSON, person, index, start, match.end(), text[start : match.end()])


def _without_bare_surnames(mentions: list[Mention]) -> list[Mention]:
    """ "Van der Berg" opening a sentence is Laura van der Berg's surname, not a new person;
    the short-form pass finds it again."""
    surnames = {normalise_name(split_name(m.name)[1]) for m in mentions if len(m.name.split()) > 2}
    return [m for m in mentions if normalise_name(m.name) not in surnames]


def _canonical_spacing(mentions: list[Mention]) -> list[Mention]:
    """One canonical name per person however the text spaced or cased it."""
    canonical: dict[str, str] = {}
    return [
        replace(mention, name=canonical.setdefault(normalise_name(mention.name), mention.name))
        for mention in mentions
    ]


def _discovered_organisations(masked: list[str], people: list[Mention]) -> list[Mention]:
    """Organisations found anywhere in the text, then counted wherever they recur."""
    person_names = {normalise_name(m.name) for m in people}
    article = "\n".join(masked)
    canonical: dict[str, str] = {}
    forms: list[str] = []
    for text in masked:
        if _looks_like_headline(text):
            continue
        for candidate in find_organisation_candidates(text, article):
            if normalise_name(candidate.name) in person_names:
                continue
            for form in filter(None, (candidate.name, candidate.acronym)):
                canonical.setdefault(normalise_name(form), candidate.name)
                forms.append(form)
    _fold_bare_acronyms(canonical)
    _fold_shortened_names(canonical)
    pattern = alternation(forms)
    return [
        Mention(ORGANISATION, canonical[normalise_name(m.group())], index, *m.span(), m.group())
        for index, text in enumerate(masked)
        for m in (pattern.finditer(text) if pattern else ())
    ]


def _fold_bare_acronyms(canonical: dict[str, str]) -> None:
    """ "the LGA" after "the Local Government Association" is the same organisation."""
    by_initials = {}
    for name in set(canonical.values()):
        words = [w for w in name.split() if w[:1].isupper()]
        if len(words) >= 2:
            by_initials.setdefault("".join(w[0] for w in words), name)
    for form, name in canonical.items():
        if name.isupper() and name in by_initials:
            canonical[form] = by_initials[name]


def _fold_shortened_names(canonical: dict[str, str]) -> None:
    """ "the Children in Care Council" after "the Kirkholme Children in Care Council" is the
    same organisation, its place left out, when only one longer name ends that way."""
    names = set(canonical.values())
    for form, name in canonical.items():
        longer = [other for other in names if other.endswith(f" {name}")]
        if " " in name and len(longer) == 1:
            canonical[form] = longer[0]


def _organisation_refs(organisations: list[Mention], names: KnownNames) -> list[OrganisationRef]:
    known = set(names.organisation_by_form.values())
    refs: dict[str, OrganisationRef] = {}
    for mention in sorted(organisations, key=lambda m: (m.paragraph, m.start)):
        ref = refs.get(mention.name)
        if ref is None:
            is_known = mention.name in known
            ref = refs[mention.name] = OrganisationRef(
                name=mention.name,
                known=is_known,
                needs_review=not is_known,
                review_reason="" if is_known else NEW_ORGANISATION_REASON,
            )
        ref.count += 1
        add_spelling(ref.spellings, mention)
    return list(refs.values())


def _review_body_refs(bodies: list[Mention]) -> list[ReviewBodyRef]:
    refs: dict[str, ReviewBodyRef] = {}
    for mention in bodies:
        ref = refs.setdefault(mention.name, ReviewBodyRef(name=mention.name))
        ref.count += 1
        add_spelling(ref.spellings, mention)
    return list(refs.values())

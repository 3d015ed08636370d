"""Lines of an article's header: dates and bylines ("By Jane Doe | 3 March 2021").

``read_header_line`` reads one line that is nothing but header matter — a date,
perhaps labelled ("Published on ..."), a byline, or both — and returns None for
any other line. A bare name ("Fiona Simpson") is only a candidate: the page
decides whether it is a byline from where it stands (next to the date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .date_forms import labelled_date
from .dates import parse_date
from .fuzzydate import FuzzyDate
from .vocabulary import alternation, lowered, word_list

# How far a header line's date counts, from its label: a first-published date beats an
# unlabelled or plainly labelled one, which beats an update's.
FIRST_PUBLISHED, PLAIN, UPDATED = 0, 1, 2


@dataclass(frozen=True)
class HeaderLine:
    date: FuzzyDate | None = None
    author: str = ""  # from an explicit byline ("By Jane Doe")
    name: str = ""  # a bare name that may be the byline
    role: bool = False  # the line names a writer's job ("Education correspondent, BBC News")
    # How far the date counts: FIRST_PUBLISHED beats PLAIN beats UPDATED (from the label).
    rank: int = PLAIN
    relative: bool = False  # a relative time ("3 days ago"): header matter, but no date

    @property
    def is_byline_candidate(self) -> bool:
        return bool(self.name) and self.date is None and not self.author

    @property
    def is_header_matter(self) -> bool:
        """A line of the header that names no one: a date, a time, a reading time, a role."""
        return not (self.author or self.name)


_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_NAME_WORD = (
    rf"(?:(?:Mc|Mac|O['’]|D['’])?[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?|[{_UPPER}]\.)"
)
_PARTICLE = rf"(?:{alternation('names.particles')})"
# Lazy, so that a job after the name keeps its own words ("Jane Doe Local Democracy Reporter").
_PERSON = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD}){{1,3}}?"
# "Jane Doe and John Smith", "Jane Doe, John Smith and Sam Lee".
_PEOPLE = rf"{_PERSON}(?:(?:\s*,\s*{_PERSON})*\s+(?:and|&)\s+{_PERSON})*"
# Handles and the names of social networks left beside a byline ("Jane Doe @janedoe Twitter").
_SOCIAL = (
    rf"(?:\s+(?:@\w{{1,30}}|(?i:{alternation('furniture.social_networks')}"
    rf"|{alternation('header.byline_links')})\b))*"
)
_ROLE = r"[^\d|]{2,80}"
# Where the writer files from, after the names ("Jane Doe and John Smith in London").
_FILED_FROM = rf"(?:\s+in\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})?"
_HONORIFIC = rf"(?:(?:{alternation('names.honorifics')})\.?\s+)?"
# The job a writer's byline gives, ending in a job word ("Social policy editor").
_JOB_WORDS = word_list("header.job_words")
# "Social policy editor", "Professor of Social Work", perhaps with a handle ("@janedoe").
_JOB = (
    rf"(?:[\w’'&-]+\s+){{0,4}}(?:{'|'.join(_JOB_WORDS)})s?"
    r"(?:\s+(?:of|for|at|in)\s+[^\d|,@]{2,60})?(?:\s+@\w+)?"
)
_ROLE_LINE = re.compile(rf"{_JOB}(?:\s*,\s*[^\d|,]{{2,60}})?|@\w{{1,30}}", re.IGNORECASE)

# Several people are joined by "and"; a comma or dash introduces a role, and a job may follow
# the names with no comma ("Patrick Butler Social policy editor").
_BYLINE = re.compile(
    r"(?:(?i:(?:written |words |reported |posted )?by:?|words:|author:|reporter:)\s+"
    rf"|By(?=[A-Z])){_HONORIFIC}(?P<names>{_PEOPLE}){_SOCIAL}{_FILED_FROM}"
    rf"(?:\s*(?:,|–|—|-)\s*{_ROLE}|\s+(?=[A-Z])(?i:{_JOB}))?"
)
_BARE_NAME = re.compile(
    rf"{_HONORIFIC}(?P<names>{_PEOPLE}){_SOCIAL}{_FILED_FROM}(?:\s*,\s*{_ROLE}|\s+(?=[A-Z])(?i:{_JOB}))?"
)
# "by Alex Turner on May 23, 2022 in Children, Child protection"
_BYLINE_ON_DATE = re.compile(
    r"(?P<byline>(?i:by)\s+.+?)\s+on\s+(?P<date>.+?)(?:\s+in\s+[^\d]{2,200})?"
)
_DATE_THEN_BYLINE = re.compile(r"(?P<date>.+?)\s+(?P<byline>(?i:by)\s+.+)")
# "May 23, 2022 in Children": the date, then the sections the story is filed in.
# A date line that goes on from a byline above it ("by Jane Doe" / "on 25 May 2022").
_ON = re.compile(r"^on\s+(?=.*\d)", re.IGNORECASE)
_DATE_IN_SECTION = re.compile(r"(?P<date>.+?\d)\s+in\s+[^\d]{2,200}")
# "by jenfosters": a login rather than a name, which still makes the line a byline (and is
# its writer's, unless it names no one: "by admin").
_LOGIN_BYLINE = re.compile(r"(?i:by)\s+[a-z0-9_.-]{2,30}")
# A forum's or network's handle, marked as one ("Posted by u/jane_doe", "by @janedoe").
_HANDLE_BYLINE = re.compile(
    r"(?i:(?:posted |submitted |written )?by:?)\s+(?P<handle>(?:u/|@)[\w.-]{2,30})"
)
# A forum's or comment section's post header: the poster's handle, then when
# ("Greyhairandcustard · 26/05/2022 21:14", "@Kinship_Kath · 4 hrs ago").
_POST_HEADER = re.compile(r"(?P<handle>@?[\w.-]{2,40})\s+[·•]\s+(?P<when>[^·•]+)")
# A date's label; its kind says how far the date counts (HeaderLine.rank).
_LABEL = re.compile(
    rf"(?:(?P<first>{alternation('header.first_published_labels')})"
    rf"|(?P<update>{alternation('header.update_labels')})"
    rf"|{alternation('header.date_labels')})(?: on| at)?:?(?:\s+|$)",
    re.IGNORECASE,
)
# A time of day on its own, hours and minutes only ("24.05.22" is a date).
_TIME = re.compile(
    rf"\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?(?:\s*(?:{alternation('header.time_zones')}))?",
    re.IGNORECASE,
)
# "3 days ago", "1y Edited", "an hour ago", "5h".
_RELATIVE_TIME = re.compile(
    rf"(?:\d+|an?|one)\s*(?:{alternation('header.relative_time_units')})s?\.?(?:\s+ago)?"
    r"(?:\s*[•·]?\s*edited)?",
    re.IGNORECASE,
)
# A volume or issue number before the date ("Volume 715: debated on Tuesday 7 June 2022").
_ISSUE_PREFIX = re.compile(
    rf"(?:{alternation('header.issue_words')})\s*\d{{1,4}}\s*:\s+(?=\w)", re.IGNORECASE
)
# A word in capitals ("By JANE DOE").
_CAPITALS = re.compile(r"\b[A-Z][A-Z’'-]+\b")
_READING_TIME = re.compile(r"\d+ min(?:ute)?s? read", re.IGNORECASE)
# A time of day after a date ("26/05/2022 21:14", "3 May 2022, 9.41am").
_TIME_AFTER = re.compile(rf",?\s+(?:at\s+)?{_TIME.pattern}$", re.IGNORECASE)
WRITER_DATE_MAX_WORDS = 14
# Between the parts of a header line; "Published 3 May 2022 Last updated 4 May 2022" has
# no separator but its second label.
_SEPARATOR = re.compile(
    r"\s+[|•·/]\s+|\s+[–—-]\s+|,?(?<!last)\s+(?=(?:last\s+)?(?:updated|modified)\b)",
    re.IGNORECASE,
)

# Words that make a capitalised phrase an organisation or a place, not a person.
_NOT_A_PERSON = lowered("header.not_a_person") | lowered("header.job_words")
_KIND_LABELS = lowered("header.kind_labels")
# A page's kind or section, which a post's handle is not ("Opinion · 4 hrs ago").
_SECTIONS = _KIND_LABELS | lowered("header.opinion_labels")


@lru_cache(maxsize=4096)  # the page reads the lines near its headline more than once
def read_header_line(line: str, order: str = "dmy") -> HeaderLine | None:
    """The date and byline a header line gives, or None if it is anything else."""
    if post := _post_header(line, order):
        return post
    date, author, name, role, rank, relative = None, "", "", False, PLAIN, False
    parts = _SEPARATOR.split(_ISSUE_PREFIX.sub("", line.strip(), count=1))
    for part in parts:
        label = _LABEL.match(part)
        part_rank = _rank(label)
        part = part[label.end() :].strip() if label else part.strip()
        if not part or _TIME.fullmatch(part) or _READING_TIME.fullmatch(part):
            continue
        if len(parts) > 1 and part.lower() in _KIND_LABELS:  # "Press release | 24 May 2022"
            continue
        found = _read_part(part, order)
        if found is None and label and (written := labelled_date(part, order)):
            found = HeaderLine(date=written)  # a labelled date in a rarer written form
        if found is None and part_rank == UPDATED:
            continue
        if found is None:
            return None
        if found.date and (date is None or part_rank < rank):
            date, rank = found.date, part_rank
        author, name, role = author or found.author, name or found.name, role or found.role
        relative = relative or found.relative
    return HeaderLine(date=date, author=author, name=name, role=role, rank=rank, relative=relative)


def _post_header(line: str, order: str) -> HeaderLine | None:
    """A post's header: its poster's handle and when it was posted (a date, perhaps with
    its time, or a relative time)."""
    if "·" not in line and "•" not in line:
        return None
    match = _POST_HEADER.fullmatch(line.strip())
    if match is None or match["handle"].isdigit() or match["handle"].lower() in _SECTIONS:
        return None
    when = match["when"].strip()
    date = parse_date(when, order) or parse_date(_TIME_AFTER.sub("", when), order)
    if date is None and not _RELATIVE_TIME.fullmatch(when):
        return None
    return HeaderLine(date=date, author=match["handle"], relative=date is None)


def is_post_header(line: str, order: str = "dmy") -> bool:
    """The header of a post in a thread or of a comment ("Mumblesmum · 26/05/2022 21:31")."""
    return _post_header(line, order) is not None


def _rank(label: re.Match | None) -> int:
    if label and label["first"]:
        return FIRST_PUBLISHED
    return UPDATED if label and label["update"] else PLAIN


def _read_part(part: str, order: str) -> HeaderLine | None:
    split = _DATE_THEN_BYLINE.fullmatch(part) or _BYLINE_ON_DATE.fullmatch(part)
    if split and (date := parse_date(split["date"], order)) and _is_byline(split["byline"]):
        return HeaderLine(date=date, author=_byline(split["byline"]) or _login(split["byline"]))
    if date := parse_date(_ON.sub("", part, count=1), order) or _date_in_section(part, order):
        return HeaderLine(date=date)
    if by := _byline(part):
        return HeaderLine(author=by)
    if handle := _HANDLE_BYLINE.fullmatch(part):
        return HeaderLine(author=handle["handle"])
    if bare := bare_name(part):
        return HeaderLine(name=bare)
    if _ROLE_LINE.fullmatch(part):
        return HeaderLine(role=True)
    if _RELATIVE_TIME.fullmatch(part):
        return HeaderLine(relative=True)
    return _writer_then_date(part, order)


def _writer_then_date(part: str, order: str) -> HeaderLine | None:
    """A byline or name, then a date ("By Jack Hughes 24 May 2022", "Jane Doe, 23 May 2022")."""
    words = part.split()
    if len(words) > WRITER_DATE_MAX_WORDS or not any(char.isdigit() for char in part):
        return None
    for cut in range(2, len(words)):
        date = parse_date(" ".join(words[cut:]), order)
        if date is None:
            continue
        head = " ".join(words[:cut]).rstrip(",")
        if by := _byline(head):
            return HeaderLine(date=date, author=by)
        bare = bare_name(head)
        return HeaderLine(date=date, name=bare) if bare else None
    return None


def bare_name(text: str) -> str:
    """The person's name when ``text`` is only a name (perhaps with a role after a comma, or
    a comma whose role is on the next line: "Jane Doe," / "Social Affairs Editor")."""
    match = _BARE_NAME.fullmatch(text.strip().removesuffix(","))
    if not match:
        return ""
    names = match["names"]
    words = {word.casefold() for word in re.findall(r"[\w’']+", names)}
    return "" if words & _NOT_A_PERSON else names


def _title(match: re.Match) -> str:
    return match.group().title()


def _is_byline(text: str) -> bool:
    return bool(_byline(text) or _LOGIN_BYLINE.fullmatch(text.strip()))


def _login(text: str) -> str:
    """The login a blog's byline gives ("by jenfosters"), unless it names no one ("admin")."""
    match = _LOGIN_BYLINE.fullmatch(text.strip())
    login = match.group().split()[-1] if match else ""
    return "" if login.lower() in lowered("header.generic_logins") else login


def _date_in_section(text: str, order: str) -> FuzzyDate | None:
    match = _DATE_IN_SECTION.fullmatch(text)
    return parse_date(match["date"], order) if match else None


def _byline(text: str) -> str:
    text = text.strip()
    match = _BYLINE.fullmatch(text) or _BYLINE.fullmatch(_CAPITALS.sub(_title, text))
    if not match:
        return ""
    words = {word.casefold() for word in match["names"].split()}
    return "" if words & set(_JOB_WORDS) else match["names"]

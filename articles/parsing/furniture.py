"""Page furniture: the lines of a page dump that are not the article.

Most furniture has shapes and words that every news site shares (navigation,
salaries, image file names, paywall prompts, "Most popular" sidebars, footers),
so the rules here are general, with their word lists in fixtures/lexicon.toml
([furniture]); what is peculiar to one outlet is data too, in its profile's
``furniture`` regexes in fixtures/outlets.toml. Lines that no rule names are left
to the boilerplate classifier (boilerplate.py) and labelled boxes (boxes.py).

Two kinds of line are told apart. *Inline* furniture is dropped wherever it
stands and the article carries on around it ("Advertisement", "Photo credit:
..."). An *end marker* says the article is over ("Most popular articles today",
a salary, a membership prompt): what follows is sidebar or footer, unless the
article's prose takes up again below it (an inline box of jobs, a register
wall). After a *page end* ("Notes to editors", the comments, the copyright
line) nothing of the article follows.
All patterns match whole lines, ignoring case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from .vocabulary import alternation

_INLINE_PATTERNS = (
    # Navigation and sharing.
    r"(?:top|bottom) of (?:the )?page",
    r"skip to (?:main )?content|skip navigation|.{0,40}\bback to (?:top|home(?:page)?)",
    r"bookmark|save(?:d)? (?:for later|article)|listen(?: to (?:this )?article)?",
    r"\d+ min(?:ute)?s? read",
    # Relative timestamps of comments and live pages ("Posted 3 hours ago").
    r"(?:posted |updated |published )?\d+ (?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?) ago",
    # Counters of social sites ("212 Followers", "1.2K claps", "9 reposts").
    r"[\d,.]+[km]? (?:followers|following|subscribers|claps|reposts|likes|shares)",
    r"this (?:article|story|page) is (?:more than|over) [\w-]+ (?:years?|months?) old",
    r"[←‹«]?\s*(?:previous|next|older|newer)(?: post| article| story)?\s*[→›»]?",
    r"why you can trust .{1,40}|please use .{0,40}\bbrowser\b.{0,80}",
    r"authors?|contributors?|disclosure statement",
    r"more (?:by|from) (?:this|the) (?:author|writer|reporter|journalist)",
    r"(?:follow|contact)(?: us| me| the author)?(?: on [\w ]{1,20})?",
    r"(?:download|get) (?:the|our) app",
    alternation("furniture.buttons"),
    r"loading\W{0,3}",
    r"play(?: video)?|watch:.{0,120}|enable javascript.{0,80}|copy url|link copied|show comments",
    r"(?:save|gift|share|listen to) this (?:article|story)|join the conversation",
    r"share (?:via|on|to) [\w ]{1,20}|click here\b[^.!?]{0,60}",
    r"(?:view|enlarge|expand|open) (?:the |this )?(?:image|photo|picture|gallery)"
    r"(?: in (?:full ?screen|(?:the )?gallery))?",
    r"promoted|partner content|in partnership with .{1,60}",
    # Newsletter boxes inside the article (their own words, without the article's sentences).
    r"(?:story|article) continues (?:below|after)(?: (?:this |the )?(?:advertisement|advert|ad))?",
    r"(?:skip past |after )newsletter promotion|privacy notice:.{0,300}",
    r".{0,120}\bunsubscribe at any time\b.{0,120}",
    r"newsletter(?: sign-?up)?|sign up|e-?mail address|get our newsletter",
    r"(?:sign up|subscribe) (?:to|for) [^.!?]{0,60}\bnewsletters?\b.{0,120}",
    r"thank you for (?:subscribing|signing up).{0,80}|give now|donate now",
    r"thanks? (?:you )?for reading\b.{0,200}",
    # In-text links to other stories ("Related: The Guardian view on ...").
    rf"(?:{alternation('furniture.link_labels')})\s*:.{{0,200}}",
    r"share(?: this)?(?: article| story| page| post| on \w+)?:?|print(?: this)?(?: article| page)?",
    alternation("furniture.social_networks"),
    r"if you (?:enjoyed|liked|found) this .{0,80}|stay in touch|enter your e-?mail(?: address)?",
    r"e-?mail(?: this)?(?: article| page)?|save(?: article| for later)?|copy link",
    # Menu bars and breadcrumbs: a few words between separators ("News | Opinion | Jobs").
    r"[^\W\d]+(?: [^\W\d]+){0,3}(?:\s*[|•›»>/]\s*[^\W\d]+(?: [^\W\d]+){0,3}){2,}",
    # Advertising.
    r"advertisement|advert|ad|skip advert(?:isement)?|paid (?:content|partnership)",
    r"sponsored(?: by [^.!?]{1,40})?",
    # Picture credits without a description ("Photo credit: U.S. Embassy in London").
    r"(?:photo|picture|image|photograph)s?(?: credits?| source)?\s*[:,].*",
    r"credit:.*|\((?:photo|picture|pic|image)s?\s*:[^()]{1,60}\)",
    # Image file names left behind by the page dump.
    r"[\w.-]+\.(?:png|jpe?g|gif|webp|svg|bmp|tiff?)",
    # Campaign banners ("Support our #X campaign today ...").
    r"(?:support|join|back|sign up to) (?:our|the) \S*\s?(?:\S+\s){0,5}?campaign\b.{0,120}",
    # Donation and support prompts, without a sentence's full stop.
    r"(?:please )?(?:help us|donate|make a donation)\b[^.!?]{0,80}",
    r"(?:support|fund) (?:us|our (?:work|journalism)|independent journalism)\b[^.!?]{0,80}",
    r"[^.!?]{0,60}[£$€]\s?\d+(?:\.\d\d)?\s*(?:a|per|/)\s*(?:month|week|year)[^.!?]{0,40}",
    r"get .{0,60} (?:(?:in|to|delivered to) your inbox|by e-?mail).{0,40}",
    # Links that lead away from the article.
    r"read (?:full|the full|more|the rest of this)(?: story| article)?\.?",
    r"continue reading(?: the (?:main )?(?:story|article))?",
    r"find out more|learn more|instant access|listen now|watch now|click here",
    r"(?:tags?|topics?|categories|filed under)\s*:.*|posted in .{1,80}",
    # The publisher's blurb ("X is an online resource for professionals ... presented by Y").
    r"[A-Z][^.!?]{0,60} is (?:an?|the) (?:[\w-]+ ){0,5}?(?:resource|magazine|website|newspaper|"
    r"journal|publication|news (?:service|site|website))"
    r" (?:for|from|by|presented|published|covering|providing|about|that|which)\b.{0,300}",
    # Cookie and consent prompts.
    r".{0,80}\bcookies?\b.{0,80}(?:accept|settings|preferences|policy).{0,40}",
    r"cookies on .{1,40}|(?:we|this (?:web)?site) uses? (?:some )?(?:\w+ )?cookies\b.{0,200}",
    r"(?:accept|reject|view|hide)(?: all| additional| analytics)?(?: cookies)?",
    r"manage (?:cookies|preferences|consent)|cookie settings|consent preferences",
    r"strictly necessary cookies|your privacy|we value your privacy.{0,200}",
    r"(?:allow|use|accept|reject|deny|refuse)(?: all| only)?(?: necessary| essential)?"
    r"(?: cookies)?(?: only)?|(?:show|hide) details",
    # A consent banner's paragraph: cookies, and what they are for.
    r"(?=.{0,300}\bcookies\b)(?=.{0,600}\b(?:personalis|personaliz|analys|analyz|analytics|"
    r"advertising|ads\b|consent|browsing|your experience)).{20,800}",
)

_END_PATTERNS = (
    # Sidebars and lists of other stories.
    r"most (?:popular|read|viewed|shared|commented)(?: \w+){0,3}:?",
    r"(?:related|recommended|trending|latest|top|more) (?:articles|stories|news|content|links|"
    r"topics|reads|jobs|events|posts|coverage)(?: \w+){0,2}:?|recommended by\b.{0,30}",
    r"more [\w&’']+(?: [\w&’']+)? (?:news|stories|articles)|explore the topics?",
    r"related|recommended|up next|read this next|latest|trending|topics",
    r"more (?:on|from|in) (?:this story|this topic|[\w&’']+(?: [\w&’']+){0,3}):?",
    r"you (?:may|might) also (?:like|be interested in):?|read next:?|editor'?s? picks:?",
    r"what['’]s new(?: today)?:?|in other news:?|explore more on these topics|reuse this content",
    r"featured (?:events?|jobs?|content|articles|stories|partners?):?|sponsored content",
    # Job boxes.
    r"(?:[\w&’']+ ){0,3}jobs?(?: of the week| board| (?:in|near) (?:your area|you))?",
    r"(?:view|see|browse) (?:all )?jobs|apply now",
    r"(?:salary:?\s*)?£\s?\d[\d,.]*k?\s*(?:-|–|—|to)\s*£?\s?\d[\d,.]*k?"
    r"(?:\s*(?:per annum|p\.?a\.?|a year|per year|per hour|an hour|pro rata))?",
    r"closing date:.*",
    # Paywalls, subscriptions and membership.
    r"to (?:continue|keep) reading.{0,80}|(?:get|gain) unlimited access.{0,80}|free trial",
    r"you(?:['’]ve| have) reached (?:your|the) (?:limit|maximum).{0,80}",
    r"you have \d+ (?:free )?articles? (?:left|remaining).{0,60}",
    r"(?:register|sign in|log in|subscribe)(?: (?:with|to|on) [^.!?]{1,40})?(?: for free)?"
    r" to (?:continue|keep) reading.{0,60}",
    r"you(?:['’]ve| have) read \d+ of (?:your )?\d+ (?:free )?(?:articles|stories).{0,120}",
    r"(?:get |try )?(?:\d+|one|two|three|six) (?:months?|weeks?)"
    r" (?:for [£$€]\s?\d+|free)\b[^.!?]{0,60}",
    r"(?:this|the full) (?:article|content|story) is (?:only )?(?:available|for) .{0,80}",
    r"subscribe(?: (?:today|now|here))?!?|subscribe (?:to|for) .{0,60}",
    r"from £\s?\d+(?:\.\d\d)?\s*(?:/|per|a)\s*(?:month|year|week|issue|quarter)",
    r"(?:[\w&’']+ ){0,3}(?:digital|print|online|premium|annual) (?:membership|subscription)s?",
    r"(?:membership|subscription)s?(?: options| plans)?",
    r"already a (?:subscriber|member)\??.{0,80}|become a (?:member|subscriber).{0,80}",
    r"(?:sign up|register) (?:for|to) (?:our|the) (?:free )?(?:\w+ )?"
    r"(?:newsletters?|e-?bulletin|bulletin|alerts|mailing list|e-?mails?|updates).{0,80}",
    # Calls to action of the publisher's own business.
    r"make an enquiry|request a (?:call ?back|quote)|get in touch",
    # A letter's sign-off: the letter at the head of a newsletter is over.
    rf"(?:{alternation('furniture.valedictions')}),",
    # Comment and share bars (at the top of an article as well as under it).
    r"comments?(?: \(?\d+\)?)?|(?:view|show|read) (?:all )?(?:\d+ )?comments",
    r"share (?:or|and) comment on this (?:article|story):?",
)

# End markers after which nothing more of the article follows: the end of a press release,
# the footer, the comments.
_PAGE_END_PATTERNS = (
    r"[-–—]?\s*ends\s*[-–—]?|notes? to (?:editors?|eds):?|media enquiries.{0,100}",
    r"for (?:more|further) information,? (?:please )?contact.{0,200}",
    r".{0,80}\bis a registered charity\b.{0,160}|registered charity (?:no\.?|number).{0,60}",
    r"(?:copyright )?(?:©|\(c\)|copyright)\s?(?:\d{4}\b)?.{0,120}",
    r".{0,80}\ball rights reserved\b.{0,40}",
    r".{0,120}\b(?:website|web|site) (?:design(?:ed)?|built|developed) by\b.{0,80}",
    r"(?:privacy|cookie) (?:policy|notice)|terms (?:and|&) conditions|accessibility statement",
    r"sitemap|site map|was this page (?:helpful|useful)\??",
    r"leave a (?:reply|comment)|post a comment|your (?:thoughts|say)|share what you think",
    r"comments are closed\.?|the comments below have (?:not )?been moderated\.?",
    r"(?:proudly )?powered by .{1,40}",
    r"join the (?:debate|discussion)",
)

# Icon names a page dump spells out, run together ("closechevron-downbars linkedin ...").
_ICON_SOUP = re.compile(
    rf"(?:(?:{alternation('furniture.icon_names')})[\s\-_]*){{3,}}", re.IGNORECASE
)

# A picture agency's credit on a line of its own ("Getty Images", "PA Media/Reuters").
_PICTURE_CREDIT = re.compile(
    rf"\s*(?:{alternation('furniture.picture_agencies')})(?:\s*(?:/|,|via)\s*[^.!?]{{1,40}})?\s*",
    re.IGNORECASE,
)

# A UK postcode closing a short line is an address.
_ADDRESS = re.compile(r"(?=.*,).{0,100}\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\.?", re.ASCII)

# A menu item: a few words, no digits, no sentence punctuation.
_MENU_ITEM = re.compile(r"[A-Z‘“'][^\d.!?:;,]{0,30}")
MENU_ITEM_WORDS = 3
MENU_RUN = 3


def _whole_line(patterns: Iterable[str]) -> re.Pattern:
    joined = "|".join(f"(?:{pattern})" for pattern in patterns)
    return re.compile(rf"\s*(?:{joined})\s*", re.IGNORECASE)


_END = _whole_line((*_END_PATTERNS, *_PAGE_END_PATTERNS))
_PAGE_END = _whole_line(_PAGE_END_PATTERNS)


class Furniture:
    """Recognises the furniture of one outlet's pages: the general rules plus its own."""

    def __init__(self, outlet_patterns: Iterable[str] = ()):
        self._inline = _whole_line((*_INLINE_PATTERNS, *outlet_patterns))
        # The page asks about the lines near its headline more than once.
        self.is_furniture = lru_cache(maxsize=4096)(self._is_furniture)

    def ends_article(self, line: str) -> bool:
        """Whether the article is over once this line is reached (it may resume after a box)."""
        return bool(_END.fullmatch(line))

    def ends_page(self, line: str) -> bool:
        """Whether nothing more of the article follows this line (footer, notes, comments)."""
        return bool(_PAGE_END.fullmatch(line))

    def _is_furniture(self, line: str) -> bool:
        """Whether the line is furniture of any kind (inline or an end marker)."""
        return (
            bool(self._inline.fullmatch(line))
            or self.ends_article(line)
            or is_icon_soup(line)
            or is_picture_credit(line)
            or bool(_ADDRESS.fullmatch(line.strip()))
        )


@lru_cache(maxsize=64)
def furniture_for(outlet_patterns: tuple[str, ...] = ()) -> Furniture:
    """A cached ``Furniture`` for a profile's patterns (compiling once per outlet)."""
    return Furniture(outlet_patterns)


def is_picture_credit(line: str) -> bool:
    return bool(_PICTURE_CREDIT.fullmatch(line))


def is_icon_soup(line: str) -> bool:
    return bool(_ICON_SOUP.fullmatch(line.strip()))


def is_menu_item(line: str) -> bool:
    return len(line.split()) <= MENU_ITEM_WORDS and bool(_MENU_ITEM.fullmatch(line.strip()))


def menu_runs(lines: Sequence[str]) -> set[int]:
    """Indexes of lines in runs of at least ``MENU_RUN`` menu items (blank lines ignored)."""
    found: set[int] = set()
    run: list[int] = []
    for index, line in enumerate([*lines, "."]):
        if not line.strip():
            continue
        if is_menu_item(line):
            run.append(index)
            continue
        if len(run) >= MENU_RUN:
            found.update(run)
        run = []
    return found

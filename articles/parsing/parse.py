"""From a page of text to a ParsedArticle: the structure first, then what it mentions."""

from .authority import Authority
from .decode import decode_source
from .entities import extract_entities
from .milestones import extract_milestones
from .outlet_mentions import find_outlet_mentions, outlet_refs
from .page import split_page
from .quotes import extract_quotes
from .spans import attach_spans, readable_paragraphs
from .speakers import find_speaker_turns, speaker_people
from .types import ParsedArticle


def parse_article(text: str, authority: Authority) -> ParsedArticle:
    page = split_page(text, authority)
    # The headline and standfirst name people too; the byline and captions do not count as mentions.
    paragraphs, places = readable_paragraphs(page)
    entities = extract_entities(paragraphs, authority, author=page.author, outlet=page.outlet)
    attach_spans(entities, paragraphs, places)
    turns = find_speaker_turns(paragraphs, entities, authority)
    profile = next((o for o in authority.outlets if o.name == page.outlet), None)
    return ParsedArticle(
        page=page,
        people=entities.people + speaker_people(turns, entities.people, authority),
        organisations=entities.organisations,
        review_bodies=entities.review_bodies,
        memberships=entities.memberships,
        facts=entities.facts,
        quotes=extract_quotes(paragraphs, entities, turns),
        milestones=extract_milestones(
            paragraphs, page.published, order=profile.date_order if profile else "dmy"
        ),
        outlets=outlet_refs(
            find_outlet_mentions(paragraphs, authority, entities.mentions), paragraphs, places
        ),
    )


def read_source(raw: bytes, source_file: str, authority: Authority) -> tuple[str, ParsedArticle]:
    """Decode and parse one file's bytes (raises SourceError); runs in worker processes."""
    text = decode_source(raw, source_file)
    return text, parse_article(text, authority)

"""Writing parsed articles: idempotent, and never undoing what staff corrected."""

import datetime

import pytest

from articles.exports.archive import export_archive
from articles.models import Article, Milestone, Quote
from articles.parsing.authority import Authority, OutletProfile
from articles.parsing.fuzzydate import FuzzyDate
from articles.parsing.types import (
    MembershipRef,
    MilestoneRef,
    PageParts,
    ParsedArticle,
    PersonRef,
    QuoteRef,
    ReviewBodyRef,
)
from articles.services.writing import write_article
from people.models import Membership, Person, PersonAlias
from people.services.merge import merge_people

pytestmark = pytest.mark.django_db

AUTHORITY = Authority(
    outlets=(OutletProfile(name="Trade Weekly", homepage="https://trade.example", kind="trade"),)
)


def parsed_article(**changes) -> ParsedArticle:
    page = PageParts(
        outlet="Trade Weekly",
        outlet_known=True,
        title="Review names its advisers",
        standfirst="The review has named its advisers.",
        published=FuzzyDate(2021, 4, 19),
        author="Jane Doe",
        paragraphs=["First paragraph.", "Second paragraph."],
        captions=["A caption"],
        links=["https://example.org/a"],
    )
    parsed = ParsedArticle(
        page=page,
        people=[
            PersonRef("Ada Example", ["Ada Example", "Example"], 2, role="professor"),
            PersonRef("Bob Sample", ["Bob Sample"], 1, needs_review=True, review_reason="new"),
        ],
        review_bodies=[ReviewBodyRef("Evidence Group", ["Evidence Group"], 1)],
        memberships=[MembershipRef("Ada Example", "Evidence Group", "chair", "…")],
        quotes=[
            QuoteRef("We will listen.", speaker="Ada Example", position=0),
            QuoteRef("It is a sham.", speaker="Bob Sample", position=1),
        ],
        milestones=[
            MilestoneRef(
                "Call closes", FuzzyDate(2021, 3, 30), "deadline", "It closes.", "call:2021-03-30"
            )
        ],
    )
    for name, value in changes.items():
        target = page if hasattr(page, name) else parsed
        setattr(target, name, value)
    return parsed


def write(parsed, existing=None, name="a.txt"):
    return write_article(
        source_file=name,
        sha256=name.ljust(64, "0"),
        source_text="raw",
        parsed=parsed,
        authority=AUTHORITY,
        existing=existing,
    )


def test_writes_the_article_and_what_it_mentions():
    article = write(parsed_article())
    assert article.outlet.homepage == "https://trade.example"
    assert article.body == "First paragraph.\n\nSecond paragraph."
    assert article.date_display == "19 April 2021"
    assert sorted(article.people.values_list("name", flat=True)) == ["Ada Example", "Bob Sample"]
    assert Person.objects.get(name="Bob Sample").needs_review
    assert Membership.objects.get().role == "chair"
    assert [q.speaker.name for q in article.quotes.all()] == ["Ada Example", "Bob Sample"]
    assert Milestone.objects.get().sources.get().article == article


def test_writing_the_same_parse_twice_changes_nothing():
    article = write(parsed_article())
    before = Article.objects.values().get()
    write(parsed_article(), existing=article)
    after = Article.objects.values().get()
    assert {k: v for k, v in after.items() if k != "updated_at"} == {
        k: v for k, v in before.items() if k != "updated_at"
    }
    assert Quote.objects.count() == 2
    assert Milestone.objects.count() == 1
    assert Person.objects.count() == 2


def test_staff_corrections_survive_and_untouched_fields_still_update():
    article = write(parsed_article())
    article.title = "Corrected title"
    article.published, article.published_precision = datetime.date(2021, 4, 1), "month"
    article.save()
    ada = Person.objects.get(name="Ada Example")
    ada.role = "Professor of social work"
    ada.save()
    quote = article.quotes.get(position=1)
    quote.speaker, quote.speaker_label = None, "A spokesperson"
    quote.save()

    changed = parsed_article(
        title="Review names advisers (updated)",
        standfirst="A new standfirst.",
        paragraphs=["First paragraph.", "Second paragraph.", "Third paragraph."],
    )
    article = write(changed, existing=Article.objects.get())
    assert article.title == "Corrected title"
    assert article.date_display == "April 2021"
    assert article.standfirst == "A new standfirst."
    assert article.body.endswith("Third paragraph.")
    assert sorted(article.corrected_fields()) == ["published", "published_precision", "title"]
    assert Person.objects.get(name="Ada Example").role == "Professor of social work"
    kept = article.quotes.get(text="It is a sham.")
    assert kept.speaker is None and kept.speaker_label == "A spokesperson"


def test_what_the_source_no_longer_says_is_removed_unless_corrected():
    article = write(parsed_article())
    corrected = article.quotes.get(position=0)
    corrected.text = "We will listen, carefully."
    corrected.save()
    write(parsed_article(quotes=[], people=[], milestones=[]), existing=article)
    assert list(article.quotes.values_list("text", flat=True)) == ["We will listen, carefully."]
    assert article.people.count() == 0
    assert Milestone.objects.count() == 0


def test_quotes_inserted_before_a_corrected_one_keep_the_correction_with_its_quote():
    article = write(parsed_article())
    quote = article.quotes.get(text="It is a sham.")
    quote.speaker = Person.objects.get(name="Ada Example")
    quote.save()
    new_first = QuoteRef("A new opening quote.", speaker="Bob Sample")
    parsed = parsed_article()
    parsed.quotes = [new_first, *parsed.quotes]
    write(parsed, existing=article)
    texts = list(article.quotes.order_by("position").values_list("text", "speaker__name"))
    assert texts == [
        ("A new opening quote.", "Bob Sample"),
        ("We will listen.", "Ada Example"),
        ("It is a sham.", "Ada Example"),
    ]


def test_near_miss_spellings_become_aliases_to_review():
    write(
        parsed_article(
            people=[PersonRef("Ada Example", ["Ada Exampel"], 1, new_aliases=["Ada Exampel"])]
        )
    )
    alias = PersonAlias.objects.get()
    assert (alias.person.name, alias.name, alias.needs_review) == (
        "Ada Example",
        "Ada Exampel",
        True,
    )


def test_a_milestone_reported_by_two_articles_is_one_milestone():
    write(parsed_article())
    write(parsed_article(title="Another story"), name="b.txt")
    milestone = Milestone.objects.get()
    assert milestone.sources.count() == 2


def expected_call(expected: bool) -> list[MilestoneRef]:
    return [
        MilestoneRef(
            "Call closes", FuzzyDate(2021, 3, 30), "deadline", "…", "call:2021-03-30", expected
        )
    ]


def test_a_milestone_stays_expected_until_an_article_reports_it_happened():
    write(parsed_article(milestones=expected_call(True)))
    assert Milestone.objects.get().expected
    write(parsed_article(title="Later story", milestones=expected_call(True)), name="b.txt")
    assert Milestone.objects.get().expected
    write(parsed_article(title="Afterwards", milestones=expected_call(False)), name="c.txt")
    assert not Milestone.objects.get().expected
    # A fourth article written before the event does not undo what happened.
    write(parsed_article(title="Old preview", milestones=expected_call(True)), name="d.txt")
    assert not Milestone.objects.get().expected


def test_the_export_says_which_milestones_are_expected():
    write(parsed_article(milestones=expected_call(True)))
    export = export_archive()
    assert export["milestones"][0]["expected"] is True
    assert export["articles"][0]["milestones"][0]["expected"] is True


def test_unknown_outlets_and_undated_articles_are_flagged_for_review():
    article = write(parsed_article(outlet="Mystery Gazette", outlet_known=False, published=None))
    assert article.needs_review
    assert "unknown outlet" in article.review_reason
    assert "no publication date" in article.review_reason
    assert article.outlet.needs_review
    assert article.date_display == "date unknown"


def test_what_the_loader_wrote_is_in_the_history_so_staff_can_revert_to_it():
    article = write(parsed_article())
    quote = article.quotes.get(position=1)
    quote.speaker = None
    quote.save()
    versions = list(quote.history.order_by("history_date"))
    assert [v.history_change_reason for v in versions] == ["load_articles", None]
    assert versions[0].speaker.name == "Bob Sample"
    versions[0].instance.save()
    quote.refresh_from_db()
    assert quote.speaker.name == "Bob Sample"
    assert article.history.get().history_change_reason == "load_articles"
    mention = article.person_mentions.first()
    assert mention.history.get().history_change_reason == "load_articles"


def first_name_caller():
    return parsed_article(
        people=[
            PersonRef("Danielle", ["Danielle"], 2, needs_review=True, first_name_only=True),
        ],
        quotes=[QuoteRef("Nobody was there for me.", speaker="Danielle", position=0)],
        memberships=[],
    )


def test_a_person_known_by_a_first_name_alone_is_the_article_s_own():
    first = write(first_name_caller(), name="a.txt")
    second = write(first_name_caller(), name="b.txt")
    callers = Person.objects.filter(name="Danielle").order_by("pk")
    assert callers.count() == 2  # another article's Danielle is someone else
    assert {q.speaker for q in Quote.objects.all()} == set(callers)
    assert first.people.get() != second.people.get()

    write(first_name_caller(), existing=first, name="a.txt")  # a reload finds its own again
    assert Person.objects.filter(name="Danielle").count() == 2
    assert first.people.get() == callers[0]


def test_a_first_name_person_staff_merged_stays_merged_on_reload():
    first = write(first_name_caller(), name="a.txt")
    full = Person.objects.create(name="Danielle Crewe", slug="danielle-crewe")
    merge_people(full, [first.people.get()])
    write(first_name_caller(), existing=first, name="a.txt")
    assert list(first.people.all()) == [full]
    assert not Person.objects.filter(name="Danielle").exists()

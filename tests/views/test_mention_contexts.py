"""Mentions in context on person, organisation, review body and outlet pages."""

import datetime

import pytest
from django.core.management import call_command

from articles import mention_contexts
from articles.models import Article, PersonMention
from tests import factories

pytestmark = pytest.mark.django_db


def contexts(response):
    return {c.article.title: [str(line) for line in c.lines] for c in response.context["contexts"]}


def test_seed_002_shows_ian_dickinson_highlighted_on_ian_dicksons_page(client):
    call_command("load_articles", verbosity=0)
    seed = {a.source_file[:3]: a.title for a in Article.objects.only("source_file", "title")}
    response = client.get("/people/ian-dickson/")
    assert response.context["contexts"].paginator.count == 2
    lines = contexts(response)
    [line] = lines[seed["002"]]
    assert "campaigner <mark>Ian Dickinson</mark> accused the review" in line
    assert any("<mark>Ian Dickson</mark>, a retired social worker" in x for x in lines[seed["000"]])
    assert "campaigner <mark>Ian Dickinson</mark> accused the review" in response.text


def test_every_mention_of_a_sentence_is_marked_and_the_source_text_escaped(client):
    ann = factories.make_person("Ann Lee", aliases=["Ms Lee"])
    factories.make_article(
        "Ann Lee on <b>care</b>",
        body="Ann Lee & Ms Lee <script>alert(1)</script> said so.\n\nNothing here.",
        people=[(ann, ["Ann Lee", "Ms Lee"])],
    )
    response = client.get("/people/ann-lee/")
    lines = contexts(response)["Ann Lee on <b>care</b>"]
    assert lines == [
        "<mark>Ann Lee</mark> on &lt;b&gt;care&lt;/b&gt;",
        "<mark>Ann Lee</mark> &amp; <mark>Ms Lee</mark> &lt;script&gt;alert(1)&lt;/script&gt;"
        " said so.",
    ]
    assert "<script>alert" not in response.text


def test_an_article_without_stored_spans_still_shows_and_says_why(client, archive):
    PersonMention.objects.filter(person=archive.ian).update(spans=[])
    response = client.get("/people/ian-dickson/")
    assert response.status_code == 200
    assert all(not c.lines for c in response.context["contexts"])
    assert "Where this article names Ian Dickson is not recorded" in response.text


def test_a_span_that_no_longer_holds_the_spelling_is_left_out(client, archive):
    archive.penultimate.body = "Rewritten by staff: nobody is named here any more, not at all."
    archive.penultimate.save()
    lines = contexts(client.get("/people/ian-dickson/"))
    assert lines["Care Review launches penultimate stage"] == []
    assert lines["Care Review announces partnership"] == ["<mark>Ian Dickson</mark> was critical."]


def test_contexts_are_paginated_newest_first(client):
    ann = factories.make_person("Ann Lee")
    for day in range(1, 13):
        factories.make_article(
            f"Day {day:02d}",
            published=datetime.date(2022, 1, day),
            body=f"On day {day} Ann Lee spoke.",
            people=[ann],
        )
    first = client.get("/people/ann-lee/")
    assert list(contexts(first)) == [f"Day {day:02d}" for day in range(12, 2, -1)]
    assert 'href="?mentions_page=2#mentions"' in first.text
    second = client.get("/people/ann-lee/?mentions_page=2")
    assert list(contexts(second)) == ["Day 02", "Day 01"]
    assert contexts(second)["Day 01"] == ["On day 1 <mark>Ann Lee</mark> spoke."]
    # Paging the contexts is not filtering the articles.
    assert second.context["filtered"] is False
    assert list(contexts(client.get("/people/ann-lee/?mentions_page=zzz"))) == list(contexts(first))


def test_only_the_first_sentences_are_shown_with_a_count_of_the_rest(client):
    ann = factories.make_person("Ann Lee")
    body = "\n\n".join(f"Paragraph {n}: Ann Lee again." for n in range(5))
    factories.make_article("Many", body=body, people=[ann])
    response = client.get("/people/ann-lee/")
    [context] = response.context["contexts"]
    assert len(context.lines) == mention_contexts.SENTENCES_SHOWN
    assert context.hidden == 5 - mention_contexts.SENTENCES_SHOWN
    assert "And 2 more sentences in the article." in response.text


def test_organisation_and_review_body_pages_show_their_contexts(client, archive):
    organisation = contexts(client.get("/organisations/department-for-education/"))
    assert organisation == {"Care Review announces partnership": []}
    board = factories.make_review_body("Evidence Group")
    factories.make_article(
        "Group meets", body="The Evidence Group met on Monday. It agreed.", review_bodies=[board]
    )
    assert contexts(client.get("/review-bodies/evidence-group/")) == {
        "Group meets": ["The <mark>Evidence Group</mark> met on Monday. It agreed."]
    }


def test_a_long_sentence_is_cut_around_its_mention():
    text = " ".join(["word"] * 100) + " Ann Lee " + " ".join(["more"] * 100)
    start = text.index("Ann Lee")
    [line] = mention_contexts.context_lines(
        {"body": text}, [["body", start, start + 7, 0, len(text)]], ["Ann Lee"]
    )
    assert line.startswith("… word") and line.endswith("more …")
    assert len(line) < 2 * mention_contexts.CONTEXT_RADIUS + 20


def test_outlet_pages_say_where_their_lead_sentences_come_from(client, archive):
    response = client.get("/outlets/social-work-today/")
    assert "Each article below opens with its standfirst" in response.text


def test_reparsing_fills_the_spans_of_articles_loaded_before_they_were_stored(client):
    call_command("load_articles", verbosity=0)
    for mention in PersonMention.objects.all():  # as migration 0010 left them
        mention.spans = []
        mention.loader_values = {k: v for k, v in mention.loader_values.items() if k != "spans"}
        mention.save()
    before = client.get("/people/ian-dickson/")
    assert all(not c.lines for c in before.context["contexts"])
    call_command("load_articles", "--reparse", verbosity=0)
    after = client.get("/people/ian-dickson/")
    assert all(c.lines for c in after.context["contexts"])
    assert "<mark>Ian Dickinson</mark>" in after.text


def test_seed_002_shows_cyp_nows_self_reference_highlighted_on_its_outlet_page(client):
    call_command("load_articles", verbosity=0)
    article = Article.objects.get(source_file__startswith="002")
    response = client.get(article.outlet.get_absolute_url())
    assert "Children &amp; Young People Now in context" in response.text
    [line] = contexts(response)[article.title]
    assert "told <mark>CYP Now</mark> that" in line
    assert "told <mark>CYP Now</mark> that" in response.text


def test_an_outlet_page_shows_where_other_outlets_articles_name_it(client):
    guardian = factories.make_outlet("The Guardian")
    for day in range(1, 13):
        factories.make_article(
            f"Day {day:02d}",
            published=datetime.date(2022, 1, day),
            body=f"On day {day} the Guardian reported it.",
            outlets=[(guardian, ["Guardian"])],
        )
    first = client.get("/outlets/the-guardian/")
    # None of these articles is the Guardian's: the list below is empty, the contexts not.
    assert first.context["page_obj"].paginator.count == 0
    assert first.context["contexts"].paginator.count == 12
    assert contexts(first)["Day 12"] == ["On day 12 the <mark>Guardian</mark> reported it."]
    second = client.get("/outlets/the-guardian/?mentions_page=2")
    assert list(contexts(second)) == ["Day 02", "Day 01"]
    assert "seldom name it" not in second.text

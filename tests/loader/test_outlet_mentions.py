"""The loader stores where articles name outlets, and keeps them current on reload."""

import pytest
from django.core.management import call_command

from articles.models import Article, OutletMention
from articles.parsing.authority import Authority, OutletProfile
from articles.parsing.parse import parse_article
from articles.services.writing import write_article

pytestmark = pytest.mark.django_db

AUTHORITY = Authority(
    outlets=(
        OutletProfile(name="Trade Weekly", homepage="https://trade.example", kind="trade"),
        OutletProfile(
            name="The Guardian",
            aliases=("Guardian",),
            homepage="https://www.theguardian.com",
            kind="national",
        ),
    )
)

PAGE = """Trade Weekly

Councils warn over care plans

19 April 2021

Councils have warned that the review's plans for children's social care are being rushed.

Ann Lee, a social worker, told Trade Weekly the plans were rushed.

The Guardian reported the leak first; the Guardian later corrected it.
"""


def write(text, existing=None):
    return write_article(
        source_file="a.txt",
        sha256=str(len(text)).ljust(64, "0"),
        source_text=text,
        parsed=parse_article(text, AUTHORITY),
        authority=AUTHORITY,
        existing=existing,
    )


def test_a_written_page_stores_the_outlets_it_names_with_their_spans():
    article = write(PAGE)
    mentions = {m.outlet.name: m for m in OutletMention.objects.select_related("outlet")}
    assert sorted(mentions) == ["The Guardian", "Trade Weekly"]
    guardian = mentions["The Guardian"]
    assert (guardian.count, guardian.spellings) == (2, ["The Guardian", "Guardian"])
    # An outlet with no page loaded yet gets its row, from its profile.
    assert guardian.outlet.homepage == "https://www.theguardian.com"
    body = article.body
    assert [body[start:end] for _, start, end, _, _ in guardian.spans] == [
        "The Guardian",
        "Guardian",
    ]
    own = mentions["Trade Weekly"]
    # The masthead line is furniture: only the sentence of the body counts.
    assert own.count == 1
    *_, sentence_start, sentence_end = own.spans[0]
    assert body[sentence_start:sentence_end] == (
        "Ann Lee, a social worker, told Trade Weekly the plans were rushed."
    )


def test_reloading_keeps_what_is_still_named_and_removes_what_is_not():
    article = write(PAGE)
    write(PAGE, existing=article)
    assert OutletMention.objects.count() == 2
    write(PAGE.replace("the Guardian later", "it later"), existing=Article.objects.get())
    assert OutletMention.objects.get(outlet__name="The Guardian").count == 1
    write(
        PAGE.replace("The Guardian reported the leak first; the Guardian", "It"), existing=article
    )
    assert list(OutletMention.objects.values_list("outlet__name", flat=True)) == ["Trade Weekly"]


def test_loading_the_seeds_stores_cyp_nows_self_reference():
    call_command("load_articles", verbosity=0)
    article = Article.objects.get(source_file__startswith="002")
    mention = article.outlet_mentions.get(outlet=article.outlet)
    assert article.outlet.name == "Children & Young People Now"
    [(part, start, end, _, _)] = mention.spans
    assert (part, article.body[start:end]) == ("body", "CYP Now")

"""Details a phone reader and a browser tab notice."""

import pytest

from articles.models import Milestone, MilestoneSource

pytestmark = pytest.mark.django_db


def test_the_article_list_offers_a_way_past_the_filters(client, archive):
    html = client.get("/articles/").content.decode()
    assert '<a href="#results-heading">Skip to the results</a>' in html
    assert 'id="results-heading"' in html


def test_every_page_names_its_icon_so_browsers_do_not_ask_for_favicon_ico(client, archive):
    html = client.get("/").content.decode()
    assert 'rel="icon"' in html and "favicon" in html


def test_timeline_sentences_are_not_wrapped_in_extra_quotation_marks(client, archive):
    milestone = Milestone.objects.create(
        title="Call closes", slug="call-closes", key="call", date_precision="unknown"
    )
    MilestoneSource.objects.create(
        milestone=milestone, article=archive.penultimate, sentence="“We will close it,” she said."
    )
    html = client.get("/timeline/").content.decode()
    assert "<q" not in html
    assert "“We will close it,” she said." in html

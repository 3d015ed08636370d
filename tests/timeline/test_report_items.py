"""The timeline's report items (articles/templatetags/timeline.py): every value escaped,
the first five listed, the rest behind a disclosure, as the template loop did."""

import datetime
import re

import pytest

from articles.milestone_reports import Report
from articles.models import MilestoneSource
from articles.templatetags.timeline import report_items
from tests import factories

HOSTILE = '<script>alert("x")</script> & Co'


def test_every_value_is_escaped_and_an_empty_sentence_adds_nothing():
    html = report_items(
        [
            Report('/a/"x"/', HOSTILE, "<Outlet>", "1 May 2022", "It's <b>out</b>."),
            Report("/b/", "Plain", "Outlet", "2 May 2022"),
        ]
    )
    assert "<script>" not in html and "<b>" not in html and "<Outlet>" not in html
    assert (
        '<li><a href="/a/&quot;x&quot;/">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co'
        '</a> (&lt;Outlet&gt;, 1 May 2022)<br><span class="source-sentence">'
        "It&#x27;s &lt;b&gt;out&lt;/b&gt;.</span></li>"
    ) in html
    assert html.endswith('<li><a href="/b/">Plain</a> (Outlet, 2 May 2022)</li>')


@pytest.mark.django_db
def test_the_first_five_are_listed_and_the_rest_disclosed(client):
    day = datetime.date(2022, 5, 23)
    milestone = factories.make_milestone("Final report published", day)
    for n in range(7):
        article = factories.make_article(
            f"{HOSTILE} {n}", published=day + datetime.timedelta(days=n), body="-"
        )
        MilestoneSource.objects.create(milestone=milestone, article=article, sentence=f"<i>{n}</i>")
    html = client.get("/timeline/").text
    item = html[html.index('id="final-report-published"') :]
    item = item[: item.index("</li>\n</ol>") if "</li>\n</ol>" in item else None]
    first, disclosed = item.split('<details class="more-reports">')
    assert first.count('<span class="source-sentence">') == 5
    assert "The other 2 articles reporting" in disclosed
    assert re.findall(r"&lt;i&gt;(\d)&lt;/i&gt;", disclosed) == ["5", "6"]
    assert "<script>" not in html and "<i>" not in html

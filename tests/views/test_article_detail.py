"""One article's page, its source page, its links, citation and JSON-LD."""

import datetime
import json
import re

import pytest

from articles.parsing.fuzzydate import SEASON
from tests import factories

pytestmark = pytest.mark.django_db


def json_ld(response) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', response.text, re.S)
    assert match, "no JSON-LD"
    return json.loads(match.group(1))


def test_article_page_shows_everything_about_the_article(client, archive):
    factories.make_milestone(
        "Call for Ideas closes", datetime.date(2021, 12, 31), articles=[archive.penultimate]
    )
    response = client.get(archive.penultimate.get_absolute_url())
    assert response.status_code == 200
    text = response.text
    assert "<h1>Care Review launches penultimate stage</h1>" in text
    assert '<time datetime="2021-11-09">9 November 2021</time>' in text
    assert "by Fiona Simpson" in text
    assert 'href="/outlets/cyp-now/">CYP Now</a>' in text
    assert "<p>The penultimate stage begins.</p>" in text
    assert "pointing out problems is the easy bit" in text
    assert 'href="/people/josh-macalister/">Josh MacAlister</a></figcaption>' in text
    assert (
        'href="/timeline/#call-for-ideas-closes">Call for Ideas closes</a> (31 December 2021)'
        in (text)
    )
    assert archive.penultimate.source_file in text
    assert archive.penultimate.sha256 in text
    assert f'href="/articles/{archive.penultimate.slug}/source/"' in text


def test_mentions_are_linked_in_the_spelling_the_article_used(client, archive):
    text = client.get(archive.penultimate.get_absolute_url()).text
    assert '<a class="mention" href="/people/ian-dickson/">Ian Dickinson</a> said' in text
    assert "(written as “Ian Dickinson”)" in text


def test_source_text_is_never_output_unescaped(client, archive):
    article = factories.make_article(
        "A <b>bold</b> title",
        body='Ian Dickson wrote <script>alert("x")</script>.\n\n<img src=x onerror=alert(1)>',
        people=[archive.ian],
        standfirst="<i>standfirst</i>",
        captions=["<svg onload=alert(1)>"],
        links=["javascript:alert(1)", "https://example.org/report.pdf"],
        source_text="<script>alert('source')</script>",
    )
    factories.make_quote(article, "<u>quoted</u>", archive.ian)
    text = client.get(article.get_absolute_url()).text
    for unsafe in ("<script>alert", "<img src=x", "<b>bold</b>", "<i>standfirst", "<svg", "<u>"):
        assert unsafe not in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in text
    assert '<a class="mention" href="/people/ian-dickson/">Ian Dickson</a> wrote' in text
    assert 'href="javascript:' not in text
    assert "<li>javascript:alert(1)</li>" in text
    assert 'href="https://example.org/report.pdf"' in text
    source = client.get(f"{article.get_absolute_url()}source/").text
    assert "<pre" in source and "&lt;script&gt;alert(&#x27;source&#x27;)&lt;/script&gt;" in source


def test_citation_line(client, archive):
    response = client.get(archive.penultimate.get_absolute_url())
    assert response.context["citation"] == (
        "Fiona Simpson, “Care Review launches penultimate stage”, CYP Now, 9 November 2021. "
        f"Care Review Archive, https://testserver/articles/{archive.penultimate.slug}/"
    )


def test_json_ld_describes_a_news_article(client, archive):
    data = json_ld(client.get(archive.penultimate.get_absolute_url()))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Care Review launches penultimate stage"
    assert data["datePublished"] == "2021-11-09"
    assert data["author"] == {"@type": "Person", "name": "Fiona Simpson"}
    assert data["publisher"]["name"] == "CYP Now"
    names = {mention["name"] for mention in data["mentions"]}
    assert names == {"Ian Dickson", "Josh MacAlister", "Ray Jones"}


def test_json_ld_leaves_out_dates_iso_8601_cannot_say(client, archive):
    data = json_ld(client.get(archive.spring.get_absolute_url()))
    assert "datePublished" not in data
    assert archive.spring.published_precision == SEASON
    month = json_ld(client.get(archive.launch.get_absolute_url()))
    assert month["datePublished"] == "2021-03"


def test_json_ld_escapes_markup_in_the_data(client, archive):
    article = factories.make_article("</script><script>alert(1)</script>")
    response = client.get(article.get_absolute_url())
    assert "<script>alert(1)" not in response.text
    assert json_ld(response)["headline"] == "</script><script>alert(1)</script>"


def test_undated_article_says_date_unknown(client, archive):
    text = client.get(archive.faq.get_absolute_url()).text
    assert '<span class="date-unknown">date unknown</span>' in text


def test_missing_article_and_source_are_404(client, db):
    assert client.get("/articles/no-such-article/").status_code == 404
    assert client.get("/articles/no-such-article/source/").status_code == 404
    assert client.get("/articles/%ED%A0%80/").status_code == 404

"""Saved HTML pages, WARC captures and the metadata that comes with a dump, through the loader."""

import datetime
import hashlib
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.exports.archive import export_archive
from articles.models import Article, SourceFile
from tests.loader.test_load_command import SHORT_ARTICLE, run

from .pages import charity_page, national_page, trade_page, warc_of

pytestmark = pytest.mark.django_db

WARC_DATE = datetime.datetime(2022, 5, 24, 10, 15, tzinfo=datetime.UTC)


def write_pages(directory):
    directory.mkdir(exist_ok=True)
    (directory / "cypnow.html").write_text(trade_page(), encoding="utf-8")
    (directory / "guardian.htm").write_text(national_page(), encoding="utf-8")
    (directory / "charity.html").write_text(charity_page(), encoding="utf-8")
    return directory


def test_saved_pages_of_three_layouts_load_with_their_metadata(client, tmp_path, capsys):
    out, failed = run(write_pages(tmp_path / "pages"), capsys=capsys)
    assert not failed and "3 loaded" in out.out, out.err

    cyp = Article.objects.get(source_file="cypnow.html")
    assert cyp.title == "Care review calls for a reset of children's social care"
    assert cyp.outlet.name == "Children & Young People Now"
    assert cyp.author == "Fiona Simpson"
    assert cyp.published == datetime.date(2021, 6, 17) and cyp.published_precision == "day"
    assert cyp.source.url == "https://www.cypnow.co.uk/news/article/care-review-reset"
    assert cyp.field_origins == {
        "title": "HTML metadata",
        "author": "HTML metadata",
        "published": "HTML metadata",
        "outlet": "HTML metadata",
        "url": "HTML metadata",
    }
    # The same entity and quote extraction as a text page; no menu or footer in the body.
    assert "Josh MacAlister" in cyp.people.values_list("name", flat=True)
    assert cyp.quotes.filter(text__startswith="We have heard from thousands").exists()
    assert "Most read" not in cyp.body and "All rights reserved" not in cyp.body

    guardian = Article.objects.get(source_file="guardian.htm")
    assert guardian.outlet.name == "The Guardian"
    assert (guardian.author, guardian.published) == ("Sally Weale", datetime.date(2022, 5, 23))
    assert guardian.title == "Children's social care review urges £2.6bn shake-up"
    assert "Sign up to our newsletter" not in guardian.body

    charity = Article.objects.get(source_file="charity.html")
    assert charity.title == "Our response to the care review"
    assert charity.field_origins["title"] == "HTML metadata"
    assert charity.field_origins["published"] == "parser"
    assert "Registered charity" not in charity.body

    page = tmp_path / "pages" / "guardian.htm"
    served = client.get(reverse("articles:article-source-raw", kwargs={"slug": guardian.slug}))
    assert served.content == page.read_bytes()
    assert served["Content-Type"] == "text/html; charset=utf-8"
    assert served["Content-Security-Policy"].startswith("sandbox")
    article_page = client.get(guardian.get_absolute_url()).content.decode()
    assert 'href="https://www.theguardian.com/society/2022/may/23/care-review"' in article_page


def test_html_saved_as_txt_goes_the_html_way(tmp_path, capsys):
    (tmp_path / "saved-from-browser.txt").write_text(trade_page(), encoding="utf-8")
    out, failed = run(tmp_path, capsys=capsys)
    assert not failed, out.err
    article = Article.objects.get()
    assert article.title == "Care review calls for a reset of children's social care"
    assert article.source.media_type == "text/html"
    assert "<" not in article.body


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_every_html_response_in_a_warc_is_an_article(client, tmp_path, capsys, gzip):
    pages = [
        ("https://www.cypnow.co.uk/news/article/care-review-reset", trade_page()),
        ("https://www.theguardian.com/society/2022/may/23/care-review", national_page()),
        ("https://becomecharity.org.uk/news/care-review-response", charity_page()),
    ]
    name = "capture.warc.gz" if gzip else "capture.warc"
    (tmp_path / name).write_bytes(warc_of(pages, gzip=gzip))

    out, failed = run(tmp_path, capsys=capsys)
    assert not failed and "Done: 3 loaded" in out.out, out.err
    versions = SourceFile.objects.order_by("url")
    assert [v.url for v in versions] == sorted(url for url, _ in pages)
    assert {v.captured for v in versions} == {WARC_DATE}
    for version in versions:
        html = dict(pages)[version.url].encode()
        assert bytes(version.content) == html and version.sha256 == hashlib.sha256(html).hexdigest()
        assert version.media_type == "text/html" and version.original_path.endswith(name)
    charity = Article.objects.get(source__url=pages[2][0])
    # No outlet in the page's markup: the URL's host names it.
    assert charity.outlet.name == "Become" and charity.field_origins["outlet"] == "URL host"
    assert charity.field_origins["url"] == "WARC record"

    out, failed = run(tmp_path, capsys=capsys)
    assert "0 loaded, 0 updated, 3 unchanged" in out.out


def test_a_sidecar_outranks_what_the_page_says(tmp_path, capsys):
    (tmp_path / "cypnow.html").write_text(trade_page(), encoding="utf-8")
    (tmp_path / "cypnow.json").write_text(
        json.dumps(
            {
                "url": "https://www.communitycare.co.uk/2021/06/17/care-review-reset/",
                "outlet": "Community Care",
                "published": "2021-06-18",
                "captured": "2021-06-18T08:00:00Z",
                "title": "Care review: a reset for children's social care",
            }
        ),
        encoding="utf-8",
    )
    out, failed = run(tmp_path, capsys=capsys)
    assert not failed, out.err
    article = Article.objects.get()
    assert article.title == "Care review: a reset for children's social care"
    assert article.outlet.name == "Community Care"
    assert article.published == datetime.date(2021, 6, 18)
    assert article.author == "Fiona Simpson"  # the sidecar says nothing of the author
    assert article.source.url == "https://www.communitycare.co.uk/2021/06/17/care-review-reset/"
    assert article.source.captured == datetime.datetime(2021, 6, 18, 8, 0, tzinfo=datetime.UTC)
    assert article.field_origins == {
        "title": "sidecar cypnow.json",
        "author": "HTML metadata",
        "published": "sidecar cypnow.json",
        "outlet": "sidecar cypnow.json",
        "url": "sidecar cypnow.json",
    }
    exported = export_archive()["articles"][0]
    assert exported["field_origins"] == article.field_origins
    assert exported["source_url"] == article.source.url
    assert exported["captured"] == "2021-06-18T08:00:00+00:00"

    # A reparse reads the stored bytes and the metadata kept with them: nothing changes.
    call_command("load_articles", "--reparse", verbosity=0)
    article.refresh_from_db()
    assert article.title == "Care review: a reset for children's social care"
    assert article.field_origins["outlet"] == "sidecar cypnow.json"


def test_a_header_block_gives_the_url_and_its_host_the_outlet(tmp_path, capsys):
    header = "URL: https://www.communitycare.co.uk/2021/01/15/kinship/\nCaptured: 2021-01-16\n\n"
    (tmp_path / "council.txt").write_text(header + SHORT_ARTICLE, encoding="utf-8")
    out, failed = run(tmp_path, capsys=capsys)
    assert not failed, out.err
    article = Article.objects.get()
    assert article.title == "Council pledges more support for kinship carers"
    assert article.outlet.name == "Community Care"
    assert article.field_origins["outlet"] == "URL host"
    assert article.field_origins["url"] == "header block"
    assert article.field_origins["title"] == "parser"
    assert article.source.captured == datetime.datetime(2021, 1, 16, tzinfo=datetime.UTC)
    assert bytes(article.source.content).startswith(b"URL: https://")  # kept as given
    assert "URL:" not in article.source_text


@pytest.mark.parametrize(
    ("sidecar", "reason"),
    [
        ("{not json", "sidecar page.json: not valid JSON"),
        ('["a list"]', "sidecar page.json: must be a JSON object"),
        ('{"url": "ftp://x"}', "sidecar page.json: url 'ftp://x' is not an http(s) address"),
        ('{"author": "X"}', "sidecar page.json: unknown field author"),
        ('{"published": "someday"}', "sidecar page.json: published 'someday' is not a date"),
        ('{"captured": "noon"}', "sidecar page.json: captured 'noon' is not an ISO 8601 time"),
    ],
)
def test_bad_metadata_is_one_line_naming_the_file(tmp_path, capsys, sidecar, reason):
    (tmp_path / "page.txt").write_text(SHORT_ARTICLE, encoding="utf-8")
    (tmp_path / "page.json").write_text(sidecar, encoding="utf-8")
    (tmp_path / "other.txt").write_text(SHORT_ARTICLE.replace("council", "borough"), "utf-8")
    out, failed = run(tmp_path, capsys=capsys)
    assert failed and "1 loaded" in failed and "1 failed" in failed
    [line] = out.err.strip().splitlines()
    assert line.startswith(f"{tmp_path / 'page.txt'}: failed: {reason}")


def test_a_warc_of_no_pages_and_an_html_page_with_no_text_are_one_line_each(tmp_path, capsys):
    (tmp_path / "broken.warc").write_bytes(b"WARC/1.0\r\nnot really\r\n\r\n")
    (tmp_path / "empty.html").write_text("<html><head></head><body></body></html>", "utf-8")
    out, failed = run(tmp_path, capsys=capsys)
    assert failed and "2 failed" in failed
    errors = sorted(out.err.strip().splitlines())
    assert errors[0] == (
        f"{tmp_path / 'broken.warc'}: failed: no text/html response records among its "
        "1 WARC record(s)"
    )
    assert errors[1] == f"{tmp_path / 'empty.html'}: failed: no article text found in the HTML page"

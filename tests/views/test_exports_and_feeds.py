"""CSV, JSON and Atom versions of filtered lists; sitemap.xml and robots.txt."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from tests import factories

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def body(response) -> str:
    assert isinstance(response, StreamingHttpResponse), "exports must stream"
    return b"".join(response.streaming_content).decode("utf-8-sig")


def test_csv_export_has_the_filtered_articles_in_list_order(client, archive):
    response = client.get("/articles/?person=ian-dickson&format=csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="care-review-articles-ian-dickson.csv"'
    )
    rows = list(csv.DictReader(io.StringIO(body(response))))
    assert [row["title"] for row in rows] == [
        "Care Review launches penultimate stage",
        "Care Review announces partnership",
    ]
    first = rows[0]
    assert first["url"] == f"https://testserver/articles/{archive.penultimate.slug}/"
    assert first["outlet"] == "CYP Now"
    assert first["published"] == "2021-11-09"
    assert first["published_display"] == "9 November 2021"
    assert first["people"] == "Ian Dickson; Josh MacAlister; Ray Jones"
    assert first["quotes"] == "Josh MacAlister: pointing out problems is the easy bit"
    assert first["author"] == "Fiona Simpson"
    assert first["sha256"] == archive.penultimate.sha256


def test_csv_export_keeps_precision_and_undated_articles(client, archive):
    rows = list(csv.DictReader(io.StringIO(body(client.get("/articles/?format=csv")))))
    by_title = {row["title"]: row for row in rows}
    assert by_title["Final report expected"]["published"] == "2022-21"
    assert by_title["Final report expected"]["published_display"] == "spring 2022"
    assert by_title["Final report expected"]["published_end"] == "2022-05-31"
    assert by_title["Frequently asked questions"]["published"] == ""
    assert by_title["Frequently asked questions"]["published_display"] == "date unknown"
    assert rows[-1]["title"] == "Frequently asked questions"


def test_csv_cells_cannot_become_spreadsheet_formulas(client, archive):
    factories.make_article('=HYPERLINK("http://x")', author="@admin")
    rows = list(csv.DictReader(io.StringIO(body(client.get("/articles/?format=csv")))))
    risky = next(row for row in rows if "HYPERLINK" in row["title"])
    assert risky["title"] == '\'=HYPERLINK("http://x")'
    assert risky["author"] == "'@admin"


def test_json_export_has_filters_and_structured_articles(client, archive):
    response = client.get("/articles/?kind=opinion&format=json")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(body(response))
    assert data["filters"] == {"kind": ["opinion"]}
    [article] = data["articles"]
    assert article["title"] == "Review formally launches"
    assert article["published"] == "2021-03"
    assert article["published_start"] == "2021-03-01"
    assert article["published_end"] == "2021-03-31"
    assert article["people"] == [{"name": "Josh MacAlister", "slug": "josh-macalister"}]
    assert article["kind"] == "opinion"


def test_json_export_of_nothing_is_valid_json(client, archive):
    data = json.loads(body(client.get("/articles/?person=ray-jones&kind=opinion&format=json")))
    assert data["articles"] == []


def test_export_with_invalid_filters_is_a_bad_request_not_everything(client, archive):
    response = client.get("/articles/?person=nobody&format=csv")
    assert response.status_code == 400
    assert "There is no person “nobody”" in response.content.decode()


def test_atom_feed_follows_the_filters(client, archive):
    response = client.get("/articles/feed/?person=ian-dickson")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.find(f"{ATOM}title").text == "Care Review Archive: articles mentioning Ian Dickson"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.find(f"{ATOM}title").text for entry in entries] == [
        "Care Review launches penultimate stage",
        "Care Review announces partnership",
    ]
    first = entries[0]
    assert first.find(f"{ATOM}link").get("href") == (
        f"https://testserver/articles/{archive.penultimate.slug}/"
    )
    assert first.find(f"{ATOM}author/{ATOM}name").text == "Fiona Simpson"
    assert first.find(f"{ATOM}published").text.startswith("2021-11-09")
    alternate = feed.find(f"{ATOM}link[@rel='alternate']").get("href")
    assert alternate == "https://testserver/articles/?person=ian-dickson"


def test_atom_feed_is_newest_first_even_when_the_list_was_sorted(client, archive):
    feed = ET.fromstring(client.get("/articles/feed/?sort=oldest").content)
    titles = [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")]
    assert titles[0] == "Final report expected" and titles[-1] == "Frequently asked questions"


def test_atom_feed_with_invalid_filters_is_a_bad_request(client, archive):
    assert client.get("/articles/feed/?date_from=someday").status_code == 400


def test_list_pages_link_their_exports_and_feed(client, archive):
    response = client.get("/articles/?person=ian-dickson&page=1")
    assert response.context["links"] == {
        "csv": "/articles/?person=ian-dickson&format=csv",
        "json": "/articles/?person=ian-dickson&format=json",
        "ris": "/articles/?person=ian-dickson&format=ris",
        "bibtex": "/articles/?person=ian-dickson&format=bibtex",
        "csljson": "/articles/?person=ian-dickson&format=csljson",
        "feed": "/articles/feed/?person=ian-dickson",
    }
    assert 'type="application/atom+xml"' in response.text


def locations(response) -> list[str]:
    return [element.text for element in ET.fromstring(response.content).iter(f"{SITEMAP}loc")]


def test_sitemap_index_names_every_section(client, archive):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert sorted(locations(response)) == sorted(
        f"https://testserver/sitemap-{section}.xml"
        for section in ("pages", "articles", "people", "organisations", "review-bodies", "outlets")
    )


def test_sitemap_sections_list_every_public_page_once(client, archive):
    found = []
    for section_url in locations(client.get("/sitemap.xml")):
        response = client.get(section_url.removeprefix("https://testserver"))
        assert response.status_code == 200
        found += locations(response)
    base = "https://testserver"
    expected = {
        f"{base}/",
        f"{base}/articles/",
        f"{base}/timeline/",
        f"{base}/people/",
        f"{base}/organisations/",
        f"{base}/review-bodies/",
        f"{base}/outlets/",
        f"{base}/articles/{archive.penultimate.slug}/",
        f"{base}/people/ian-dickson/",
        f"{base}/organisations/department-for-education/",
        f"{base}/review-bodies/experts-by-experience-board/",
        f"{base}/outlets/cyp-now/",
    }
    assert expected <= set(found)
    assert len(found) == len(set(found)) == 7 + 5 + 3 + 1 + 1 + 2


def test_large_sitemap_sections_are_paged(client, archive, monkeypatch):
    from articles import sitemaps

    monkeypatch.setattr(sitemaps.ArticleSitemap, "limit", 2)
    index = locations(client.get("/sitemap.xml"))
    pages = [url for url in index if "sitemap-articles.xml" in url]
    assert pages == [
        "https://testserver/sitemap-articles.xml",
        "https://testserver/sitemap-articles.xml?p=2",
        "https://testserver/sitemap-articles.xml?p=3",
    ]
    assert len(locations(client.get("/sitemap-articles.xml?p=3"))) == 1
    assert client.get("/sitemap-articles.xml?p=4").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: https://testserver/sitemap.xml" in lines


def test_sitemap_index_dates_the_articles_section_with_one_aggregate(client, archive):
    newest = Article.objects.order_by("-updated_at").first().updated_at
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/sitemap.xml")
    lastmods = [e.text for e in ET.fromstring(response.content).iter(f"{SITEMAP}lastmod")]
    assert newest.strftime("%Y-%m-%d") in " ".join(lastmods)
    sql = [q["sql"] for q in queries]
    # The newest change is asked of the database, not found by building every article.
    assert any('MAX("articles_article"."updated_at")' in s for s in sql), sql
    assert not any('"articles_article"."slug"' in s for s in sql), sql

"""?format= on every list and detail page: JSON with filters and paging, citations.

The RIS and BibTeX are read back with the libraries that wrote them (rispy,
bibtexparser) and checked field by field against the seeds.
"""

import csv
import io
import json

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware
from django.core.management import call_command

from articles.models import Article

pytestmark = pytest.mark.django_db


def streamed(response) -> bytes:
    return b"".join(response.streaming_content)


def test_csv_starts_with_a_byte_order_mark_for_excel(client, archive):
    raw = streamed(client.get("/articles/?format=csv"))
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw[3:].decode().startswith("url,")


def test_file_names_name_the_page_and_its_filters(client, archive):
    def file_name(url):
        return client.get(url)["Content-Disposition"].split('"')[1]

    assert file_name("/people/ian-dickson/?date_from=2021&date_to=2021&format=csv") == (
        "care-review-articles-ian-dickson-2021.csv"
    )
    assert file_name("/articles/?person=ian-dickson&date_from=2021-04&format=json") == (
        "care-review-articles-ian-dickson-from-2021-04.json"
    )
    assert file_name("/articles/?q=Stage+managed&kind=news&has_quotes=1&format=ris") == (
        "care-review-articles-stage-managed-news-with-quotes.ris"
    )
    assert file_name("/articles/?format=bibtex") == "care-review-articles.bib"


def test_person_page_json_lists_the_person_among_its_filters(client, archive):
    response = client.get("/people/ian-dickson/?kind=news&format=json")
    data = json.loads(streamed(response))
    assert data["filters"] == {"person": ["ian-dickson"], "kind": ["news"]}
    assert data["count"] == 2
    assert [article["title"] for article in data["articles"]] == [
        "Care Review launches penultimate stage",
        "Care Review announces partnership",
    ]


@pytest.mark.parametrize(
    ("url", "key", "first"),
    [
        ("/people/", "people", "Ian Dickson"),
        ("/organisations/", "organisations", "Department for Education"),
        ("/review-bodies/", "review_bodies", "Experts by Experience Board"),
        ("/outlets/", "outlets", "CYP Now"),
    ],
)
def test_index_pages_answer_json_with_filters_and_paging(client, archive, url, key, first):
    response = client.get(f"{url}?format=json")
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["filters"] == {}
    assert data["paging"]["page"] == 1
    assert data["paging"]["next"] is None
    assert data[key][0]["name"] == first
    assert data[key][0]["url"].startswith("https://testserver/")
    assert data["paging"]["count"] == len(data[key])


def test_index_json_pages_link_the_next_page(client, archive, monkeypatch):
    from articles import browsing

    monkeypatch.setattr(browsing, "INDEX_PAGE_SIZE", 2)
    data = client.get("/people/?format=json").json()
    assert data["paging"] == {
        "page": 1,
        "pages": 2,
        "per_page": 2,
        "count": 3,
        "next": "https://testserver/people/?format=json&page=2",
        "previous": None,
    }
    assert [person["name"] for person in data["people"]] == ["Ian Dickson", "Josh MacAlister"]
    assert client.get("/people/?format=json&page=2").json()["people"][0]["name"] == "Ray Jones"


def test_timeline_answers_json(client, archive):
    from tests import factories

    factories.make_milestone(title="Final report published", articles=[archive.spring])
    data = client.get("/timeline/?format=json").json()
    assert data["filters"] == {}
    [milestone] = data["milestones"]
    assert milestone["title"] == "Final report published"
    assert milestone["articles"] == 1
    assert milestone["articles_listed"] == [f"https://testserver/articles/{archive.spring.slug}/"]


def test_article_page_answers_json_and_citations(client, archive):
    url = archive.penultimate.get_absolute_url()
    data = json.loads(streamed(client.get(f"{url}?format=json")))
    [article] = data["articles"]
    assert article["title"] == "Care Review launches penultimate stage"
    assert article["quotes"][0]["speaker"] == "Josh MacAlister"
    [entry] = rispy.loads(streamed(client.get(f"{url}?format=ris")).decode())
    assert entry["title"] == "Care Review launches penultimate stage"
    assert client.get(f"{url}?format=xml").status_code == 400
    assert client.get("/articles/no-such-article/?format=ris").status_code == 404


def test_csl_json_items(client, archive):
    items = json.loads(streamed(client.get("/articles/?format=csljson")))
    by_title = {item["title"]: item for item in items}
    penultimate = by_title["Care Review launches penultimate stage"]
    assert penultimate["type"] == "article-newspaper"
    assert penultimate["container-title"] == "CYP Now"
    assert penultimate["issued"] == {"date-parts": [[2021, 11, 9]]}
    assert penultimate["author"] == [{"literal": "Fiona Simpson"}]
    assert by_title["Review formally launches"]["issued"] == {"date-parts": [[2021, 3]]}
    assert by_title["Final report expected"]["issued"] == {"date-parts": [[2022]], "season": 1}
    assert "issued" not in by_title["Frequently asked questions"]


@pytest.fixture
def seeds(db):
    call_command("load_articles", verbosity=0)
    return {article.slug: article for article in Article.objects.select_related("outlet")}


def test_ris_of_the_seeds_reads_back_with_title_outlet_date_and_author(client, seeds):
    entries = rispy.loads(streamed(client.get("/articles/?format=ris")).decode())
    assert len(entries) == len(seeds) == 5
    for entry in entries:
        article = seeds[entry["id"]]
        assert entry["type_of_reference"] == "NEWS"
        assert entry["title"] == article.title
        assert entry["secondary_title"] == article.outlet.name
        assert entry.get("authors") == ([article.author] if article.author else None)
        if article.published is None:
            assert "date" not in entry
        else:
            assert entry["year"] == str(article.published.year)
            assert entry["date"].startswith(f"{article.published.year}/")
    dated = [entry for entry in entries if seeds[entry["id"]].published_precision == "day"]
    assert dated, "the seeds have articles dated to the day"
    for entry in dated:
        assert entry["date"] == seeds[entry["id"]].published.strftime("%Y/%m/%d/")


def test_bibtex_of_the_seeds_reads_back_with_title_outlet_date_and_author(client, seeds):
    text = streamed(client.get("/articles/?format=bibtex")).decode()
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert not library.failed_blocks
    assert len(library.entries) == len(seeds) == 5
    for entry in library.entries:
        article = seeds[entry.key]
        assert entry.entry_type == "article"
        assert entry["title"] == article.title
        assert entry["journal"] == article.outlet.name
        assert entry.fields_dict.get("author") is None or entry["author"] == article.author
        assert bool(article.author) == ("author" in entry.fields_dict)
        if article.published is not None:
            assert entry["year"] == str(article.published.year)
            assert entry["date"] == article.date_edtf


def test_bibtex_survives_latex_special_characters(client, db):
    from tests import factories

    factories.make_article("Fees & charges: 50% {up}", author="O'Brien & Co #1")
    text = streamed(client.get("/articles/?format=bibtex")).decode()
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    [entry] = library.entries
    assert entry["title"] == "Fees & charges: 50% {up}"
    assert entry["author"] == "O'Brien & Co #1"


def test_articles_csv_quotes_column_has_the_quote_texts(client, archive):
    rows = list(
        csv.DictReader(
            io.StringIO(streamed(client.get("/articles/?format=csv")).decode("utf-8-sig"))
        )
    )
    by_title = {row["title"]: row for row in rows}
    assert by_title["Care Review announces partnership"]["quotes"] == (
        "Ian Dickson: How can the government's own Chief Social Worker"
    )
    assert by_title["Frequently asked questions"]["quotes"] == ""


@pytest.mark.parametrize(
    ("url", "first"),
    [
        ("/people/", "Ian Dickson"),
        ("/organisations/", "Department for Education"),
        ("/review-bodies/", "Experts by Experience Board"),
        ("/outlets/", "CYP Now"),
    ],
)
def test_index_pages_link_their_json_above_the_list(client, archive, url, first):
    text = client.get(url).text
    assert text.index('<a href="?format=json">JSON</a>') < text.index(f">{first}</a>")

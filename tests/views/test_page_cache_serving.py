"""How the page cache serves a hit: first of all the middleware, with the headers the
rest of the stack gave the page, compressed for the clients that accept gzip."""

import gzip

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from archivecache import stored
from archivecache.middleware import HEADER

pytestmark = [pytest.mark.page_cache, pytest.mark.django_db(transaction=True)]

# Headers the outer middleware add (security, content security and permissions policy).
STACK_HEADERS = (
    "Strict-Transport-Security",
    "Content-Security-Policy",
    "Permissions-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "X-Frame-Options",
    "Content-Type",
)


def test_a_hit_carries_the_headers_the_rest_of_the_stack_gave_the_page(client, archive):
    first = client.get("/articles/")
    hit = client.get("/articles/")
    assert (first[HEADER], hit[HEADER]) == ("miss", "hit")
    for name in STACK_HEADERS:
        assert hit[name] == first[name], name
    assert hit["Vary"] == "Accept-Encoding"
    assert int(hit["Content-Length"]) == len(hit.content)


def test_a_client_that_accepts_gzip_gets_the_stored_compressed_body(client, archive):
    plain = client.get("/timeline/")
    hit = client.get("/timeline/", headers={"Accept-Encoding": "gzip, deflate, br"})
    assert hit[HEADER] == "hit"
    assert hit["Content-Encoding"] == "gzip"
    assert int(hit["Content-Length"]) == len(hit.content) < len(plain.content)
    assert gzip.decompress(hit.content) == plain.content


def test_a_client_that_refuses_gzip_gets_the_plain_body(client, archive):
    plain = client.get("/timeline/")
    hit = client.get("/timeline/", headers={"Accept-Encoding": "gzip;q=0, identity"})
    assert hit[HEADER] == "hit"
    assert "Content-Encoding" not in hit
    assert hit.content == plain.content


def test_plain_http_is_still_redirected_to_https_when_the_page_is_cached(archive):
    from django.test import Client

    Client().get("/articles/", secure=True)
    response = Client().get("/articles/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_static_files_are_left_to_whitenoise_without_a_query(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/static/css/archive.css")
    assert HEADER not in response


# The stored form: pure, no database.


@pytest.mark.parametrize(
    ("accept", "compressed"),
    [
        ("gzip", True),
        ("br, gzip;q=0.8", True),
        ("GZIP", True),
        ("gzip;q=0", False),
        ("gzip; q=0.0, identity", False),
        ("br", False),
        ("", False),
    ],
)
def test_gzip_is_sent_only_when_accepted(accept, compressed):
    request = RequestFactory().get("/", headers={"Accept-Encoding": accept} if accept else {})
    assert stored.accepts_gzip(request) is compressed


def test_a_stored_page_keeps_its_headers_but_not_its_length():
    page = stored.stored(HttpResponse("é" * 1000, headers={"X-Test": "1", "Content-Length": "7"}))
    assert ("X-Test", "1") in page.headers
    assert not any(name == "Content-Length" for name, _ in page.headers)
    served = stored.served(page, RequestFactory().get("/"))
    assert served.content == ("é" * 1000).encode()
    assert served["Content-Length"] == str(len(served.content))
    assert served["X-Test"] == "1"

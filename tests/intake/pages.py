"""Saved web pages written for the tests, in three outlets' layouts, and a WARC of them.

Each page carries the same kind of story; the markup differs as it does between
outlets: a trade magazine's <article> with Open Graph tags, a national paper's
JSON-LD and a byline block, and a charity's plain CMS page with no metadata at all.
"""

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PARAGRAPHS = [
    "Josh MacAlister, the chair of the Independent Review of Children's Social Care, said "
    "the system needed a reset after years of rising costs.",
    "“We have heard from thousands of families, and the message is clear,” he said.",
    "The review will publish its final report in May 2022, with recommendations for "
    "councils and the government.",
    "Councils said they would study the proposals before responding in full.",
]


def _body(paragraphs=PARAGRAPHS) -> str:
    return "\n".join(f"<p>{p}</p>" for p in paragraphs)


def trade_page(title="Care review calls for a reset of children's social care") -> str:
    """Children & Young People Now's layout: Open Graph tags, an <article>, menus around it."""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | CYP Now</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Children &amp; Young People Now">
<meta name="author" content="Fiona Simpson">
<meta property="article:published_time" content="2021-06-17T09:00:00+01:00">
<link rel="canonical" href="https://www.cypnow.co.uk/news/article/care-review-reset">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/jobs">Jobs</a></li></ul></nav></header>
<main><article><h1>{title}</h1><p class="byline">By Fiona Simpson</p>
{_body()}
</article></main>
<aside><h2>Most read</h2><ul><li><a href="/a">Another story</a></li></ul></aside>
<footer><p>© MA Education 2021. All rights reserved.</p></footer>
</body></html>"""


def national_page() -> str:
    """The Guardian's layout: JSON-LD metadata, a headline block and a standfirst."""
    return (
        """<!doctype html>
<html><head><meta charset="utf-8"><title>Children's social care review | The Guardian</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Children's social care review urges £2.6bn shake-up",
"datePublished": "2022-05-23T00:01:00Z", "author": {"@type": "Person", "name": "Sally Weale"},
"publisher": {"@type": "Organization", "name": "The Guardian"}}</script>
<link rel="canonical" href="https://www.theguardian.com/society/2022/may/23/care-review">
</head><body><div id="top"><a href="/">The Guardian</a> | <a href="/uk">UK</a></div>
<div class="content"><h1>Children's social care review urges £2.6bn shake-up</h1>
<div class="standfirst"><p>Independent review says the system is failing children.</p></div>
<div class="article-body">"""
        + _body()
        + """</div></div>
<div class="footer">Sign up to our newsletter. Support the Guardian.</div></body></html>"""
    )


def charity_page() -> str:
    """A plain CMS page with no metadata at all: the title is in <title> only."""
    return (
        "<html><head><title>Our response to the care review</title></head><body>"
        '<div class="menu"><a href="/">Home</a> <a href="/donate">Donate</a></div>'
        '<div id="main">'
        + _body()
        + "</div><div class='foot'>Registered charity 1000000</div></body></html>"
    )


def warc_of(pages: list[tuple[str, str]], *, gzip: bool = True) -> bytes:
    """A WARC file with a warcinfo record, a request, each (url, html) page as a response,
    and a non-HTML response (a PNG image) that is no article."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    for url, html in pages:
        request = writer.create_warc_record(
            url,
            "request",
            payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders(
                "GET / HTTP/1.1", [("Host", "example")], is_http_request=True
            ),
        )
        writer.write_record(request)
        writer.write_record(_response(writer, url, html.encode(), "text/html; charset=utf-8"))
    writer.write_record(
        _response(writer, "https://www.cypnow.co.uk/logo.png", b"\x89PNG\r\n\x1a\n", "image/png")
    )
    return buffer.getvalue()


def _response(writer, url: str, payload: bytes, content_type: str):
    headers = StatusAndHeaders(
        "200 OK",
        [("Content-Type", content_type), ("Content-Length", str(len(payload)))],
        protocol="HTTP/1.1",
    )
    return writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(payload),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": "2022-05-24T10:15:00Z"},
    )

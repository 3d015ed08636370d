"""Benchmark: the load rate of saved HTML pages and of a WARC capture of the same pages.

    python bench/formats_bench.py [--pages 200]

Writes N distinct web pages (each with its own title, date, person and quote, in the
layout of a trade magazine's article page), loads them as .html files into a fresh
SQLite database, then the same pages as the responses of one .warc.gz file into
another, and prints the rates.
"""

import argparse
import io
import sys
import tempfile
import time
from pathlib import Path

from _django import setup_django

NAMES = ["Amira Okafor", "Ben Lindqvist", "Chloe Brennan", "Daniel Chaudhry", "Ellen Walsh"]


def page(index: int) -> str:
    person = NAMES[index % len(NAMES)]
    day = index % 28 + 1
    paragraphs = [
        f"{person}, a director of children's services, said the review had listened to "
        f"families in report {index}.",
        f"“Article {index} shows what the Independent Review of Children's Social Care "
        f"heard,” {person.split()[0]} said.",
        "Josh MacAlister, the chair of the review, will publish the final report in May 2022.",
    ] + ["Councils said they would respond to the proposals in full this year."] * 20
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    title = f"Care review report {index} sets out the case for change"
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="og:title" content="{title}">'
        '<meta property="og:site_name" content="Children &amp; Young People Now">'
        f'<meta property="article:published_time" content="2022-03-{day:02d}T09:00:00Z">'
        f'</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        f"<article><h1>{title}</h1>{body}</article><footer>© 2022</footer></body></html>"
    )


def warc(pages: list[str]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for index, html in enumerate(pages):
        payload = html.encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"https://www.cypnow.co.uk/news/article/report-{index}",
                "response",
                payload=io.BytesIO(payload),
                http_headers=headers,
            )
        )
    return buffer.getvalue()


def timed_load(corpus: Path, database: Path) -> tuple[float, dict]:
    from django.core.management import call_command
    from django.db import connections

    connections.close_all()
    connections.databases["default"]["NAME"] = str(database)
    call_command("migrate", verbosity=0)
    from articles.services.loading import load_paths

    started = time.perf_counter()
    outcomes = load_paths([corpus])
    seconds = time.perf_counter() - started
    return seconds, {s: sum(o.status == s for o in outcomes) for s in {o.status for o in outcomes}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="formats-bench-"))
    setup_django(f"sqlite:///{workdir / 'html.sqlite3'}")

    pages = [page(index) for index in range(args.pages)]
    html_dir, warc_dir = workdir / "html", workdir / "warc"
    html_dir.mkdir()
    warc_dir.mkdir()
    for index, html in enumerate(pages):
        (html_dir / f"page_{index:04d}.html").write_text(html, encoding="utf-8")
    (warc_dir / "capture.warc.gz").write_bytes(warc(pages))

    ok = True
    for label, corpus in (("HTML files", html_dir), ("WARC records", warc_dir)):
        seconds, statuses = timed_load(corpus, workdir / f"{corpus.name}.sqlite3")
        print(
            f"{label:13} {args.pages} in {seconds:.1f} s ({args.pages / seconds:.1f}/s), {statuses}"
        )
        ok = ok and statuses.get("loaded") == args.pages
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

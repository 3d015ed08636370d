"""Benchmark: every public page at 100,000 articles under gunicorn and wrk, beside the
hello-world floor and beside Datasette on the same data (issue 12).

    .venv/bin/python bench/scale_bench.py --before-tree TREE --before-db URL \\
        [--after-tree TREE] --after-db URL [--before-sqlite URL --after-sqlite URL] \\
        [--datasette-db FILE] [--rounds 3] [--duration 20s]

Each variant is a code tree with its own database: "before" and "after" (by default
this checkout), served as in production (README, "Deployment"): ``migrate --noinput``
and ``collectstatic`` first, then the tree's gunicorn with its gunicorn.conf.py, 2
workers, debug off, a secret key, HTTPS through the trusted ``X-Forwarded-Proto``, the
page cache off (``ARCHIVE_PAGE_CACHE=0``) except for the pages marked cached. Beside
them: the floor (bench/_floor.py, a hello-world Django view under the same gunicorn) and
Datasette (one process) on a SQLite copy of the same archive with FTS5 on the articles.
Optionally the "before" and "after" trees on a SQLite archive too (its ``?q=review``).

Every page is measured with ``wrk -t2 -c8 -dDURATION --latency`` on a freshly started
server (so no queued slow request spills into the next page), after one request that
must answer 200 (no redirect, no error); in ROUNDS alternated rounds (before, after,
floor, Datasette, before, ...). It prints a Markdown table of the medians of requests/s
(with the rounds' range), p50 and p99 latency, any wrk errors or non-2xx answers, and
the load average of every round.
"""

import argparse
import datetime
import http.client
import os
import secrets
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

from _serve import ServerSpec, fetch, serving
from _wrk import WrkResult, run_wrk

ROOT = Path(__file__).resolve().parent.parent
BENCHDATA = Path("/work/benchdata")
# As the README's nginx asks: over HTTPS (through the proxy's header), accepting gzip,
# which a cached page is stored in and sent as it is (archivecache/stored.py; to a client
# that does not accept it, every hit is decompressed), and each request on a connection
# of its own, as nginx opens one per request to gunicorn. With keep-alive, wrk's 8
# connections were shared out between the 2 workers once, when opened: a round in which
# one worker took all 8 served the floor at 3,031 requests/s, the others 7,602 to 8,568
# (docs/performance.md, "Two workers, one busy").
HEADERS = {
    "Host": "127.0.0.1",
    "X-Forwarded-Proto": "https",
    "Accept-Encoding": "gzip",
    "Connection": "close",
}
COMMON_WORD = "children"
SQLITE_WORD = "review"
DATASETTE_COLUMNS = ("title", "outlet_id", "published", "kind", "author", "standfirst")
FLOOR_ROW = "hello-world Django view (the floor)"
# Each request a search not asked before: what a search costs with nothing kept for it.
NEW_SEARCH = Path(__file__).resolve().parent / "new_search.lua"
COLUMNS = ("before", "after", "beside")


@dataclass(frozen=True)
class Page:
    row: str  # the table row: pages of different servers that answer the same question share it
    path: str
    cached: bool = False  # served with the page cache on, its first request filling it
    refuse: bytes = b""  # what a complete answer never contains (Datasette's "timed out")
    script: Path | None = None  # a wrk script that writes each request (NEW_SEARCH)


@dataclass(frozen=True)
class Target:
    name: str
    column: str  # one of COLUMNS
    pages: list[Page]
    spec: Callable[[bool], ServerSpec]  # page cache on -> how to start the server
    prepare: Callable[[], None] = lambda: None


# --- Finding the pages: the most mentioned person, the busiest outlet, ...

TOP = {
    "person": (
        "SELECT p.slug, p.id FROM people_person p JOIN articles_personmention m "
        "ON m.person_id = p.id GROUP BY p.id, p.slug ORDER BY count(*) DESC, p.id LIMIT 1"
    ),
    "article": (
        "SELECT a.slug, a.id FROM articles_article a JOIN articles_personmention m "
        "ON m.article_id = a.id GROUP BY a.id, a.slug ORDER BY count(*) DESC, a.id LIMIT 1"
    ),
    "outlet": (
        "SELECT o.slug, o.id FROM articles_outlet o JOIN articles_article a "
        "ON a.outlet_id = o.id GROUP BY o.id, o.slug ORDER BY count(*) DESC, o.id LIMIT 1"
    ),
    "organisation": (
        "SELECT o.slug, o.id FROM people_organisation o JOIN articles_organisationmention m "
        "ON m.organisation_id = o.id GROUP BY o.id, o.slug ORDER BY count(*) DESC, o.id LIMIT 1"
    ),
    "review_body": (
        "SELECT b.slug, b.id FROM people_reviewbody b JOIN articles_reviewbodymention m "
        "ON m.review_body_id = b.id GROUP BY b.id, b.slug ORDER BY count(*) DESC, b.id LIMIT 1"
    ),
}


def sqlite_path(url: str) -> str | None:
    """The file of a ``sqlite:///PATH`` URL (``sqlite:////abs/path``), or None for any other
    database."""
    return url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else None


def query(url: str, sql: str, params: tuple = ()) -> tuple:
    """The first row of ``sql`` on the database at ``url`` (SQLite file or PostgreSQL URL)."""
    path = sqlite_path(url)
    if path:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            return connection.execute(sql, params).fetchone()
    import psycopg

    with psycopg.connect(url) as connection:
        return connection.execute(sql.replace("?", "%s"), params).fetchone()


def archive_pages(url: str) -> list[Page]:
    """The public pages of issue 12, with the data's most mentioned person and so on."""
    top = {name: query(url, sql)[0] for name, sql in TOP.items()}
    person = f"/people/{top['person']}/"
    article = f"/articles/{top['article']}/"
    return [
        Page("`/articles/`", "/articles/"),
        Page("`/articles/?person=<most mentioned>`", f"/articles/?person={top['person']}"),
        Page(f"`/articles/?q={COMMON_WORD}`", f"/articles/?q={COMMON_WORD}"),
        Page(
            f"`/articles/?q={COMMON_WORD}`, a new search each request",
            f"/articles/?q={COMMON_WORD}",
            script=NEW_SEARCH,
        ),
        Page("`/people/<most mentioned>/`", person),
        Page("`/timeline/`", "/timeline/"),
        Page("article page", article),
        Page("`/quotes/`", "/quotes/"),
        Page("outlet page (busiest)", f"/outlets/{top['outlet']}/"),
        Page("organisation page (most mentioned)", f"/organisations/{top['organisation']}/"),
        Page("review body page (most mentioned)", f"/review-bodies/{top['review_body']}/"),
        Page("CSV of the most mentioned person", f"{person}?format=csv"),
        Page("`/articles/`, cached", "/articles/", cached=True),
        Page("article page, cached", article, cached=True),
    ]


def datasette_pages(database: Path) -> list[Page]:
    """Datasette's nearest equivalents, rows shared with the archive's pages."""
    url = f"sqlite:///{database}"
    person_slug = query(url, TOP["person"])[0]
    article_slug = query(url, TOP["article"])[0]
    (person_id,) = query(url, "SELECT id FROM people_person WHERE slug = ?", (person_slug,))
    (article_id,) = query(url, "SELECT id FROM articles_article WHERE slug = ?", (article_slug,))
    table = f"/{quote(database.stem)}/articles_article"
    columns = [("_col", column) for column in DATASETTE_COLUMNS]
    facets = [("_facet", "outlet_id"), ("_facet", "kind")]
    mentioning = (
        f"id IN (SELECT article_id FROM articles_personmention WHERE person_id = {person_id})"
    )
    timed_out = b"timed out"
    return [
        Page("`/articles/`", f"{table}?{urlencode(facets + columns)}", refuse=timed_out),
        Page(
            "`/articles/?person=<most mentioned>`",
            f"{table}?{urlencode([('_where', mentioning), *facets, *columns])}",
            refuse=timed_out,
        ),
        Page(
            f"`/articles/?q={COMMON_WORD}`",
            f"{table}?{urlencode([('_search', COMMON_WORD), *columns])}",
            refuse=timed_out,
        ),
        Page("article page", f"{table}/{article_id}", refuse=timed_out),
    ]


# --- Starting the servers.


def archive_target(name: str, column: str, tree: Path, database: str, port: int, workdir: Path):
    """The archive of ``tree`` on ``database``, prepared and served as in production."""
    base_env = {
        "DJANGO_SETTINGS_MODULE": "reviewarchive.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database,
        "DJANGO_STATIC_ROOT": str(workdir / f"{name}-static"),
        "ARCHIVE_PAGE_CACHE_DIR": str(workdir / f"{name}-pages"),
        # wrk is one client: the per-client download limits would answer it 429 after its
        # second concurrent download. They are tested in tests/operations; here the
        # download's own throughput is measured.
        "ARCHIVE_EXPORTS_AT_ONCE": "0",
        "ARCHIVE_EXPORTS_PER_MINUTE": "0",
    }
    python = str(tree / ".venv" / "bin" / "python")

    def prepare() -> None:
        for command in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"]):
            subprocess.run(
                [python, "manage.py", *command],
                cwd=tree,
                env={**os.environ, **base_env},
                check=True,
            )

    def spec(cached: bool) -> ServerSpec:
        return ServerSpec(
            command=[str(tree / ".venv" / "bin" / "gunicorn"), "-c", "gunicorn.conf.py"],
            cwd=tree,
            port=port,
            env={
                **base_env,
                "GUNICORN_BIND": f"127.0.0.1:{port}",
                "WEB_CONCURRENCY": "2",
                "ARCHIVE_PAGE_CACHE": "1" if cached else "0",
            },
        )

    if sqlite_path(database):
        search = f"/articles/?q={SQLITE_WORD}"
        pages = [
            Page(f"`/articles/?q={SQLITE_WORD}` on SQLite", search),
            Page(
                f"`/articles/?q={SQLITE_WORD}` on SQLite, a new search each request",
                search,
                script=NEW_SEARCH,
            ),
        ]
    else:
        pages = archive_pages(database)
    return Target(name, column, pages, spec, prepare)


def floor_target(tree: Path, port: int) -> Target:
    """bench/_floor.py under ``tree``'s gunicorn and gunicorn.conf.py (2 workers)."""
    spec = ServerSpec(
        command=[
            str(tree / ".venv" / "bin" / "gunicorn"),
            "-c",
            "gunicorn.conf.py",
            "--pythonpath",
            str(Path(__file__).resolve().parent),
            "_floor:application",
        ],
        cwd=tree,
        port=port,
        env={
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "WEB_CONCURRENCY": "2",
        },
    )
    return Target("floor", "beside", [Page(FLOOR_ROW, "/")], lambda cached: spec)


def datasette_target(datasette: Path, database: Path, port: int) -> Target:
    """Datasette in one process, its time limits raised so that every answer is whole."""
    spec = ServerSpec(
        command=[
            str(datasette),
            "serve",
            str(database),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--setting",
            "sql_time_limit_ms",
            "60000",
            "--setting",
            "facet_time_limit_ms",
            "60000",
        ],
        cwd=database.parent,
        port=port,
    )
    return Target("datasette", "beside", datasette_pages(database), lambda cached: spec)


# --- Measuring.


def check(page: Page, port: int) -> str | None:
    """One request (filling the cache of a cached page): why it is not a whole 200 answer."""
    try:
        status, body = fetch(port, page.path, HEADERS)
    except (http.client.HTTPException, OSError) as error:
        return f"{type(error).__name__} after {error!s:.60}"
    if status != 200:
        return f"HTTP {status}"
    if page.refuse and page.refuse in body:
        return f"answer says {page.refuse.decode()!r}"
    return None


def measure(target: Target, page: Page, port: int, args, log: Path) -> WrkResult | str:
    """wrk's result, or why the page failed its check (and was not measured)."""
    with serving(target.spec(page.cached), log):
        failure = check(page, port)
        if failure:
            return failure
        result, report = run_wrk(
            f"http://127.0.0.1:{port}{page.path}",
            duration=args.duration,
            threads=args.threads,
            connections=args.connections,
            timeout=args.timeout,
            headers=HEADERS,
            script=page.script,
        )
    with log.open("a") as output:
        script = f" script={page.script.name}" if page.script else ""
        output.write(f"\n== {target.name} {page.path} cached={page.cached}{script}\n{report}\n")
    return result


def cell(outcomes: list[WrkResult | str]) -> str:
    """Median req/s (the rounds' range), p50 and p99 ms, and any errors or failed checks."""
    results = [o for o in outcomes if isinstance(o, WrkResult)]
    failures = [o for o in outcomes if isinstance(o, str)]
    rates = [r.requests_per_s for r in results]
    text = f"{statistics.median(rates):,.1f}" if rates else "–"
    if len(rates) > 1:
        text += f" ({min(rates):,.1f}–{max(rates):,.1f})"
    p50s = [r.p50_ms for r in results if r.p50_ms is not None]
    p99s = [r.p99_ms for r in results if r.p99_ms is not None]
    text += f" | {statistics.median(p50s):,.0f}" if p50s else " | –"
    text += f" | {statistics.median(p99s):,.0f}" if p99s else " | –"
    errors = sum(r.errors for r in results)
    if errors:
        text += f" ⚠ {errors} wrk errors/non-2xx"
    idle = sum(1 for r in results if r.requests == 0)
    if idle:
        text += f" ⚠ no request completed in {idle} of {len(outcomes)} rounds"
    if failures:
        text += f" ⚠ check failed in {len(failures)} of {len(outcomes)} rounds ({failures[0]})"
    return text


def print_table(rows: list[str], found: dict[tuple[str, str], list[WrkResult | str]]) -> None:
    print("| Page | " + " | ".join(f"{c} req/s | p50 ms | p99 ms" for c in COLUMNS) + " |")
    print("|---|" + "---:|---:|---:|" * len(COLUMNS))
    for row in rows:
        cells = [cell(found[row, c]) if (row, c) in found else " | | " for c in COLUMNS]
        print(f"| {row} | " + " | ".join(cells) + " |")


def describe(tree: Path) -> str:
    commit = subprocess.run(
        ["git", "-C", str(tree), "log", "-1", "--format=%h %s"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "-C", str(tree), "status", "--porcelain", "--untracked-files=no"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return f"{tree} at {commit[:80]}{' (uncommitted changes)' if dirty else ''}"


def targets_of(args, workdir: Path) -> list[Target]:
    """In the order of a round: before, after, floor, Datasette, then SQLite's."""
    port = iter(range(args.port_base + 1, args.port_base + 100))
    targets = [
        archive_target("before", "before", args.before_tree, args.before_db, next(port), workdir),
        archive_target("after", "after", args.after_tree, args.after_db, next(port), workdir),
        floor_target(args.after_tree, next(port)),
    ]
    if args.datasette_db:
        targets.append(datasette_target(args.datasette, args.datasette_db, next(port)))
    for name, column, database in (
        ("before-sqlite", "before", args.before_sqlite),
        ("after-sqlite", "after", args.after_sqlite),
    ):
        if database:
            tree = args.before_tree if column == "before" else args.after_tree
            targets.append(archive_target(name, column, tree, database, next(port), workdir))
    return targets


def run(args) -> int:
    args.workdir.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="scale-", dir=args.workdir))
    log = workdir / "servers.log"
    targets = targets_of(args, workdir)
    prepared = []
    for target in targets:
        began = time.perf_counter()
        target.prepare()
        prepared.append(f"{target.name} {time.perf_counter() - began:.0f} s")
    rows = list(dict.fromkeys(p.row for t in targets for p in t.pages))
    if args.only:
        wanted = [text.casefold() for text in args.only]
        rows = [row for row in rows if any(text in row.casefold() for text in wanted)]
    found: dict[tuple[str, str], list[WrkResult | str]] = defaultdict(list)
    loads = []
    started = datetime.datetime.now().astimezone()
    for round_number in range(1, args.rounds + 1):
        before = os.getloadavg()
        for target in targets:
            port = target.spec(False).port
            for page in (p for p in target.pages if p.row in rows):
                outcome = measure(target, page, port, args, log)
                found[page.row, target.column].append(outcome)
                print(
                    f"round {round_number} {target.name:>13} {cell([outcome])}  {page.path[:70]}",
                    file=sys.stderr,
                    flush=True,
                )
        loads.append((round_number, before, os.getloadavg()))

    print(f"Run of {started:%Y-%m-%d %H:%M %Z}, {os.cpu_count()} CPUs; servers' log {log}")
    print(
        f"wrk -t{args.threads} -c{args.connections} -d{args.duration} --timeout "
        f"{args.timeout} --latency; {args.rounds} alternated rounds, medians (range of req/s)"
    )
    print(f"- before: {describe(args.before_tree)}, database {args.before_db}")
    print(f"- after: {describe(args.after_tree)}, database {args.after_db}")
    if args.before_sqlite or args.after_sqlite:
        print(f"- SQLite: before on {args.before_sqlite}, after on {args.after_sqlite}")
    if args.datasette_db:
        print(f"- beside: Datasette on {args.datasette_db}; the floor (bench/_floor.py)")
    print(f"- migrate and collectstatic: {', '.join(prepared)}")
    for number, before, after in loads:
        print(
            f"- round {number}: load average {before[0]:.1f} / {before[1]:.1f} / {before[2]:.1f}"
            f" before, {after[0]:.1f} / {after[1]:.1f} / {after[2]:.1f} after"
        )
    print()
    print_table(rows, found)
    flawless = all(
        isinstance(o, WrkResult) and not o.errors for outcomes in found.values() for o in outcomes
    )
    return 0 if flawless else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before-tree", type=Path, default=BENCHDATA / "before")
    parser.add_argument("--before-db", required=True, help="DATABASE_URL of the before tree")
    parser.add_argument("--after-tree", type=Path, default=ROOT)
    parser.add_argument("--after-db", required=True, help="DATABASE_URL of the after tree")
    parser.add_argument("--before-sqlite", help="a SQLite DATABASE_URL: ?q=review on it")
    parser.add_argument("--after-sqlite", help="a SQLite DATABASE_URL: ?q=review on it")
    parser.add_argument("--datasette-db", type=Path, help="the SQLite copy for Datasette")
    parser.add_argument(
        "--datasette", type=Path, default=BENCHDATA / "datasette-venv" / "bin" / "datasette"
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", default="20s", help="of each wrk run")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--timeout", default="60s", help="wrk's: a slower answer is an error")
    parser.add_argument("--port-base", type=int, default=8100, help="servers on the next ports")
    parser.add_argument("--workdir", type=Path, default=BENCHDATA / "runs")
    parser.add_argument(
        "--only",
        action="append",
        help="measure only the rows whose label contains this text (repeatable: any of them)",
    )
    args = parser.parse_args()
    for option in ("before_db", "after_db"):
        if urlsplit(getattr(args, option)).scheme not in {"postgres", "postgresql", "sqlite"}:
            parser.error(f"--{option.replace('_', '-')}: a postgres:// or sqlite:// URL")
    return run(args)


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: cached pages under gunicorn and wrk, beside the framework floor.

    scripts/with-postgres.sh .venv/bin/python bench/cache_bench.py [--before REV]

Generates the archive of bench/page_bench.py into a throwaway test database (PostgreSQL
when DATABASE_URL names one, else a temporary SQLite file), then serves it with gunicorn
(gunicorn.conf.py, 2 sync workers, production settings behind an HTTPS proxy) from this
tree and, with --before, from another revision of it (``git archive REV``), beside the
hello-world floor of bench/_floor.py. Each page is requested once to fill the page cache,
then every server is measured with ``wrk -t2 -c8`` in turn, the order rotated round by
round. Prints the median requests/s and p50 latency of each page and variant, and each
as a share of the floor.
"""

import argparse
import contextlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from _django import ROOT, setup_django

BENCH = Path(__file__).resolve().parent
FIRST_PORT = 8200
READY_WITHIN_S = 60
REQUESTS_PER_S = re.compile(r"Requests/sec:\s+([\d.]+)")
P50 = re.compile(r"^\s+50%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
HTTPS = {"X-Forwarded-Proto": "https"}
# What a browser sends, and what curl or a script sends: no Accept-Encoding.
ENCODINGS = {"gzip": ["-H", "Accept-Encoding: gzip, deflate, br"], "plain": []}


def database_url(settings_dict: dict) -> str:
    """DATABASE_URL, with the test database's name, for the servers' environment."""
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{settings_dict['NAME']}"
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path="/" + settings_dict["NAME"]))


def pages() -> dict[str, str]:
    from django.db.models import Count
    from django.urls import reverse

    from articles.models import Article

    article = Article.objects.annotate(n=Count("person_mentions")).order_by("-n", "pk").first()
    return {
        "/articles/": reverse("articles:article-list"),
        "article page": article.get_absolute_url(),
        "/timeline/": reverse("articles:timeline"),
    }


def export_tree(revision: str, into: Path) -> Path:
    """The files of ``revision``, with this tree's virtualenv."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    (into / ".venv").symlink_to((ROOT / ".venv").resolve())
    return into


class Server:
    """gunicorn serving ``app`` from ``tree`` on ``port``, its log in a temporary file."""

    def __init__(self, name: str, tree: Path, app: str, port: int, env: dict, log):
        self.name, self.port = name, port
        command = [str(ROOT / ".venv/bin/gunicorn"), "-c", str(ROOT / "gunicorn.conf.py")]
        command += ["--bind", f"127.0.0.1:{port}", "--workers", "2", app]
        self.process = subprocess.Popen(command, cwd=tree, env=env, stdout=log, stderr=log)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def get(self, path: str) -> urllib.request.http.client.HTTPResponse:
        request = urllib.request.Request(self.url(path), headers=HTTPS)
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
            return response

    def wait_ready(self) -> None:
        deadline = time.monotonic() + READY_WITHIN_S
        while True:
            if self.process.poll() is not None:
                raise SystemExit(f"error: {self.name} exited with {self.process.returncode}")
            with contextlib.suppress(OSError):
                self.get("/robots.txt" if self.name != "floor" else "/")
                return
            if time.monotonic() > deadline:
                raise SystemExit(f"error: {self.name} not ready within {READY_WITHIN_S} s")
            time.sleep(0.2)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def site_environment(tree: Path, scratch: Path, url: str) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "benchmark-only",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_STATIC_ROOT": str(scratch / "static"),
        "ARCHIVE_PAGE_CACHE": "1",
        "ARCHIVE_PAGE_CACHE_DIR": str(scratch / "page-cache"),
    }
    subprocess.run(
        [str(ROOT / ".venv/bin/python"), "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=tree,
        env=env,
        check=True,
    )
    return env


def wrk(url: str, seconds: int, encoding: str) -> tuple[float, float]:
    """Requests/s and p50 latency in ms of ``wrk -t2 -c8`` for ``seconds``."""
    command = ["wrk", "-t2", "-c8", f"-d{seconds}s", "--latency", "-H", "X-Forwarded-Proto: https"]
    command += ["-H", "Connection: close"]  # a connection a request, as nginx (scale_bench.py)
    command += ENCODINGS[encoding]
    output = subprocess.run([*command, url], check=True, capture_output=True, text=True).stdout
    if "Non-2xx" in output:
        raise SystemExit(f"error: {url} answered errors under wrk:\n{output}")
    value, unit = P50.search(output).groups()
    return float(REQUESTS_PER_S.search(output).group(1)), float(value) * UNIT_MS[unit]


def run(args, scratch: Path) -> int:
    from django.conf import settings
    from django.db import connection
    from page_bench import generate, prepare_database

    generate(settings, args.articles, args.people, seed=2021)
    prepare_database()
    url = database_url(connection.settings_dict)
    targets = pages()
    connection.close()

    trees = {"after": ROOT}
    if args.before:
        trees = {"before": export_tree(args.before, Path(tempfile.mkdtemp(dir=scratch))), **trees}
    log = open(scratch / "gunicorn.log", "w")  # noqa: SIM115 (closed with the scratch dir)
    servers = [Server("floor", BENCH, "_floor:application", FIRST_PORT, dict(os.environ), log)]
    for offset, (name, tree) in enumerate(trees.items(), start=1):
        env = site_environment(tree, scratch / name, url)
        servers.append(
            Server(name, tree, "reviewarchive.wsgi:application", FIRST_PORT + offset, env, log)
        )
    try:
        for server in servers:
            server.wait_ready()
        for server in servers[1:]:
            for path in targets.values():
                server.get(path)  # fills the cache
                cached = server.get(path).headers.get("X-Archive-Cache")
                if cached != "hit":
                    raise SystemExit(f"error: {server.name} {path} not served from the cache")
        return measure(args, servers, targets)
    finally:
        for server in servers:
            server.stop()
        log.close()


def measure(args, servers: list[Server], targets: dict[str, str]) -> int:
    """wrk against every (page, server, encoding) in turn, the order rotated each round."""
    variants = [(server, encoding) for server in servers[1:] for encoding in ENCODINGS]
    runs = [("floor", "/", servers[0], "plain")]
    runs += [(label, path, *variant) for label, path in targets.items() for variant in variants]
    found: dict[tuple, list[tuple[float, float]]] = {}
    load_before = os.getloadavg()[0]
    for round_number in range(args.rounds):
        shift = round_number * len(runs) // args.rounds
        for label, path, server, encoding in runs[shift:] + runs[:shift]:
            result = wrk(server.url(path), args.seconds, encoding)
            found.setdefault((label, server.name, encoding), []).append(result)
    load_after = os.getloadavg()[0]

    def median(*run) -> tuple[float, float]:
        return tuple(statistics.median(values) for values in zip(*found[run], strict=True))

    floor_rps, floor_p50 = median("floor", "floor", "plain")
    print(f"machine:  {os.cpu_count()} CPUs; Python {sys.version.split()[0]}")
    print(f"load:     1-minute load average {load_before:.1f} before, {load_after:.1f} after")
    print(
        f"archive:  {args.articles} articles; {args.rounds} rounds of wrk -t2 -c8 -d{args.seconds}s"
    )
    print(f"floor:    {floor_rps:,.0f} requests/s, p50 {floor_p50:.2f} ms\n")
    print("req/s (share of the floor), p50 ms; gzip: Accept-Encoding as a browser sends it\n")
    print("| Page | " + " | ".join(f"{s.name}, {e}" for s, e in variants) + " |")
    print("|---|" + "---:|" * len(variants))
    for label in targets:
        cells = []
        for server, encoding in variants:
            rps, p50 = median(label, server.name, encoding)
            cells.append(f"{rps:,.0f} ({rps / floor_rps:.0%}), {p50:.2f}")
        print(f"| {label} | " + " | ".join(cells) + " |")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--people", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=20, help="duration of each wrk run")
    parser.add_argument("--before", help="also serve this git revision, to compare")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("error: wrk is not installed (apt-get install wrk)")

    scratch = Path(tempfile.mkdtemp(prefix="cache-bench-"))
    setup_django()
    from django.db import connection

    if connection.vendor == "sqlite":  # a file, which the servers can open too
        connection.settings_dict["TEST"]["NAME"] = str(scratch / "archive.sqlite3")
    test_database = connection.creation.create_test_db(
        verbosity=0, autoclobber=True, serialize=False
    )
    try:
        return run(args, scratch)
    finally:
        connection.creation.destroy_test_db(test_database, verbosity=0)
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

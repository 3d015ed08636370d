"""Benchmark: the zero-setup SQLite archive at 10,000 articles: search, and the page cache.

    .venv/bin/python bench/embedded_bench.py [--articles 10000] [--rounds 3]

Generates the archive of bench/page_bench.py into a throwaway SQLite file (migrated
as `make run` would, so the FTS5 index and the version triggers are in place), then
requests pages in process through the Django test client with production settings.
Every comparison alternates its variants round by round and reports medians:

- search: ``?q=<word>`` with the FTS5 search against the LIKE fallback it replaced
  (kept below, for this comparison only);
- page cache: each page uncached, then served from the page cache with Django's
  FileBasedCache (the default), DatabaseCache (the same SQLite file) and LocMemCache
  (one process only: a reference, not a choice), beside robots.txt, the cheapest view,
  as the floor of the stack. Requests/s here is 1000 / median ms, one request at a
  time in one process.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _django import setup_django

SEARCH_WORD = "review"
RARE_PHRASE = '"regional care cooperatives"'  # in one article of 500 (bench/page_bench.py)


# The SQLite search before FTS5 (articles/search.py at 9c63c1c), for comparison only.


def _like_terms(q: str) -> list[str]:
    return [term.strip('"') for term in q.split() if term.strip('"')]


def like_filter_matching(queryset, q: str):
    from django.db.models import Q

    for term in _like_terms(q):
        queryset = queryset.filter(
            Q(title__icontains=term) | Q(standfirst__icontains=term) | Q(body__icontains=term)
        )
    return queryset


def like_annotate_relevance(queryset, q: str):
    from django.db.models import Case, ExpressionWrapper, FloatField, IntegerField, Value, When

    score = Value(0, output_field=IntegerField())
    for term in _like_terms(q):
        score = (
            score
            + Case(When(title__icontains=term, then=Value(4)), default=Value(0))
            + Case(When(standfirst__icontains=term, then=Value(2)), default=Value(0))
            + Case(When(body__icontains=term, then=Value(1)), default=Value(0))
        )
    return queryset.annotate(relevance=ExpressionWrapper(score, output_field=FloatField()))


def like_attach_excerpts(articles, q: str) -> None:
    from articles import search

    terms = _like_terms(q)
    for article in articles:
        marked = search.marked_excerpt(article.body, terms)
        article.excerpt = search.render_marked(marked) if search.MARK_START in marked else None


class LikeSearch:
    """Swap the LIKE fallback into articles.search for the duration of a block."""

    NAMES = ("filter_matching", "annotate_relevance", "attach_excerpts")

    def __enter__(self):
        from articles import search

        self.saved = {name: getattr(search, name) for name in self.NAMES}
        search.filter_matching = like_filter_matching
        search.annotate_relevance = like_annotate_relevance
        search.attach_excerpts = like_attach_excerpts

    def __exit__(self, *exc):
        from articles import search

        for name, function in self.saved.items():
            setattr(search, name, function)


class Nothing:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return None


def cache_settings(backend: str, location: str) -> dict:
    return {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": backend, "LOCATION": location, "OPTIONS": {"MAX_ENTRIES": 5000}},
    }


def timed(client, url: str, count: int, expect_hit: bool | None) -> list[float]:
    from archivecache.middleware import HEADER

    times = []
    for _ in range(count):
        started = time.perf_counter()
        response = client.get(url, secure=True)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        if expect_hit is not None:
            assert (response.get(HEADER) == "hit") is expect_hit, (url, response.get(HEADER))
    return times


def alternate(variants: dict, rounds: int, run) -> dict[str, list[float]]:
    """Run every variant once per round, in turn; collect each one's times."""
    collected: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(rounds):
        for name, variant in variants.items():
            collected[name] += run(variant)
    return collected


def search_queries(q: str) -> None:
    """What the search itself asks of the database: the match count and the first page
    by relevance (the list page adds facets over the matches)."""
    from articles import search
    from articles.models import Article

    matching = search.filter_matching(Article.objects.all(), q)
    matching.count()
    ranked = search.annotate_relevance(matching, q).order_by("-relevance", "-published", "pk")
    list(ranked.values_list("pk", flat=True)[:20])


def search_comparison(client, rounds: int, repeat: int) -> None:
    from urllib.parse import urlencode

    from django.test import override_settings

    from articles.models import Article
    from articles.search import filter_matching

    variants = {"LIKE (before)": LikeSearch, "FTS5 (after)": Nothing}
    print("\n## Search, uncached (median ms, alternated rounds)\n")
    print("| Query | Matches | Variant | Whole page | p95 | Count and ranked page only |")
    print("|---|---:|---|---:|---:|---:|")
    for q in (SEARCH_WORD, RARE_PHRASE):
        url = f"/articles/?{urlencode({'q': q})}"
        matches = filter_matching(Article.objects.all(), q).count()

        def run(context, url=url, q=q):
            with context(), override_settings(ARCHIVE_PAGE_CACHE=False):
                timed(client, url, 1, None)  # warm-up
                pages = timed(client, url, repeat, None)
                queries = []
                for _ in range(repeat):
                    started = time.perf_counter()
                    search_queries(q)
                    queries.append((time.perf_counter() - started) * 1000)
                return [("page", t) for t in pages] + [("queries", t) for t in queries]

        times = alternate(variants, rounds, run)
        for name, values in times.items():
            pages = sorted(t for kind, t in values if kind == "page")
            queries = [t for kind, t in values if kind == "queries"]
            p95 = pages[max(0, round(0.95 * len(pages)) - 1)]
            print(
                f"| `{q}` | {matches} | {name} | {statistics.median(pages):.0f}"
                f" | {p95:.0f} | {statistics.median(queries):.0f} |"
            )


def cache_comparison(client, workdir: Path, rounds: int, repeat: int) -> None:
    import django.test.signals  # noqa: F401  (resets the caches when CACHES is overridden)
    from django.core.management import call_command
    from django.test import override_settings

    from articles.models import Article

    article = Article.objects.order_by("-published", "pk").first()
    pages = {
        "/articles/": "/articles/",
        f"/articles/?q={SEARCH_WORD}": f"/articles/?q={SEARCH_WORD}",
        "article page": article.get_absolute_url(),
        "/timeline/": "/timeline/",
    }
    call_command("createcachetable", "bench_page_cache", verbosity=0)
    backends = {
        "FileBasedCache": cache_settings(
            "django.core.cache.backends.filebased.FileBasedCache", str(workdir / "pages")
        ),
        "DatabaseCache": cache_settings(
            "django.core.cache.backends.db.DatabaseCache", "bench_page_cache"
        ),
        "LocMemCache": cache_settings("django.core.cache.backends.locmem.LocMemCache", "bench"),
    }
    variants = {"uncached": None, **backends}

    def run_page(url):
        def run(caches):
            if caches is None:  # slow: fewer requests
                with override_settings(ARCHIVE_PAGE_CACHE=False):
                    timed(client, url, 1, None)
                    return timed(client, url, max(3, repeat // 5), None)
            with override_settings(CACHES=caches):
                timed(client, url, 1, None)  # fills the cache
                return timed(client, url, repeat, True)

        return run

    print("\n## Page cache: one request at a time, in process (requests/s = 1000 / median)\n")
    print("| Page | " + " | ".join(variants) + " |")
    print("|---|" + "---:|" * len(variants))
    with override_settings(ARCHIVE_PAGE_CACHE=False):
        floor = statistics.median(timed(client, "/robots.txt", repeat * rounds, None))
    for name, url in pages.items():
        times = alternate(variants, rounds, run_page(url))
        cells = []
        for variant in variants:
            median = statistics.median(times[variant])
            cells.append(f"{median:.2f} ms ({1000 / median:.0f}/s)")
        print(f"| {name} | " + " | ".join(cells) + " |")
    print(f"| robots.txt (floor, uncached) | {floor:.2f} ms ({1000 / floor:.0f}/s) |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--people", type=int, default=1500)
    parser.add_argument("--rounds", type=int, default=3, help="alternated rounds")
    parser.add_argument("--search-repeat", type=int, default=3, help="searches per variant")
    parser.add_argument("--cache-repeat", type=int, default=30, help="requests per variant")
    parser.add_argument("--seed", type=int, default=2021)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="embedded-bench-") as tmp:
        workdir = Path(tmp)
        setup_django(f"sqlite:///{workdir / 'archive.sqlite3'}")
        import page_bench
        from django.conf import settings
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client, override_settings

        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        page_bench.generate(settings, args.articles, args.people, args.seed)
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO articles_article_fts(articles_article_fts) VALUES ('optimize')"
            )
            cursor.execute("ANALYZE")
        generated = time.perf_counter() - started
        (workdir / "static").mkdir()
        plain_static = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
        print(f"database:  SQLite {connection.Database.sqlite_version} (file, WAL)")
        print(f"machine:   {os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f} at start")
        print(f"archive:   {args.articles} articles, {args.people} people, in {generated:.0f} s")
        with override_settings(STORAGES=plain_static, STATIC_ROOT=str(workdir / "static")):
            client = Client(SERVER_NAME="localhost")
            search_comparison(client, args.rounds, args.search_repeat)
            cache_comparison(client, workdir, args.rounds, args.cache_repeat)
        print(f"\nload average {os.getloadavg()[0]:.1f} at the end")
        connection.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

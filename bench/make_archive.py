"""Generate a kept archive for bench/scale_bench.py (not a throwaway one like page_bench's).

    .venv/bin/python bench/make_archive.py --database-url URL [--articles 100000]

Migrates the database DATABASE_URL names (as ``make run`` does: ``migrate --noinput``),
refuses one that already holds articles, fills it with bench/_generate.py's archive (same
seed, same archive) and does what autovacuum would after a big load. It prints how fast
the articles were written, so a rate can be measured on a small archive before a large one.
"""

import argparse
import os
import sys
import time

from _django import setup_django
from _generate import generate, prepare_database


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--articles", type=int, default=100000)
    parser.add_argument("--people", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=2021)
    args = parser.parse_args()

    setup_django(args.database_url)
    from django.conf import settings
    from django.core.management import call_command

    from articles.models import Article

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    migrated = time.perf_counter()
    if Article.objects.exists():
        print("error: the database already holds articles; give an empty one", file=sys.stderr)
        return 1
    generate(settings, args.articles, args.people, args.seed)
    generated = time.perf_counter()
    statement = prepare_database()
    finished = time.perf_counter()
    print(
        f"{args.articles} articles (seed {args.seed}) in {generated - migrated:.0f} s: "
        f"{args.articles / (generated - migrated):.0f} articles/s; migrate "
        f"{migrated - started:.0f} s, {statement} {finished - generated:.0f} s; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

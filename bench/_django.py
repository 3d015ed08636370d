"""What every benchmark script does first: Django set up on a database of its choosing.

Not a benchmark itself (make bench runs only bench/*.py not starting with "_").
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django(database_url: str | None = None, *, debug_off: bool = True) -> None:
    """Set Django up on ``database_url`` (or the environment's DATABASE_URL).

    ``debug_off``: run with production settings; in debug mode Django keeps every query,
    with its parameters, in memory, which would swamp a memory or throughput measure.
    """
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    if debug_off:
        os.environ["DJANGO_DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reviewarchive.settings")
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()


def in_throwaway_database(work):
    """``work()``'s result, run on a test database made beside the configured one (so no
    real data is touched) and dropped afterwards, also when ``work`` fails."""
    from django.db import connection

    test_database = connection.creation.create_test_db(
        verbosity=0, autoclobber=True, serialize=False
    )
    try:
        return work()
    finally:
        connection.creation.destroy_test_db(test_database, verbosity=0)

"""Results worked out once per archive version, kept in each process's memory and, for
what every reader shares, in a store on disk that every process on the machine reads.

For a result of the whole archive that many requests need and that only a write can
change (the timeline's reports: 65,000 rows counted and sorted at 100,000 articles).
The key holds the archive's version (``ArchiveVersion``, which the triggers change on
every write) and whether unreviewed records are hidden, so a write makes every kept
result unreachable at once: none is ever served stale, and none needs deleting (the
cache drops the oldest). The version is read before the result is worked out: a write
that commits meanwhile leaves the result under the older version, which no later
request asks for (a reading request reads the version once, archivecache/version.py).
``ARCHIVE_VERSION_MEMO`` off keeps nothing (the tests keep nothing unless marked: inside
a test's transaction, never committed, PostgreSQL's version does not change).

After a write every web worker had to work out again what the pages share, each worker
once: with five workers, five slow answers a page after every correction (at 100,000
articles a person's page 490 ms, ``/quotes/`` 530 ms). What one worker works out now
goes to the machine's store as well (``SHARED``, a FileBasedCache that the workers share
as they share the page cache), where the others find it: their first request for those
pages after a write costs 18 and 11 ms (docs/performance.md, "After a write"). Its keys
hold the code's own digest too (code_digest.py), so a deploy never reads what older code
kept.
"""

import hashlib

from django.conf import settings

from archivecache import tiers
from archivecache.code_digest import code_digest
from archivecache.version import current_version
from curation.visibility import visibility_name

CACHE = "default"  # LocMemCache: this process's, in front of the machine's store
SHARED = "shared_results"  # FileBasedCache: the machine's, shared by its processes
# A list of its own (a search, two filters): one reader's, kept apart in a bounded store
# of its own, so that a crawl of distinct searches cannot push out what every reader
# shares (articles/list_memo.py). It stays in each process: a crawl would fill the disk.
OWN_LISTS = "own_lists"
# Where a result is looked for, nearest first; where it is missing, it is kept once found.
_TIERS = {CACHE: (CACHE, SHARED), OWN_LISTS: (OWN_LISTS,)}


def kept_version() -> str | None:
    """The version results may be kept under now: the archive's, and whether unreviewed
    records are hidden, which every kept result depends on (so no key can leave it out);
    None when nothing may be kept (``ARCHIVE_VERSION_MEMO`` off, or no version to know
    the archive by)."""
    stamp = current_version() if settings.ARCHIVE_VERSION_MEMO else None
    if stamp is None:
        return None
    return f"{stamp}:{visibility_name()}"


def once_per_version(name: str, depends_on: tuple, compute, cache: str = CACHE):
    """``compute()``, or what it gave at this archive version for the same ``depends_on``
    (everything besides the archive that the result depends on, as a repr-able tuple),
    kept in the cache alias ``cache`` (for ``CACHE``, with the machine's store behind it:
    the store drops entries at random once full, and a dropped one is worked out again)."""
    stamp = kept_version()
    if stamp is None:
        return compute()
    digest = hashlib.sha256(repr(depends_on).encode()).hexdigest()[:32]
    key = f"{name}:{stamp}:{code_digest()}:{digest}"
    found, missed = tiers.find(_TIERS[cache], key)
    if found is None:
        found = compute()
    tiers.keep(missed, key, found, timeout=None)
    return found


def count_once_per_version(depends_on: tuple, queryset) -> int:
    """``queryset.count()``, once per archive version for the same ``depends_on``, which
    names the count: one that every reader of a page shares (a person's quotes, their
    mentions in context). Keying by the count's SQL instead compiled the query on every
    request, hit or not (0.8–1.3 ms each)."""
    return once_per_version("count", depends_on, queryset.count)

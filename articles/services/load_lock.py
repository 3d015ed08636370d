"""One load at a time: a PostgreSQL advisory lock, or a lock file next to a SQLite database.

Two loads at once would race to create the same people, outlets and slugs. The
lock is held for a whole ``load_articles`` run; a second run waits for it (after
saying so) or, with ``wait=False``, refuses with ``LoadLocked``.
"""

from __future__ import annotations

import fcntl
import os
import tempfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

# Any fixed 64-bit number; the same for every process that loads into this database.
ADVISORY_LOCK_ID = zlib.crc32(b"care-review-archive:load_articles")


class LoadLocked(Exception):
    """Another load holds the lock and the caller would not wait."""


@contextmanager
def load_lock(*, wait: bool = True, on_wait: Callable[[], None] = lambda: None) -> Iterator[None]:
    """Hold the archive's load lock for the block; ``on_wait()`` runs before waiting."""
    if connection.vendor == "postgresql":
        with _advisory_lock(wait, on_wait):
            yield
    else:
        with _file_lock(_lock_path(), wait, on_wait):
            yield


@contextmanager
def _advisory_lock(wait, on_wait):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [ADVISORY_LOCK_ID])
        if not cursor.fetchone()[0]:
            if not wait:
                raise LoadLocked("another load_articles is running on this database")
            on_wait()
            cursor.execute("SELECT pg_advisory_lock(%s)", [ADVISORY_LOCK_ID])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_LOCK_ID])


@contextmanager
def _file_lock(path: Path, wait, on_wait):
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise LoadLocked(f"another load_articles is running (lock file {path})") from None
            on_wait()
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _lock_path() -> Path:
    """``NAME.load-lock`` beside the SQLite file. An in-memory database (the tests') is
    only reachable from its own process, so its lock file is this process's."""
    name = str(connection.settings_dict["NAME"])
    if name == ":memory:" or "mode=memory" in name:
        return Path(tempfile.gettempdir()) / f"care-review-archive-{os.getpid()}.load-lock"
    return Path(f"{name}.load-lock")

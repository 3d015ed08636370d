"""Stores looked through nearest first: a process's memory (LocMemCache) in front of the
machine's store on disk (FileBasedCache), which every process on the machine reads.

What is found further off is kept in the nearer stores it was missing from. A store on
disk that cannot be read or written (gone, full, not allowed) is a miss, with a warning
in the log, never a failed page.
"""

import logging

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT

logger = logging.getLogger(__name__)


def find(aliases: tuple[str, ...], key: str):
    """What the first of ``aliases`` that has ``key`` keeps (None if none has it), and
    the nearer aliases that missed it."""
    missed = []
    for alias in aliases:
        found = read(alias, key)
        if found is not None:
            return found, missed
        missed.append(alias)
    return None, missed


def read(alias: str, key: str):
    try:
        return caches[alias].get(key)
    except OSError as error:
        logger.warning("results kept in %r cannot be read: %s", alias, error)
        return None


def keep(aliases, key: str, value, timeout=DEFAULT_TIMEOUT) -> None:
    """``value`` under ``key`` in each of ``aliases`` (for the alias's own timeout unless
    ``timeout`` says otherwise; None keeps it until the store drops it)."""
    for alias in aliases:
        try:
            caches[alias].set(key, value, timeout=timeout)
        except OSError as error:
            logger.warning("results cannot be kept in %r: %s", alias, error)

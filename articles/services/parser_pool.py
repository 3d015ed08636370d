"""Worker processes that parse while the loader writes, and end when the loader does.

A worker watches its parent's sentinel (a pipe that the operating system closes
when the parent dies, however it dies, ``kill -9`` included) and exits at once,
so a killed load never leaves parsers behind.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing.connection import wait

from .memory import return_large_buffers

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 50
MAX_WORKERS = 4


@contextmanager
def parser_pool(file_count: int):
    """A pool of worker processes for parsing, or None for a handful of files."""
    workers = worker_count()
    if file_count < PARALLEL_FROM or workers < 2:
        yield None
        return
    # Workers start fresh (no copy of this process's database connections).
    with ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
    ) as pool:
        yield pool


def worker_count() -> int:
    return min(os.cpu_count() or 1, MAX_WORKERS)


def _start_worker() -> None:
    exit_with_parent()
    return_large_buffers()


def exit_with_parent() -> None:
    """In a worker: end this process as soon as the process that started it ends."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch():
        wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()

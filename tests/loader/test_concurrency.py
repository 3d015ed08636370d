"""Loads that overlap, and loads that die: the lock serialises them, workers never outlive them."""

import os
import select
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from articles.management.commands import load_articles
from articles.models import Article, SourceFile
from articles.services.load_lock import load_lock
from people.models import Person

SEEDS = sorted(Path(settings.SEEDS_DIR).glob("*.txt"))
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db(transaction=True)
def test_two_loads_at_once_both_finish_one_after_the_other(tmp_path, monkeypatch):
    for seed in SEEDS:
        shutil.copy(seed, tmp_path / seed.name)
    waiting = threading.Semaphore(0)
    real_say_waiting = load_articles.Command._say_waiting

    def say_waiting(self):
        real_say_waiting(self)
        waiting.release()

    monkeypatch.setattr(load_articles.Command, "_say_waiting", say_waiting)
    results = {}

    def load(name):
        out, err = StringIO(), StringIO()
        try:
            call_command("load_articles", str(tmp_path), stdout=out, stderr=err)
            results[name] = (out.getvalue(), err.getvalue(), None)
        except BaseException as error:  # the assertion below reports it
            results[name] = (out.getvalue(), err.getvalue(), error)
        finally:
            connection.close()

    threads = [threading.Thread(target=load, args=(name,)) for name in ("first", "second")]
    # Both loads start while the lock is held, so both must wait and then overlap.
    with load_lock():
        for thread in threads:
            thread.start()
        for _ in threads:
            assert waiting.acquire(timeout=60), "a load did not wait for the lock"
    for thread in threads:
        thread.join(timeout=300)
        assert not thread.is_alive()

    outs = sorted(out for out, err, error in results.values())
    assert [error for out, err, error in results.values()] == [None, None]
    assert [err for out, err, error in results.values()] == [
        "Another load_articles is running; waiting for it to finish…\n"
    ] * 2
    assert "Done: 0 loaded, 0 updated, 5 unchanged" in outs[0]
    assert "Done: 5 loaded, 0 updated, 0 unchanged" in outs[1]
    assert Article.objects.count() == SourceFile.objects.count() == 5
    names = list(Person.objects.values_list("name", flat=True))
    assert len(names) == len(set(names))


WORKERS_THEN_WAIT = textwrap.dedent(
    """
    import os, sys
    from articles.services import parser_pool

    with parser_pool.parser_pool(parser_pool.PARALLEL_FROM) as pool:
        futures = [pool.submit(os.getpid) for _ in range(20)]
        print(" ".join(str(pid) for pid in {f.result() for f in futures}), flush=True)
        sys.stdin.read()  # until killed
    """
)


def wait_for_exit(pid: int, timeout: float) -> bool:
    """Whether process ``pid`` ended within ``timeout`` seconds (it need not be our child)."""
    try:
        fd = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        readable, _, _ = select.select([fd], [], [], timeout)
        return bool(readable)
    finally:
        os.close(fd)


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: the loader starts no workers")
def test_worker_processes_end_when_the_loader_is_killed():
    loader = subprocess.Popen(
        [sys.executable, "-c", WORKERS_THEN_WAIT],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        workers = [int(pid) for pid in loader.stdout.readline().split()]
        assert workers and loader.pid not in workers
        os.kill(loader.pid, signal.SIGKILL)
        loader.wait()
        still_running = [pid for pid in workers if not wait_for_exit(pid, timeout=60)]
        assert still_running == []
    finally:
        loader.kill()
        loader.wait()

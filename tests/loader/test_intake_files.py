"""Finding and reading source files: nothing on disk can hang, exhaust or silently skip.

Pure code, no database.
"""

import errno
import hashlib
import os
import socket
from pathlib import Path

import pytest

from articles.intake.files import find_sources, read_source_file, source_digest
from articles.parsing.types import SourceError


def errors(found):
    return {item.path.name: item.error for item in found if item.error}


def test_a_fifo_is_refused_by_its_stat_without_opening_it(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    # Opening a FIFO with no writer would block for ever: reaching the assertion shows it
    # was never opened.
    with pytest.raises(SourceError, match="not a regular file: it is a FIFO"):
        read_source_file(fifo)


def test_a_device_is_refused_without_reading_it():
    with pytest.raises(SourceError, match="not a regular file: it is a character device"):
        read_source_file("/dev/zero")


def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        with pytest.raises(SourceError, match="it is a socket"):
            read_source_file(path)


def test_the_size_limit_is_checked_before_reading(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as file:
        file.truncate(50 * 1024**3)  # a sparse 50 GB file: reading it would take minutes
    with pytest.raises(SourceError, match=r"53,687,091,200 bytes, over the 5 MB limit"):
        read_source_file(huge)


def test_a_file_at_the_limit_is_read_whole(tmp_path):
    path = tmp_path / "limit.txt"
    path.write_bytes(b"x" * 1000)
    assert read_source_file(path, limit=1000) == b"x" * 1000
    with pytest.raises(SourceError, match="over the 0 MB limit"):
        read_source_file(path, limit=999)


def test_the_streamed_digest_is_the_hash_of_the_bytes_read(tmp_path):
    path = tmp_path / "large.txt"
    data = os.urandom(3 * 1024 * 1024 + 17)  # more than one block, not a whole number
    path.write_bytes(data)
    assert source_digest(path) == hashlib.sha256(read_source_file(path)).hexdigest()
    assert source_digest(path) == hashlib.sha256(data).hexdigest()


def test_the_streamed_digest_refuses_what_reading_refuses(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(SourceError, match="it is a FIFO"):
        source_digest(fifo)
    with pytest.raises(SourceError, match="it is a character device"):
        source_digest(Path("/dev/zero"))
    path = tmp_path / "limit.txt"
    path.write_bytes(b"x" * 1000)
    with pytest.raises(SourceError, match="over the 0 MB limit"):
        source_digest(path, limit=999)


def test_a_walk_reports_missing_paths_and_symlink_loops_by_name(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "a").mkdir(parents=True)
    (corpus / "a" / "report.txt").write_text("A")
    (corpus / "a" / "back").symlink_to(corpus, target_is_directory=True)
    (corpus / "self.txt").symlink_to(corpus / "self.txt")
    (corpus / "gone.html").symlink_to(tmp_path / "nowhere.html")
    (corpus / "notes.md").write_text("not a source")

    found = find_sources([corpus, tmp_path / "missing"])

    assert [item.path for item in found if not item.error] == [corpus / "a" / "report.txt"]
    assert errors(found) == {
        "back": f"symlink loop: {corpus / 'a' / 'back'} leads back to {corpus}",
        "gone.html": "no such file or directory (a broken symlink)",
        "self.txt": "symlink loop: the link never reaches a file",
        "missing": "no such file or directory",
    }


def test_a_walk_follows_links_that_are_not_loops(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "page.htm").write_text("<p>x</p>")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "linked").symlink_to(elsewhere, target_is_directory=True)
    (corpus / "x.warc.gz").write_bytes(b"")
    assert [item.path.name for item in find_sources([corpus])] == ["page.htm", "x.warc.gz"]


def test_an_unreadable_file_and_directory_are_reported(tmp_path, monkeypatch):
    """The operating system refuses them (as it does for a file of mode 0, except to root,
    who runs CI: so the refusal is raised here as the operating system raises it)."""
    secret = tmp_path / "secret.txt"
    secret.write_text("x")
    locked = tmp_path / "locked"
    locked.mkdir()

    def refuse(path, *args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    real_open, real_scandir = os.open, os.scandir
    monkeypatch.setattr(
        os,
        "open",
        lambda path, *a, **k: refuse(path) if Path(path) == secret else real_open(path, *a, **k),
    )
    monkeypatch.setattr(
        os, "scandir", lambda path=".": refuse(path) if Path(path) == locked else real_scandir(path)
    )
    with pytest.raises(SourceError, match="cannot read: Permission denied"):
        read_source_file(secret)
    assert errors(find_sources([tmp_path])) == {
        "locked": "cannot read directory: Permission denied"
    }

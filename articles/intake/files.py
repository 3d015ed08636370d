"""Find source files under the paths given, and read one safely.

Nothing here can hang or exhaust memory: a path is stat-ed before it is opened,
anything but a regular file (a FIFO, a device, a socket) is refused, the size
limit is checked before a byte is read and enforced while reading, and a
directory walk follows symbolic links but reports a loop instead of entering it.
Every refusal is a ``SourceError`` with a one-line reason.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from articles.parsing.decode import MAX_SOURCE_BYTES
from articles.parsing.types import SourceError

# What a directory walk picks up; a file named on the command line is read whatever its name.
SOURCE_SUFFIXES = (".txt", ".html", ".htm", ".warc", ".warc.gz")

_BLOCK = 1024 * 1024  # bytes hashed at a time

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


@dataclass(frozen=True)
class Found:
    """A file to load, or a path that could not be walked and why."""

    path: Path
    error: str = ""


def is_source_name(name: str) -> bool:
    return name.lower().endswith(SOURCE_SUFFIXES)


def find_sources(paths: Iterable[str | Path]) -> list[Found]:
    """Every source file named, or inside a named directory, in a stable order."""
    found: list[Found] = []
    for path in map(Path, paths):
        try:
            info = path.stat()
        except OSError as error:
            found.append(Found(path, _stat_error(error)))
            continue
        if stat.S_ISDIR(info.st_mode):
            found.extend(_walk(path, ancestors=((info.st_dev, info.st_ino),)))
        else:
            found.append(Found(path))
    return found


def _walk(directory: Path, ancestors: tuple[tuple[int, int], ...]) -> Iterator[Found]:
    """A directory's source files, following links, sorted by name at each level."""
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as error:
        yield Found(directory, f"cannot read directory: {error.strerror or error}")
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            info = entry.stat()  # follows symbolic links
        except OSError as error:
            if is_source_name(entry.name) or error.errno == errno.ELOOP:
                yield Found(path, _stat_error(error))
            continue
        if stat.S_ISDIR(info.st_mode):
            identity = (info.st_dev, info.st_ino)
            if identity in ancestors:
                yield Found(path, f"symlink loop: {path} leads back to {os.path.realpath(path)}")
                continue
            yield from _walk(path, (*ancestors, identity))
        elif is_source_name(entry.name):
            yield Found(path)


def _stat_error(error: OSError) -> str:
    if error.errno == errno.ENOENT:
        return "no such file or directory" + (" (a broken symlink)" if _is_link(error) else "")
    if error.errno == errno.ELOOP:
        return "symlink loop: the link never reaches a file"
    return f"cannot read: {error.strerror or error}"


def _is_link(error: OSError) -> bool:
    return error.filename is not None and os.path.islink(error.filename)


def read_source_file(path: Path, limit: int = MAX_SOURCE_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, else ``SourceError``."""
    with _opened(path, limit) as file:
        raw = file.read(limit + 1)
    if len(raw) > limit:  # it grew since the stat, or its size is not known (as in /proc)
        raise SourceError(f"file is over the {_megabytes(limit)} MB limit")
    return raw


def source_digest(path: Path, limit: int = MAX_SOURCE_BYTES) -> str:
    """The SHA-256 of what ``read_source_file`` would read, hashed a block at a time,
    so the file is never whole in memory."""
    digest, size = hashlib.sha256(), 0
    with _opened(path, limit) as file:
        while block := file.read(_BLOCK):
            size += len(block)
            if size > limit:
                raise SourceError(f"file is over the {_megabytes(limit)} MB limit")
            digest.update(block)
    return digest.hexdigest()


def _opened(path: Path, limit: int) -> BinaryIO:
    """A regular file of at most ``limit`` bytes, opened for reading, else ``SourceError``."""
    try:
        check_regular(os.stat(path), limit)
        # Non-blocking, so that a file swapped for a FIFO since the stat cannot hang the open.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise SourceError(_stat_error(error)) from None
    file = os.fdopen(fd, "rb")
    try:
        check_regular(os.fstat(fd), limit)
    except SourceError:
        file.close()
        raise
    return file


def check_regular(info: os.stat_result, limit: int = MAX_SOURCE_BYTES) -> None:
    """Refuse, from its stat, anything that is not a regular file within the limit."""
    for test, kind in _KINDS:
        if test(info.st_mode):
            raise SourceError(f"not a regular file: it is {kind}")
    if not stat.S_ISREG(info.st_mode):
        raise SourceError("not a regular file")
    if info.st_size > limit:
        raise SourceError(f"file is {info.st_size:,} bytes, over the {_megabytes(limit)} MB limit")


def _megabytes(size: int) -> int:
    return size // (1024 * 1024)

"""Load source files into the archive: one transaction per file, corrections kept.

This is the one way an article enters the database; the management command,
the admin's "add article" form and the tests all call it. Every load first
learns the chrome of its pages' outlets (chrome_learning.py), parses with it,
and then keeps what it learned; ``reparse_articles`` re-extracts stored
articles from their source text with the current parser and chrome.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from articles.models import Article
from articles.parsing.authority import Authority, load_authority
from articles.parsing.decode import decode_source
from articles.parsing.parse import parse_article, read_source
from articles.parsing.types import SourceError

from . import chrome_learning
from .authority_sync import sync_authority
from .writing import write_article

logger = logging.getLogger(__name__)

LOADED, UPDATED, UNCHANGED, SKIPPED, FAILED = "loaded", "updated", "unchanged", "skipped", "failed"
STATUSES = (LOADED, UPDATED, UNCHANGED, SKIPPED, FAILED)

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 50


@dataclass
class LoadOutcome:
    source_file: str
    status: str
    message: str = ""
    article: Article | None = None

    def __str__(self):
        detail = f": {self.message}" if self.message else ""
        return f"{self.source_file}: {self.status}{detail}"


def default_authority() -> Authority:
    return load_authority(Path(settings.AUTHORITY_FILE), Path(settings.OUTLETS_FILE))


def load_source(
    source_file: str,
    raw: bytes,
    *,
    authority: Authority | None = None,
    review_reason: str = "",
) -> LoadOutcome:
    """Load one source file's bytes under its base name.

    ``review_reason`` puts the article in the review queue whatever the parser
    thought of it (used for articles that staff paste into the admin).
    """
    authority = authority or default_authority()
    sync_authority(authority)
    lesson = chrome_learning.lesson_for_batch(_decoded({source_file: raw}), authority)
    authority = lesson.authority(authority)
    digest = hashlib.sha256(raw).hexdigest()
    outcome = _store(
        source_file,
        digest,
        lambda: read_source(raw, source_file, authority),
        authority,
        review_reason=review_reason,
    )
    lesson.save(leaving_out=_not_stored([outcome]))
    return outcome


def _decoded(raws: dict[str, bytes | None]) -> dict[str, str]:
    """Source file -> decoded text, for the files that can be read and decoded."""
    texts = {}
    for source_file, raw in raws.items():
        if raw is None:
            continue
        try:
            texts[source_file] = decode_source(raw, source_file)
        except SourceError:
            continue
    return texts


def _not_stored(outcomes: Iterable[LoadOutcome]) -> list[str]:
    """The files whose pages the archive does not hold under their name after the load."""
    return [o.source_file for o in outcomes if o.status in (FAILED, SKIPPED)]


def _store(source_file, digest, parsed_source, authority, *, review_reason="") -> LoadOutcome:
    """Write a parsed file unless it is unchanged or a duplicate; ``parsed_source()`` parses.

    Parsing happens outside any transaction; the article is then read, compared
    and written in one, its row locked (on PostgreSQL), so a correction saved
    while the file was being parsed, or being saved right now, is seen and kept.
    """
    stored = _stored_article(source_file)
    if stored is not None and stored.sha256 == digest:
        return LoadOutcome(source_file, UNCHANGED, article=stored)
    twin = Article.objects.filter(sha256=digest).only("source_file").first()
    if twin is not None:
        return LoadOutcome(source_file, SKIPPED, f"same content as {twin.source_file}")
    try:
        text, parsed = parsed_source()
    except SourceError as error:
        return LoadOutcome(source_file, FAILED, str(error))
    with transaction.atomic():
        existing = _stored_article(source_file, lock=True)
        if existing is not None and existing.sha256 == digest:
            return LoadOutcome(source_file, UNCHANGED, article=existing)
        article = write_article(
            source_file=source_file,
            sha256=digest,
            source_text=text,
            parsed=parsed,
            authority=authority,
            existing=existing,
            review_reason=review_reason,
        )
    return LoadOutcome(source_file, UPDATED if existing else LOADED, article=article)


def _stored_article(source_file: str, *, lock: bool = False) -> Article | None:
    articles = Article.objects.filter(source_file=source_file)
    return (articles.select_for_update() if lock else articles).first()


def source_files(paths: Iterable[str | Path]) -> list[Path]:
    """Every ``.txt`` file named, or inside a named directory, in a stable order."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.txt") if p.is_file()))
        else:
            found.append(path)
    return found


def load_paths(
    paths: Iterable[str | Path],
    *,
    authority: Authority | None = None,
    on_outcome: Callable[[int, int, LoadOutcome], None] | None = None,
) -> list[LoadOutcome]:
    """Load every file; a file that fails is reported and never stops the others.

    Parsing is pure and runs in worker processes (one per core) while this
    process writes, in file order, one transaction per file. Files whose bytes
    are already stored under their name are not parsed at all (``reparse_articles``
    re-extracts them).
    """
    authority = authority or default_authority()
    sync_authority(authority)
    files = source_files(paths)
    stored = _stored_digests([path.name for path in files])
    jobs = [_read(path) for path in files]
    # Unchanged files teach nothing the store does not hold already.
    to_parse = {
        path.name: job.raw
        for path, job in zip(files, jobs, strict=True)
        if stored.get(path.name) != job.digest
    }
    lesson = chrome_learning.lesson_for_batch(_decoded(to_parse), authority)
    authority = lesson.authority(authority)
    outcomes = []
    with _parser_pool(len(files)) as pool:
        for path, job in zip(files, jobs, strict=True):
            _submit(pool, path, job, stored, authority)
        for index, (path, job) in enumerate(zip(files, jobs, strict=True), start=1):
            outcome = _finish(path, job, authority)
            outcomes.append(outcome)
            if on_outcome is not None:
                on_outcome(index, len(files), outcome)
    lesson.save(leaving_out=_not_stored(outcomes))
    return outcomes


def _stored_digests(names: list[str]) -> dict[str, str]:
    stored = {}
    for start in range(0, len(names), 500):
        batch = names[start : start + 500]
        stored.update(
            Article.objects.filter(source_file__in=batch).values_list("source_file", "sha256")
        )
    return stored


@contextmanager
def _parser_pool(file_count: int):
    """Worker processes for parsing, or none for a handful of files."""
    workers = min(os.cpu_count() or 1, 4)
    if file_count < PARALLEL_FROM or workers < 2:
        yield None
        return
    # Workers start fresh (no copy of this process's database connections).
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield pool


@dataclass
class _Job:
    raw: bytes | None = None
    digest: str = ""
    error: str = ""
    future: Future | None = None


def _read(path: Path) -> _Job:
    try:
        raw = path.read_bytes()
    except OSError as error:
        return _Job(error=f"cannot read file: {error.strerror or error}")
    return _Job(raw=raw, digest=hashlib.sha256(raw).hexdigest())


def _submit(pool, path: Path, job: _Job, stored: dict[str, str], authority: Authority) -> None:
    if pool is not None and not job.error and stored.get(path.name) != job.digest:
        job.future = pool.submit(read_source, job.raw, path.name, authority)


def _finish(path: Path, job: _Job, authority: Authority) -> LoadOutcome:
    if job.error:
        return LoadOutcome(path.name, FAILED, job.error)

    def parsed_source():
        return _result(job.future, path.name, lambda: read_source(job.raw, path.name, authority))

    try:
        return _store(path.name, job.digest, parsed_source, authority)
    except Exception as error:  # one bad file must never stop the others
        logger.exception("loading %s failed", path)
        return _unexpected(path.name, error)


def _result(future: Future | None, source_file: str, parse_here: Callable):
    """A worker's parse, or this process's when there is no worker or it died."""
    if future is not None:
        try:
            return future.result()
        except BrokenProcessPool:
            logger.warning("parser worker died; parsing %s in this process", source_file)
    return parse_here()


def _unexpected(source_file: str, error: Exception) -> LoadOutcome:
    return LoadOutcome(source_file, FAILED, f"unexpected error: {type(error).__name__}: {error}")


def reparse_articles(
    outlets: Iterable[str] | None = None,
    *,
    authority: Authority | None = None,
    on_outcome: Callable[[int, int, LoadOutcome], None] | None = None,
) -> list[LoadOutcome]:
    """Re-extract stored articles (those of the outlets named, or all) from their source text.

    The chrome is learned afresh from the archive first, then every article goes
    through the same writing path as a reload, so staff corrections win. An article
    is "updated" when what the loader writes to it changed, else "unchanged"; a
    second run changes nothing.
    """
    authority = authority or default_authority()
    sync_authority(authority)
    outlets = None if outlets is None else list(outlets)
    lesson = chrome_learning.lesson_from_archive(outlets)
    lesson.save()
    authority = lesson.authority(authority)
    articles = Article.objects.all()
    if outlets is not None:
        articles = articles.filter(outlet__name__in=outlets)
    pks = list(articles.order_by("pk").values_list("pk", flat=True))
    outcomes = []
    with _parser_pool(len(pks)) as pool:
        for start in range(0, len(pks), chrome_learning.CHUNK):
            chunk = list(Article.objects.filter(pk__in=pks[start : start + chrome_learning.CHUNK]))
            futures = [
                pool.submit(parse_article, article.source_text, authority) if pool else None
                for article in chunk
            ]
            for article, future in zip(chunk, futures, strict=True):
                outcome = _reparse(article, future, authority)
                outcomes.append(outcome)
                if on_outcome is not None:
                    on_outcome(len(outcomes), len(pks), outcome)
    return outcomes


def _reparse(article: Article, future: Future | None, authority: Authority) -> LoadOutcome:
    written_before = dict(article.loader_values)
    try:
        parsed = _result(
            future, article.source_file, lambda: parse_article(article.source_text, authority)
        )
        with transaction.atomic():
            article = _stored_article(article.source_file, lock=True)
            write_article(
                source_file=article.source_file,
                sha256=article.sha256,
                source_text=article.source_text,
                parsed=parsed,
                authority=authority,
                existing=article,
            )
    except SourceError as error:
        return LoadOutcome(article.source_file, FAILED, str(error), article)
    except Exception as error:  # one bad article must never stop the others
        logger.exception("reparsing %s failed", article.source_file)
        return _unexpected(article.source_file, error)
    status = UPDATED if article.loader_values != written_before else UNCHANGED
    return LoadOutcome(article.source_file, status, article=article)

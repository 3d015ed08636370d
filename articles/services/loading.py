"""Load source files into the archive: all or nothing per file, corrections kept.

This is the one way an article enters the database; the management command,
the admin's "add article" form and the tests all call it. Every load first
learns the chrome of its pages' outlets (chrome_learning.py), parses with it,
and then keeps what it learned; ``reparse_articles`` re-extracts stored
articles from their source text with the current parser and chrome.

A source's identity is its key: the resolved path of its file (two files of
one name in two folders are two sources). Its bytes are stored unchanged, one
``SourceFile`` per version: a changed file adds a version and keeps the
others; the same bytes under another name are the same source (skipped).
Files are read one at a time: hashed a block at a time, then read (in a worker
when there are many) to learn the chrome, then read again to parse, so memory
stays flat however large the corpus (docs/performance.md, "Intake"). With
workers, small files are written in batches, one transaction for many: the records
their articles name are looked up once a batch and the new ones created together in
bulk (batch.py; docs/performance.md, "A quicker loader (issue 12)").
"""

from __future__ import annotations

import hashlib
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone

from articles.intake.extract import (
    HTML,
    TEXT,
    Extracted,
    chrome_lines,
    extract,
    extract_file,
    file_chrome_lines,
    read_source,
)
from articles.intake.files import Found, find_sources, source_digest
from articles.intake.metadata import SourceMetadata
from articles.intake.warc import is_warc, warc_pages
from articles.models import Article, SourceFile
from articles.parsing.authority import Authority, load_authority
from articles.parsing.chrome import PageLines
from articles.parsing.decode import decode_source, decode_with_encoding
from articles.parsing.parse import parse_article
from articles.parsing.types import SourceError
from facetcounts.compute import refresh as recount_facets

from . import chrome_learning
from .authority_sync import sync_authority
from .batch import Batch
from .memory import return_large_buffers
from .parser_pool import parser_pool, worker_count
from .planner_statistics import refresh_statistics
from .writing import look_up_records, write_article

logger = logging.getLogger(__name__)

LOADED, UPDATED, UNCHANGED, SKIPPED, FAILED = "loaded", "updated", "unchanged", "skipped", "failed"
STATUSES = (LOADED, UPDATED, UNCHANGED, SKIPPED, FAILED)

# Parses in flight at once beyond one per worker, past the batch being written and the
# next (``_one_ahead``). Each finished parse waiting to be written holds its file's
# bytes, text and parsed article (about three times the file's size), so no more than
# two batches' worth are (at most 2 x BATCH_BYTES of files, or one large file and the
# workers'): memory stays flat.
SPARE_IN_FLIGHT = 0
# With workers, files are written in batches, one transaction each, of at most this
# many files and bytes: one commit and a few queries for many small files, and
# never a long transaction (a large file is a batch of its own).
BATCH_FILES = 50
BATCH_BYTES = 1024 * 1024
# Stored articles re-extracted at a time (their source bytes are in memory together).
REPARSE_CHUNK = 50
# Stored digests looked up at a time while listing (under SQLite's limit of parameters).
KEYS_PER_QUERY = 500
UPLOAD_KEY_PREFIX = "upload:"


@dataclass
class LoadOutcome:
    source_file: str
    status: str
    message: str = ""
    article: Article | None = None
    source_key: str = ""
    unexpected: bool = False  # failed on an error the loader does not expect (a bug, the database)

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
    """Load one source's bytes given by a person (the admin's form) under its name.

    Loading the same name again updates that article. ``review_reason`` puts the
    article in the review queue whatever the parser thought of it.
    """
    authority = authority or default_authority()
    sync_authority(authority)
    key = UPLOAD_KEY_PREFIX + source_file
    lesson = chrome_learning.lesson_for_batch(_chrome_pages_given(key, source_file, raw, authority))
    authority = lesson.authority(authority)
    source = _Source(key=key, name=source_file, shown=source_file, path=None)
    outcome = _store(
        source,
        raw,
        lambda: extract(raw, source_file, authority),
        authority,
        review_reason=review_reason,
    )
    lesson.save(leaving_out=_not_stored([outcome]))
    return outcome


def _chrome_pages_given(key: str, name: str, raw: bytes, authority: Authority) -> list:
    """The (key, outlet, lines) of a source given as bytes, to learn chrome from."""
    try:
        return [(key, *chrome_lines(decode_source(raw, name), authority))]
    except SourceError:
        return []


def _not_stored(outcomes: Iterable[LoadOutcome]) -> list[str]:
    """The sources whose pages the archive does not hold after the load."""
    return [o.source_key for o in outcomes if o.status in (FAILED, SKIPPED)]


@dataclass
class _Source:
    """One source to load: its identity, how it is named to the user, where it is."""

    key: str
    name: str  # the file's base name, as the article shows it
    shown: str  # the path as given, in messages
    path: Path | None
    error: str = ""
    offset: int | None = None  # of its record, in a WARC file
    digest: str = ""
    size: int = 0
    future: Future | None = field(default=None, repr=False)

    def outcome(self, status: str, message: str = "", article=None) -> LoadOutcome:
        return LoadOutcome(self.shown, status, message, article, self.key)


def _store(
    source: _Source,
    raw: bytes,
    extracted,
    authority,
    *,
    review_reason="",
    batch: Batch | None = None,
    new: bool = False,
) -> LoadOutcome:
    """Store a source's bytes and write its article, unless they are stored already.

    ``extracted()`` decodes and parses (raises SourceError). Parsing happens outside any
    transaction; an article already stored is then read, compared and written in one,
    its row locked (on PostgreSQL), so a correction saved while the file was being
    parsed, or being saved right now, is seen and kept. In a ``batch``, a new article
    (``new``: no article had the source's key when the load listed it) is left with its
    records for the batch to create with the others' (``_write_batch``); the batch's
    pending records are created before an article already stored is written, so that it
    is compared with the archive as it is.
    """
    digest = hashlib.sha256(raw).hexdigest()
    writes = batch or Batch()
    existing = None if new else _stored_article(source.key)
    if existing is not None and existing.sha256 == digest:
        _keep_bytes(existing, source, raw, digest)
        return source.outcome(UNCHANGED, article=existing)
    known = _by_digest(writes, "version", digest)
    twin = (known.article if known else None) or _by_digest(writes, "article", digest)
    if twin is not None and twin != existing:
        if existing is None and twin.pk is not None and twin.source_id is None:
            return _adopt(twin, source, raw, digest)
        return source.outcome(SKIPPED, f"same content as {_where(twin, known)}")
    try:
        found = extracted()
    except SourceError as error:
        return source.outcome(FAILED, str(error))
    if batch is not None and existing is None:
        article = _write(source, found, digest, known, None, authority, review_reason, writes)
        return source.outcome(LOADED, article=article)
    writes.create()
    with transaction.atomic():
        existing = _stored_article(source.key, lock=True)
        if existing is not None and existing.sha256 == digest:
            return source.outcome(UNCHANGED, article=existing)
        article = _write(source, found, digest, known, existing, authority, review_reason, writes)
        writes.create()
    return source.outcome(UPDATED if existing else LOADED, article=article)


def _write(source, found, digest, known, existing, authority, review_reason, batch) -> Article:
    """Write the article of a source's new or known version, through ``batch``."""
    version = known or _new_version(source, found, digest, existing)
    if version.pk is None:
        batch.add(SourceFile, [version])
        batch.remember("version", digest, version)
    else:
        version.save()  # seen again: a file changed back to an earlier version
    article = write_article(
        source_file=source.name,
        sha256=digest,
        source_text=found.text,
        parsed=found.parsed,
        authority=authority,
        existing=existing,
        review_reason=review_reason,
        source_key=source.key,
        source=version,
        field_origins=found.origins,
        batch=batch,
    )
    batch.remember("article", digest, article)
    if version.article_id is None:
        batch.link(version, article)
    return article


def _by_digest(batch: Batch, kind: str, digest: str):
    """The stored (or batch's) source version or article of these bytes, or None."""
    return _digests_looked_up(batch, kind, [digest]).get(digest)


def _digests_looked_up(batch: Batch, kind: str, digests: list[str]) -> dict:
    if kind == "version":
        found = SourceFile.objects.filter(sha256__in=digests).select_related("article")
    else:
        found = Article.objects.filter(sha256__in=digests).defer(*_LARGE_FIELDS)
    return batch.lookup(kind, digests, lambda missing: {r.sha256: r for r in found})


def _stored_article(key: str, *, lock: bool = False) -> Article | None:
    articles = Article.objects.filter(source_key=key)
    # Not .first(): its ORDER BY (the list's order) with LIMIT 1 leads PostgreSQL to walk
    # the date index instead of looking the unique key up (5 times slower at 1,000 rows).
    return next(iter(articles.select_for_update() if lock else articles), None)


def _where(article: Article, version: SourceFile | None) -> str:
    """How a duplicate's original is named: its path, and whether it is an earlier version."""
    if version is None or version.pk == article.source_id:
        return article.source.original_path if article.source else article.source_file
    return f"an earlier version of {article.source_file} ({version.original_path})"


def _new_version(
    source: _Source, found: Extracted, digest: str, article: Article | None
) -> SourceFile:
    return SourceFile(
        article=article,
        content=found.raw,
        sha256=digest,
        size=len(found.raw),
        media_type=found.media_type,
        encoding=found.encoding,
        original_path=str(source.path) if source.path else source.shown,
        url=found.url,
        captured=found.captured,
        metadata=[given.to_json() for given in found.given],
    )


def _keep_bytes(article: Article, source: _Source, raw: bytes, digest: str) -> None:
    """An unchanged source was seen again: note when, and keep its bytes if they were not."""
    if article.source_id is not None:
        SourceFile.objects.filter(pk=article.source_id).update(last_seen=timezone.now())
        return
    _adopt(article, source, raw, digest)


def _adopt(article: Article, source: _Source, raw: bytes, digest: str) -> LoadOutcome:
    """An article loaded before bytes were kept: store them, and take this source's key."""
    try:
        encoding = decode_with_encoding(raw, source.name).encoding
    except SourceError as error:
        return source.outcome(FAILED, str(error))
    with transaction.atomic():
        version = SourceFile.objects.create(
            article=article,
            content=raw,
            sha256=digest,
            size=len(raw),
            encoding=encoding,
            original_path=str(source.path) if source.path else source.shown,
        )
        Article.objects.filter(pk=article.pk).update(source=version, source_key=source.key)
    article.source, article.source_key = version, source.key
    return source.outcome(UNCHANGED, "original bytes now kept", article)


def load_paths(
    paths: Iterable[str | Path],
    *,
    authority: Authority | None = None,
    on_outcome: Callable[[int, int, LoadOutcome], None] | None = None,
) -> list[LoadOutcome]:
    """Load every file; a file or path that fails is reported and never stops the others.

    First every source is listed with the digest of its bytes (hashed a block at a
    time); then the new and changed text pages teach the chrome; then they are parsed.
    Reading, decoding and parsing run in worker processes (one per core) when there
    are many files, while this process writes, in file order, in batches
    (``_write_batch``); it never holds more than one file's bytes and the parses in
    flight. Files whose bytes are already stored under their key are not read again
    at all (``reparse_articles`` re-extracts them). A load that stored something ends
    by bringing SQLite's planner statistics up to date (planner_statistics.py). Every
    load ends by recounting the stored facet counts once it is committed, so that the
    first reader after it does not (facetcounts; at 100,000 articles about 0.7 s).
    """
    authority = authority or default_authority()
    sync_authority(authority)
    return_large_buffers()
    sources, stored = _listed(find_sources(paths))
    outcomes = []

    def finish(batch: list[_Source]) -> None:
        for outcome in _write_batch(batch, stored, authority):
            _lighten(outcome.article)
            outcomes.append(outcome)
            if on_outcome is not None:
                on_outcome(len(outcomes), len(sources), outcome)

    def to_parse(source: _Source) -> bool:
        return not source.error and stored.get(source.key) != source.digest

    def start_parse(source: _Source) -> None:
        if pool is not None and to_parse(source):
            source.future = pool.submit(extract_file, source.path, authority, source.offset)

    def alone(source: _Source) -> bool:  # parsed here, so outside any transaction
        return source.future is None and to_parse(source)

    with parser_pool(sum(map(to_parse, sources))) as pool:
        lesson = chrome_learning.lesson_for_batch(_chrome_pages(sources, stored, pool, authority))
        authority = lesson.authority(authority)
        parsed = _started_ahead(sources, start_parse, worker_count() + SPARE_IN_FLIGHT)
        for batch in _one_ahead(_batches(parsed, alone)):
            finish(batch)
    lesson.save(leaving_out=_not_stored(outcomes))
    if any(outcome.status in (LOADED, UPDATED) for outcome in outcomes):
        refresh_statistics()
    transaction.on_commit(recount_facets)  # at once, outside a transaction
    return outcomes


def _started_ahead(items: Iterable, start: Callable, depth: int) -> Iterator:
    """``items`` in order, each once ``start(item)`` has been called on it and on up to
    ``depth`` items after it (so that many are being worked on while one is handled)."""
    waiting: deque = deque()
    for item in items:
        start(item)
        waiting.append(item)
        if len(waiting) > depth:
            yield waiting.popleft()
    yield from waiting


# An article's large fields; a load's outcomes keep their articles without them.
_LARGE_FIELDS = ("body", "source_text", "loader_values", "captions", "links", "search_vector")


def _lighten(article: Article | None) -> None:
    """Drop an article's large fields from memory: Django reads them again if asked."""
    if article is not None:
        for name in _LARGE_FIELDS:
            article.__dict__.pop(name, None)
        version = article._state.fields_cache.get("source")
        if version is not None:
            version.__dict__.pop("content", None)


def _source(path: Path, error: str = "") -> _Source:
    try:
        key = str(path.resolve(strict=not error))
    except (OSError, RuntimeError) as resolve_error:
        key, error = str(path.absolute()), error or f"cannot resolve path: {resolve_error}"
    return _Source(key=key, name=path.name, shown=str(path), path=path, error=error)


def _batches(
    sources: Iterable[_Source], alone: Callable[[_Source], bool]
) -> Iterator[list[_Source]]:
    """Sources in order, in batches of up to ``BATCH_FILES`` and ``BATCH_BYTES``; those
    for which ``alone(source)`` is true are batches of their own."""
    batch: list[_Source] = []
    size = 0
    for source in sources:
        if alone(source):
            if batch:
                yield batch
                batch, size = [], 0
            yield [source]
            continue
        batch.append(source)
        size += source.size
        if len(batch) >= BATCH_FILES or size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _one_ahead(batches: Iterable[list[_Source]]) -> Iterator[list[_Source]]:
    """Each batch once the next is formed (its files are being parsed while this one is
    written), except a batch of one large file, handed on at once so that no more large
    files are in memory together than before."""
    waiting = None
    for batch in batches:
        if waiting is not None:
            yield waiting
        waiting = batch
        if sum(source.size for source in batch) >= BATCH_BYTES:
            yield batch
            waiting = None
    if waiting is not None:
        yield waiting


def _ready_parses(batch: list[_Source]) -> Iterator:
    """The parses of a batch's files that the workers have finished (none is waited for)."""
    for source in batch:
        future = source.future
        if future is not None and future.done() and future.exception() is None:
            yield future.result().parsed


def _write_batch(
    batch: list[_Source], stored: dict[str, str], authority: Authority
) -> list[LoadOutcome]:
    """Write a batch in one transaction: the records its parses name looked up together,
    its new articles and their new records created together at the end (``Batch``), each
    article already stored written in a savepoint of its own.

    Should a source fail unexpectedly (which may leave the transaction unusable on
    PostgreSQL), or creating the batch's records or the commit fail, the batch is rolled
    back and every source of it written again in its own transaction, so the bad one is
    reported alone and no other is lost.
    """
    if len(batch) == 1:
        return [_finish(batch[0], stored, authority)]
    try:
        with transaction.atomic():
            writes, seen = Batch(), _seen_again(batch, stored)
            digests = [source.digest for source in batch if source.digest]
            for kind in ("version", "article"):
                _digests_looked_up(writes, kind, digests)
            look_up_records(writes, _ready_parses(batch))
            outcomes = [_finish(source, stored, authority, writes, seen) for source in batch]
            if any(outcome.unexpected for outcome in outcomes):
                raise _WriteAlone
            try:
                writes.create()
            except Exception as error:  # whatever it is, the files are written one by one
                raise _WriteAlone from error
        return outcomes
    except (_WriteAlone, DatabaseError):
        logger.warning(
            "a batch of %d files failed; writing each on its own", len(batch), exc_info=True
        )
        return [_finish(source, stored, authority) for source in batch]


class _WriteAlone(Exception):
    """A batch must be rolled back and its sources written one by one."""


def _listed(found: Iterable[Found]) -> tuple[list[_Source], dict[str, str]]:
    """Every source to load (a WARC file's pages are one each) with the digest of its
    bytes, and the digests stored under their keys."""
    sources: list[_Source] = []
    for item in found:
        source = _source(item.path, item.error)
        if not source.error and is_warc(source.path):
            _list_warc_pages(source, sources)
            continue
        sources.append(source)
        if source.error:
            continue
        try:
            source.digest = source_digest(source.path)
            source.size = source.path.stat().st_size
        except SourceError as error:
            source.error = str(error)
    return sources, _stored_digests([source.key for source in sources if not source.error])


def _chrome_pages(
    sources: list[_Source], stored: dict[str, str], pool, authority: Authority
) -> Iterator[tuple[str, str, PageLines]]:
    """(key, outlet, lines) of each new or changed text file, to learn chrome from, read
    and decoded in the workers when there are some. WARC records are web pages, which
    teach no chrome."""

    def start(source: _Source) -> None:
        if pool is not None:
            source.future = pool.submit(file_chrome_lines, source.path, authority)

    learning = (
        source
        for source in sources
        if not source.error and source.offset is None and stored.get(source.key) != source.digest
    )
    for source in _started_ahead(learning, start, worker_count()):
        future, source.future = source.future, None
        found = _result(future, source.shown, partial(file_chrome_lines, source.path, authority))
        if found is not None:
            yield (source.key, *found)


def _list_warc_pages(warc: _Source, sources: list[_Source]) -> None:
    """A WARC file's HTML pages as sources, or the file as a failed one when it is bad."""
    try:
        for page in warc_pages(warc.path):
            key = f"{warc.key}#{page.offset}"
            shown = f"{warc.shown} ({page.metadata.url or f'record at {page.offset}'})"
            source = _Source(key, warc.name, shown, warc.path, page.error, offset=page.offset)
            source.digest = hashlib.sha256(page.payload).hexdigest()
            source.size = len(page.payload)
            sources.append(source)
    except (SourceError, OSError) as error:
        warc.error = str(error) if isinstance(error, SourceError) else f"cannot read: {error}"
        sources.append(warc)


def _stored_digests(keys: list[str]) -> dict[str, str]:
    """Source key -> the digest of the bytes stored under it, for those of ``keys`` stored."""
    stored = {}
    for start in range(0, len(keys), KEYS_PER_QUERY):
        articles = Article.objects.filter(source_key__in=keys[start : start + KEYS_PER_QUERY])
        stored.update(articles.values_list("source_key", "sha256"))
    return stored


def _finish(
    source: _Source,
    stored: dict[str, str],
    authority: Authority,
    batch: Batch | None = None,
    seen: dict[str, Article] | None = None,
) -> LoadOutcome:
    """``seen``: the batch's ``_seen_again`` (by default, this source's)."""
    if source.error:
        return source.outcome(FAILED, source.error)
    try:
        seen = _seen_again([source], stored) if seen is None else seen
        if (article := seen.get(source.key)) is not None:
            return source.outcome(UNCHANGED, article=article)
        if source.future is None:
            raw, given, html = read_source(source.path, source.offset)
            return _store(
                source,
                raw,
                lambda: extract(raw, source.name, authority, given, html=html),
                authority,
                batch=batch,
                new=source.key not in stored,
            )
        found = _result(
            source.future,
            source.shown,
            lambda: extract_file(source.path, authority, source.offset),
        )
        return _store(
            source, found.raw, lambda: found, authority, batch=batch, new=source.key not in stored
        )
    except SourceError as error:
        return source.outcome(FAILED, str(error))
    except Exception as error:  # one bad file must never stop the others
        logger.exception("loading %s failed", source.shown)
        return _unexpected(source.outcome, error)
    finally:
        source.future = None  # its bytes are not kept past this file


def _seen_again(sources: list[_Source], stored: dict[str, str]) -> dict[str, Article]:
    """The articles of the unchanged sources whose bytes are kept, by key, found without
    reading the files again, their versions marked as seen now: two queries for them
    all. A source left out (its article changed since it was listed, or keeps no bytes
    yet) goes through ``_store``, which reads the file and takes care of it."""
    keys = [s.key for s in sources if not s.error and stored.get(s.key) == s.digest]
    if not keys:
        return {}
    found = Article.objects.filter(source_key__in=keys, source__isnull=False)
    articles = {
        article.source_key: article
        for article in found.defer(*_LARGE_FIELDS)
        if article.sha256 == stored[article.source_key]
    }
    versions = [article.source_id for article in articles.values()]
    SourceFile.objects.filter(pk__in=versions).update(last_seen=timezone.now())
    return articles


def _result(future: Future | None, label: str, parse_here: Callable):
    """A worker's parse, or this process's when there is no worker or it died."""
    if future is not None:
        try:
            return future.result()
        except BrokenProcessPool:
            logger.warning("parser worker died; parsing %s in this process", label)
    return parse_here()


def _unexpected(outcome: Callable[..., LoadOutcome], error: Exception) -> LoadOutcome:
    result = outcome(FAILED, f"unexpected error: {type(error).__name__}: {error}")
    result.unexpected = True
    return result


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
    with parser_pool(len(pks)) as pool:
        for start in range(0, len(pks), REPARSE_CHUNK):
            chunk = list(
                Article.objects.filter(pk__in=pks[start : start + REPARSE_CHUNK]).select_related(
                    "source"
                )
            )
            futures = [
                pool.submit(stored_extraction, article, authority) if pool else None
                for article in chunk
            ]
            for article, future in zip(chunk, futures, strict=True):
                outcome = _reparse(article, future, authority)
                outcomes.append(outcome)
                if on_outcome is not None:
                    on_outcome(len(outcomes), len(pks), outcome)
    return outcomes


def stored_extraction(article: Article, authority: Authority) -> Extracted:
    """The stored source read again: its original bytes and the metadata given with them,
    or, for an article loaded before bytes were kept, its stored text."""
    version = article.source
    if version is None:
        parsed = parse_article(article.source_text, authority)
        return Extracted(b"", article.source_text, "", TEXT, parsed, origins=article.field_origins)
    return extract(
        bytes(version.content),
        article.source_file,
        authority,
        [SourceMetadata.from_json(given) for given in version.metadata],
        html=version.media_type == HTML,
    )


def _reparse(article: Article, future: Future | None, authority: Authority) -> LoadOutcome:
    def outcome(status: str, message: str = "") -> LoadOutcome:
        return LoadOutcome(article.source_file, status, message, article, article.source_key)

    written_before = (dict(article.loader_values), article.field_origins)
    try:
        found = _result(future, article.source_file, lambda: stored_extraction(article, authority))
        with transaction.atomic():
            article = Article.objects.select_for_update().get(pk=article.pk)
            write_article(
                source_file=article.source_file,
                sha256=article.sha256,
                source_text=found.text,
                parsed=found.parsed,
                authority=authority,
                existing=article,
                field_origins=found.origins,
            )
    except SourceError as error:
        return outcome(FAILED, str(error))
    except Exception as error:  # one bad article must never stop the others
        logger.exception("reparsing %s failed", article.source_file)
        return _unexpected(outcome, error)
    changed = (article.loader_values, article.field_origins) != written_before
    return outcome(UPDATED if changed else UNCHANGED)

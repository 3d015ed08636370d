"""Load source files into the archive: one transaction per file, corrections kept.

This is the one way an article enters the database; the management command,
the admin's "add article" form and the tests all call it.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from articles.models import Article
from articles.parsing.authority import Authority, load_authority
from articles.parsing.decode import decode_source
from articles.parsing.parse import parse_article
from articles.parsing.types import SourceError

from .authority_sync import sync_authority
from .writing import write_article

logger = logging.getLogger(__name__)

LOADED, UPDATED, UNCHANGED, SKIPPED, FAILED = "loaded", "updated", "unchanged", "skipped", "failed"
STATUSES = (LOADED, UPDATED, UNCHANGED, SKIPPED, FAILED)


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
    sync: bool = True,
) -> LoadOutcome:
    """Load one source file's bytes under its base name.

    ``review_reason`` puts the article in the review queue whatever the parser
    thought of it (used for articles that staff paste into the admin).
    """
    authority = authority or default_authority()
    if sync:
        sync_authority(authority)
    digest = hashlib.sha256(raw).hexdigest()
    existing = Article.objects.filter(source_file=source_file).first()
    if existing is not None and existing.sha256 == digest:
        return LoadOutcome(source_file, UNCHANGED, article=existing)
    twin = Article.objects.filter(sha256=digest).only("source_file").first()
    if twin is not None:
        return LoadOutcome(source_file, SKIPPED, f"same content as {twin.source_file}")
    try:
        text = decode_source(raw, source_file)
        parsed = parse_article(text, authority)
    except SourceError as error:
        return LoadOutcome(source_file, FAILED, str(error))
    with transaction.atomic():
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
    """Load every file; a file that fails is reported and never stops the others."""
    authority = authority or default_authority()
    sync_authority(authority)
    files = source_files(paths)
    outcomes = []
    for index, path in enumerate(files, start=1):
        outcome = _load_file(path, authority)
        outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(index, len(files), outcome)
    return outcomes


def _load_file(path: Path, authority: Authority) -> LoadOutcome:
    try:
        raw = path.read_bytes()
    except OSError as error:
        return LoadOutcome(path.name, FAILED, f"cannot read file: {error.strerror or error}")
    try:
        return load_source(path.name, raw, authority=authority, sync=False)
    except Exception as error:  # one bad file must never stop the others
        logger.exception("loading %s failed", path)
        return LoadOutcome(path.name, FAILED, f"unexpected error: {type(error).__name__}: {error}")

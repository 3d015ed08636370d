"""Learn each outlet's chrome from its pages, keep it in the store, hand it to the parser.

The pages are the articles' stored source text (``Article.source_text``),
grouped by the article's outlet (staff may have corrected it), plus, during a
load, the batch's new and changed pages, grouped by ``identify_outlet`` before
any full parse (``chrome_lines`` in articles/intake/extract.py). A load learns
from both before it parses, so the first load of many pages of a new outlet is
already clean, and then keeps what it learned for the outlets it touched
(leaving out the files that failed or were skipped as duplicates). Outlets a
load does not touch keep their stored chrome. What counts as chrome is decided
in articles/parsing/chrome.py.

A load reads at most ``STORED_PAGES_PER_OUTLET`` of an outlet's stored pages,
spread evenly over them in the order they were stored, so that it spans the
outlet's templates old and new. Reading every page made a load of one file cost
as much as the outlet's archive: at 100,000 articles (up to 17,000 an outlet) 7 to
17 s for one new page, 6 to 14 s of it reading the pages' lines (docs/performance.md,
"A load at 100,000 articles"). What counts as chrome is a share of the articles (a
fifth, two fifths), which a thousand pages measure to about a percentage point.
``--reparse`` still learns from every page.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction

from articles.models import Article, LearnedChromeLine, Outlet
from articles.parsing.authority import Authority
from articles.parsing.chrome import PageLines, learn_chrome, page_lines

# Source texts are read from the database this many at a time.
CHUNK = 500
# What a load learns from, at most, of an outlet's stored pages (besides its own).
STORED_PAGES_PER_OUTLET = 1000


class Lesson:
    """One outlet's pages at a time, by source key; what they teach, and keeping it."""

    def __init__(self):
        self.pages: dict[str, dict[str, PageLines]] = {}

    def add(self, outlet: str, source_key: str, text: str) -> None:
        self.add_lines(outlet, source_key, page_lines(text))

    def add_lines(self, outlet: str, source_key: str, lines: PageLines) -> None:
        self.pages.setdefault(outlet, {})[source_key] = lines

    def learned(self, leaving_out: frozenset[str] = frozenset()) -> dict[str, list]:
        """Outlet name -> its learned lines, without the pages of the files left out."""
        return {
            outlet: learn_chrome(
                outlet, (page for name, page in pages.items() if name not in leaving_out)
            )
            for outlet, pages in self.pages.items()
        }

    def authority(self, authority: Authority) -> Authority:
        """``authority`` with the stored chrome of every outlet, and this lesson's for its own."""
        chrome = stored_chrome()
        chrome.update(
            (outlet, frozenset(line.fingerprint for line in lines))
            for outlet, lines in self.learned().items()
        )
        return dataclasses.replace(authority, learned_chrome=chrome)

    def save(self, leaving_out: Iterable[str] = ()) -> None:
        """Replace the stored chrome of this lesson's outlets with what they teach now."""
        learned = self.learned(frozenset(leaving_out))
        outlets = Outlet.objects.filter(name__in=learned).only("pk", "name")
        with transaction.atomic():
            LearnedChromeLine.objects.filter(outlet__in=outlets).delete()
            LearnedChromeLine.objects.bulk_create(
                LearnedChromeLine(
                    outlet=outlet,
                    fingerprint=line.fingerprint,
                    line=line.line,
                    articles=line.articles,
                )
                for outlet in outlets
                for line in learned[outlet.name]
            )


def stored_chrome() -> dict[str, frozenset[str]]:
    """Outlet name -> the fingerprints of its stored chrome lines."""
    chrome: dict[str, set[str]] = {}
    for outlet, fp in LearnedChromeLine.objects.values_list("outlet__name", "fingerprint"):
        chrome.setdefault(outlet, set()).add(fp)
    return {outlet: frozenset(fps) for outlet, fps in chrome.items()}


def lesson_from_archive(outlets: Iterable[str] | None = None) -> Lesson:
    """The archive's pages of the outlets named (every outlet for None)."""
    lesson = Lesson()
    articles = Article.objects.all()
    if outlets is not None:
        articles = articles.filter(outlet__name__in=list(outlets))
    _add_archive_pages(lesson, articles.values_list("pk", flat=True))
    return lesson


def lesson_for_batch(batch: Iterable[tuple[str, str, PageLines]]) -> Lesson:
    """The batch's pages ((source key, outlet, lines) of each, taken one at a time: see
    ``articles.intake.extract.chrome_lines``) and the archive's other pages of the
    batch's outlets, at most ``STORED_PAGES_PER_OUTLET`` of each; a batch page replaces
    the archive's page of the same source."""
    lesson = Lesson()
    keys = set()
    for source_key, outlet, lines in batch:
        lesson.add_lines(outlet, source_key, lines)
        keys.add(source_key)
    others = (
        Article.objects.filter(outlet__name__in=list(lesson.pages))
        .order_by("pk")
        .values_list("outlet__name", "pk", "source_key")
    )
    by_outlet: dict[str, list[int]] = defaultdict(list)
    for outlet, pk, source_key in others:
        if source_key not in keys:
            by_outlet[outlet].append(pk)
    _add_archive_pages(
        lesson,
        [pk for pks in by_outlet.values() for pk in spread(pks, STORED_PAGES_PER_OUTLET)],
    )
    return lesson


def spread(items: list, most: int) -> list:
    """At most ``most`` of ``items``, evenly spaced from the first, in their order."""
    if len(items) <= most:
        return items
    step = len(items) / most
    return [items[int(index * step)] for index in range(most)]


def _add_archive_pages(lesson: Lesson, pks: Iterable[int]) -> None:
    pks = list(pks)
    for start in range(0, len(pks), CHUNK):
        rows = Article.objects.filter(pk__in=pks[start : start + CHUNK]).values_list(
            "outlet__name", "source_key", "source_text"
        )
        for outlet, source_key, text in rows:
            lesson.add(outlet, source_key, text)

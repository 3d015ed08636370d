"""python manage.py load_articles [PATH ...]: parse page-text dumps into the archive.

``load_articles --reparse [--outlet NAME ...]`` re-extracts what is already loaded.
"""

from collections import Counter

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.models import Outlet
from articles.services.load_lock import LoadLocked, load_lock
from articles.services.loading import (
    FAILED,
    STATUSES,
    LoadOutcome,
    load_paths,
    reparse_articles,
)

# Long runs report progress every this many files.
PROGRESS_EVERY = 100


class Command(BaseCommand):
    help = (
        "Load raw page-text dumps (.txt files, or directories of them) into the archive. "
        "Re-running is safe: unchanged files are skipped and staff corrections are kept. "
        "A bad file or path is reported on one line and the others still load; one load "
        "runs at a time (a second one waits). "
        "With --reparse, re-extract the stored articles with the current parser and the "
        "chrome learned from the archive."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths",
            nargs="*",
            help=f"files or directories (default: {settings.SEEDS_DIR})",
        )
        parser.add_argument(
            "--reparse",
            action="store_true",
            help="re-extract every loaded article from its stored source text",
        )
        parser.add_argument(
            "--outlet",
            action="append",
            dest="outlets",
            metavar="NAME",
            help="with --reparse: only this outlet's articles (repeatable)",
        )
        parser.add_argument(
            "--no-wait",
            action="store_false",
            dest="wait",
            help="refuse to start while another load runs, instead of waiting for it",
        )

    def handle(self, *args, **options):
        try:
            with load_lock(wait=options["wait"], on_wait=self._say_waiting):
                self._load(options)
        except LoadLocked as error:
            raise CommandError(f"{error}; try again when it has finished") from None

    def _say_waiting(self) -> None:
        self.stderr.write("Another load_articles is running; waiting for it to finish…")

    def _load(self, options) -> None:
        if options["reparse"]:
            return self._reparse(options)
        if options["outlets"]:
            raise CommandError("--outlet only goes with --reparse")
        paths = options["paths"] or [settings.SEEDS_DIR]
        verbosity = options["verbosity"]
        if verbosity:
            self.stdout.write(f"Loading {', '.join(map(str, paths))}…")
        self._summarise(load_paths(paths, on_outcome=self._report(verbosity)), verbosity)

    def _reparse(self, options) -> None:
        if options["paths"]:
            raise CommandError("--reparse re-extracts stored articles: give no paths")
        outlets = options["outlets"]
        if outlets:
            unknown = set(outlets) - set(
                Outlet.objects.filter(name__in=outlets).values_list("name", flat=True)
            )
            if unknown:
                raise CommandError(f"no such outlet: {', '.join(sorted(unknown))}")
        verbosity = options["verbosity"]
        if verbosity:
            self.stdout.write(
                f"Reparsing the articles of {', '.join(outlets) if outlets else 'every outlet'}…"
            )
        outcomes = reparse_articles(outlets, on_outcome=self._report(verbosity))
        self._summarise(outcomes, verbosity)

    def _summarise(self, outcomes: list[LoadOutcome], verbosity: int) -> None:
        counts = Counter(outcome.status for outcome in outcomes)
        summary = ", ".join(f"{counts[status]} {status}" for status in STATUSES)
        if counts[FAILED]:
            raise CommandError(f"Done with failures: {summary}")
        if verbosity:
            self.stdout.write(self.style.SUCCESS(f"Done: {summary}"))

    def _report(self, verbosity: int):
        def report(index: int, of: int, outcome: LoadOutcome) -> None:
            if outcome.status == FAILED:
                self.stderr.write(self.style.ERROR(str(outcome)))
            elif outcome.status == "skipped" and verbosity:
                self.stdout.write(self.style.WARNING(str(outcome)))
            elif verbosity >= 2:
                self.stdout.write(str(outcome))
            if verbosity and of > PROGRESS_EVERY and index % PROGRESS_EVERY == 0:
                self.stdout.write(f"  {index}/{of} files")

        return report

"""python manage.py load_articles [PATH ...]: parse page-text dumps into the archive."""

from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.services.loading import FAILED, STATUSES, LoadOutcome, load_paths, source_files

# Long runs report progress every this many files.
PROGRESS_EVERY = 100


class Command(BaseCommand):
    help = (
        "Load raw page-text dumps (.txt files, or directories of them) into the archive. "
        "Re-running is safe: unchanged files are skipped and staff corrections are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths",
            nargs="*",
            help=f"files or directories (default: {settings.SEEDS_DIR})",
        )

    def handle(self, *args, **options):
        paths = options["paths"] or [settings.SEEDS_DIR]
        missing = [p for p in paths if not Path(p).exists()]
        if missing:
            raise CommandError(f"no such file or directory: {', '.join(map(str, missing))}")
        verbosity = options["verbosity"]
        total = len(source_files(paths))
        if verbosity:
            self.stdout.write(f"Loading {total} file(s)…")
        outcomes = load_paths(paths, on_outcome=self._report(verbosity, total))
        counts = Counter(outcome.status for outcome in outcomes)
        summary = ", ".join(f"{counts[status]} {status}" for status in STATUSES)
        if counts[FAILED]:
            raise CommandError(f"Done with failures: {summary}")
        if verbosity:
            self.stdout.write(self.style.SUCCESS(f"Done: {summary}"))

    def _report(self, verbosity: int, total: int):
        def report(index: int, _total: int, outcome: LoadOutcome) -> None:
            if outcome.status == FAILED:
                self.stderr.write(self.style.ERROR(str(outcome)))
            elif outcome.status == "skipped" and verbosity:
                self.stdout.write(self.style.WARNING(str(outcome)))
            elif verbosity >= 2:
                self.stdout.write(str(outcome))
            if verbosity and total > PROGRESS_EVERY and index % PROGRESS_EVERY == 0:
                self.stdout.write(f"  {index}/{total} files")

        return report

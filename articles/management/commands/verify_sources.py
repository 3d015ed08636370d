"""python manage.py verify_sources: re-hash every stored source version (a fixity check).

Each version's bytes are hashed again and compared with the SHA-256 and size stored
when they were loaded. Every mismatch is reported on one line; the command exits
non-zero when there is one.
"""

import hashlib

from django.core.management.base import BaseCommand, CommandError

from articles.models import SourceFile

# Versions are read from the database this many at a time.
CHUNK = 50


class Command(BaseCommand):
    help = "Re-hash every stored source version and report any whose bytes changed."

    def handle(self, *args, **options):
        checked, bad = 0, 0
        versions = SourceFile.objects.order_by("pk").values_list(
            "pk", "original_path", "sha256", "size", "content"
        )
        for pk, path, sha256, size, content in versions.iterator(chunk_size=CHUNK):
            checked += 1
            problem = mismatch(bytes(content), sha256, size)
            if problem:
                bad += 1
                self.stderr.write(self.style.ERROR(f"{path} (version {pk}): {problem}"))
        summary = f"{checked} source version(s) checked, {bad} mismatch(es)"
        if bad:
            raise CommandError(f"Fixity check failed: {summary}")
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"Fixity check passed: {summary}"))


def mismatch(content: bytes, sha256: str, size: int) -> str:
    """Why stored bytes do not match what was recorded of them, or "" when they do."""
    digest = hashlib.sha256(content).hexdigest()
    if digest != sha256:
        return f"bytes hash to {digest}, not the stored {sha256}"
    if len(content) != size:
        return f"{len(content):,} bytes, not the stored {size:,}"
    return ""

"""A digest of the code that works results out: the project's Python modules and
templates, and Django's version.

Results kept on disk (archivecache.memo's machine-wide store) outlive the processes
that kept them, and an archive's version does not change when new code is deployed:
keyed by this digest as well, what older code kept is never read by newer code, which
might render it differently or no longer know its shape.
"""

import functools
import hashlib
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings

_SOURCES = ("*.py", "*.html")


@functools.cache
def code_digest() -> str:
    """Worked out once per process (some 300 files: a few milliseconds)."""
    base = Path(settings.BASE_DIR).resolve()
    folders = [Path(config.path).resolve() for config in apps.get_app_configs()]
    for engine in settings.TEMPLATES:
        folders += [Path(folder).resolve() for folder in engine["DIRS"]]
    folders.append(base / "reviewarchive")
    digest = hashlib.sha256(django.get_version().encode())
    own = {f for f in folders if f.is_relative_to(base) and "site-packages" not in f.parts}
    for folder in sorted(own):
        for path in sorted(p for pattern in _SOURCES for p in folder.rglob(pattern)):
            digest.update(str(path.relative_to(base)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]

"""An outlet's chrome learned from the archive: lines that recur across its pages.

A line's fingerprint ignores case, spacing and typography, so the same menu or footer
line matches on every page of the outlet that prints it.
"""

from __future__ import annotations

import hashlib

from .names import normalise_name


def fingerprint(line: str) -> str:
    return hashlib.blake2b(normalise_name(line).encode(), digest_size=8).hexdigest()


def without_learned_chrome(lines: list[str], learned: frozenset[str]) -> list[str]:
    if not learned:
        return lines
    return [line for line in lines if fingerprint(line) not in learned]

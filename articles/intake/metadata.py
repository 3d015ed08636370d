"""Where a dump came from, as a person or the capture says: a sidecar, a header block, WARC.

A sidecar ``NAME.json`` beside ``NAME.txt`` (or ``NAME.html``) and a header block at
the top of a text (``URL:``, ``Captured:``, and optionally ``Outlet:``,
``Published:``, ``Title:``, one per line, ended by a blank line) are metadata given by
a person; a WARC record's ``WARC-Target-URI`` and ``WARC-Date`` are the capture's.
Bad metadata is a ``SourceError`` naming where it was and what is wrong.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from articles.parsing.dates import parse_date
from articles.parsing.fuzzydate import FuzzyDate
from articles.parsing.types import SourceError

FIELDS = ("url", "outlet", "published", "captured", "title")
SIDECAR_LIMIT = 64 * 1024
_HEADER_LINE = re.compile(r"^(url|outlet|published|captured|title):[ \t]*(.*?)\s*$", re.I)


@dataclass(frozen=True)
class SourceMetadata:
    """What is known of a source from outside its text; ``origin`` says who said so."""

    origin: str = ""
    url: str = ""
    outlet: str = ""
    published: FuzzyDate | None = None
    captured: datetime.datetime | None = None
    title: str = ""

    def to_json(self) -> dict:
        values = {k: v for k, v in asdict(self).items() if v}
        if self.published:
            values["published"] = self.published.edtf()
        if self.captured:
            values["captured"] = self.captured.isoformat()
        return values

    @classmethod
    def from_json(cls, values: dict) -> SourceMetadata:
        return read_fields(values, values.get("origin", ""))

    def over(self, other: SourceMetadata) -> SourceMetadata:
        """This metadata, with ``other``'s for the fields this one lacks."""
        filled = {f: getattr(other, f) for f in FIELDS if not getattr(self, f)}
        return replace(self, **filled) if filled else self


def read_fields(values: dict, origin: str) -> SourceMetadata:
    """Validated metadata from a dict of strings (a sidecar's, a header's)."""
    unknown = sorted(set(values) - {*FIELDS, "origin"})
    if unknown:
        raise SourceError(
            f"{origin}: unknown field {', '.join(unknown)} (known: {', '.join(FIELDS)})"
        )
    for name, value in values.items():
        if not isinstance(value, str):
            raise SourceError(f"{origin}: {name} must be text, not {type(value).__name__}")
    url = values.get("url", "").strip()
    if url and urlsplit(url).scheme not in ("http", "https"):
        raise SourceError(f"{origin}: url {url!r} is not an http(s) address")
    return SourceMetadata(
        origin=origin,
        url=url,
        outlet=values.get("outlet", "").strip(),
        published=_published(values.get("published", "").strip(), origin),
        captured=_captured(values.get("captured", "").strip(), origin),
        title=" ".join(values.get("title", "").split()),
    )


def sidecar_path(path: Path) -> Path:
    return path.with_name(f"{path.name.split('.', 1)[0]}.json")


def read_sidecar(path: Path) -> SourceMetadata | None:
    """The metadata of ``path``'s sidecar ``NAME.json``, or None when it has none."""
    sidecar = sidecar_path(path)
    if not sidecar.is_file():
        return None
    origin = f"sidecar {sidecar.name}"
    if sidecar.stat().st_size > SIDECAR_LIMIT:
        raise SourceError(f"{origin}: over {SIDECAR_LIMIT // 1024} KB, too big for metadata")
    try:
        values = json.loads(sidecar.read_bytes())
    except (OSError, ValueError) as error:
        raise SourceError(f"{origin}: not valid JSON ({error})") from None
    if not isinstance(values, dict):
        raise SourceError(f"{origin}: must be a JSON object of {', '.join(FIELDS)}")
    return read_fields(values, origin)


def split_header(text: str) -> tuple[SourceMetadata | None, str]:
    """A header block's metadata and the text after it, or (None, text) without one."""
    lines = text.lstrip("\n").split("\n")
    fields = {}
    for at, line in enumerate(lines):
        if not line.strip():
            if not fields:
                return None, text
            return read_fields(fields, "header block"), "\n".join(lines[at + 1 :])
        match = _HEADER_LINE.match(line)
        if match is None:
            return None, text
        fields[match[1].lower()] = match[2]
    return None, text


def _published(value: str, origin: str) -> FuzzyDate | None:
    if not value:
        return None
    try:
        return FuzzyDate.from_edtf(value)
    except (ValueError, TypeError):
        pass
    found = parse_date(value, allow_year=True)
    if found is None:
        raise SourceError(f"{origin}: published {value!r} is not a date")
    return found


def _captured(value: str, origin: str) -> datetime.datetime | None:
    if not value:
        return None
    try:
        moment = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise SourceError(
            f"{origin}: captured {value!r} is not an ISO 8601 time (e.g. 2021-05-20T09:30:00Z)"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)

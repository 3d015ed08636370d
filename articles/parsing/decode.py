"""From the raw bytes of a page-text dump to clean text, or a reason to refuse it.

A byte-order mark decides first (UTF-32 or UTF-16, either byte order, or UTF-8);
without one, UTF-8 is tried, then Windows-1252, then Latin-1 when the result
reads like text. Control characters other than tab, newline and the form feed (a
PDF's page break) are removed (one escape character in a title is enough to break an
XML feed). Typography is kept:
curly quotes stay curly, because the archive quotes the sources exactly.
"""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from dataclasses import dataclass

from .types import SourceError

logger = logging.getLogger(__name__)

MAX_SOURCE_BYTES = 5 * 1024 * 1024
# Share of characters that may be control characters in real text.
MAX_CONTROL_SHARE = 0.01

_LINE_BREAKS = re.compile(r"\r\n?|[\u0085\u2028\u2029]")
# Non-breaking and other fixed-width spaces become plain spaces.
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
# Zero-width characters, soft hyphens and stray byte-order marks carry nothing.
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
# C0 and C1 control characters other than tabs, line and page breaks: a share of
# them says "binary"; after line breaks are normalised, all but tab, newline and the
# form feed go (a form feed is a PDF's page break, which the layout stage reads).
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_STRAY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f]")
_FALLBACKS = (("cp1252", "Windows-1252"), ("latin-1", "Latin-1"))
# Longest mark first: the UTF-32 little-endian mark begins with the UTF-16 one.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


@dataclass(frozen=True)
class DecodedSource:
    text: str
    encoding: str  # as found: "UTF-8", "UTF-16", "Windows-1252", …


def decode_source(raw: bytes, name: str) -> str:
    """The text of a source file, with line endings and spaces normalised.

    Raises ``SourceError`` with a one-line reason for a file that is too big,
    empty, binary or not text in any of the accepted encodings. ``name`` is
    only used to log which fallback encoding a file needed.
    """
    return decode_with_encoding(raw, name).text


def decode_with_encoding(raw: bytes, name: str) -> DecodedSource:
    """``decode_source``, also saying which encoding the bytes were read in."""
    if len(raw) > MAX_SOURCE_BYTES:
        raise SourceError(
            f"file is {len(raw):,} bytes, over the {MAX_SOURCE_BYTES // (1024 * 1024)} MB limit"
        )
    if not raw.strip():
        raise SourceError("file is empty or only whitespace")
    text, encoding = _decode_marked(raw) or _decode_unmarked(raw, name)
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise SourceError("file is binary (too many control characters), not text")
    text = _STRAY_CONTROLS.sub("", normalise_text(text))
    if not text.strip():
        raise SourceError("file is empty or only whitespace")
    return DecodedSource(text, encoding)


def normalise_text(text: str) -> str:
    """Unix line endings, plain spaces, no invisible characters, composed accents."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _SPACES.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", text)


def _decode_marked(raw: bytes) -> tuple[str, str] | None:
    """Text and encoding of bytes that open with a byte-order mark, else None."""
    for mark, codec, label in _BYTE_ORDER_MARKS:
        if raw.startswith(mark):
            try:
                return raw.decode(codec).lstrip("\ufeff"), label
            except UnicodeDecodeError as error:
                raise SourceError(
                    f"file starts with a {label} byte-order mark but is not {label} text "
                    f"(bad bytes at offset {error.start:,})"
                ) from None
    return None


def _decode_unmarked(raw: bytes, name: str) -> tuple[str, str]:
    if b"\x00" in raw:
        raise SourceError("file is binary (it contains NUL bytes), not text")
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    for codec, label in _FALLBACKS:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if _control_share(text) <= MAX_CONTROL_SHARE:
            logger.info("%s is not UTF-8; read as %s", name, label)
            return text, label
    raise SourceError("file is not text in UTF-8, UTF-16, UTF-32, Windows-1252 or Latin-1")


def _control_share(text: str) -> float:
    return len(_CONTROLS.findall(text)) / len(text)

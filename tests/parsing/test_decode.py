import time

import pytest

from articles.parsing.decode import MAX_SOURCE_BYTES, decode_source, decode_with_encoding
from articles.parsing.types import SourceError

from .seeds import SEED_NAMES, seed_bytes


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seeds_decode_as_utf8_keeping_curly_quotes(name):
    text = decode_source(seed_bytes(name), name)
    assert "\r" not in text
    assert "’" in text


def test_utf8_with_byte_order_mark():
    assert decode_source("\ufeffCare review’s plans".encode(), "bom.txt") == "Care review’s plans"


def test_windows_1252_bytes_keep_their_typography():
    raw = "The review’s “big question” costs £250bn – and more…".encode("cp1252")
    assert (
        decode_source(raw, "cp1252.txt") == "The review’s “big question” costs £250bn – and more…"
    )


def test_latin_1_when_windows_1252_cannot_read_it():
    # 0x81 is undefined in Windows-1252; the rest is ordinary Latin-1 text.
    raw = "Café société à Paris ".encode("latin-1") * 50 + b"\x81"
    decoded = decode_with_encoding(raw, "latin1.txt")
    assert decoded.encoding == "Latin-1"
    assert decoded.text.startswith("Café société à Paris")
    # Latin-1 reads 0x81 as a C1 control character, which decoding removes.
    assert decoded.text.endswith("Paris ")


TEXT = "Care review’s “big question”: £250bn – Séan Patel\nSecond line"


@pytest.mark.parametrize(
    ("codec", "label"),
    [
        ("utf-16", "UTF-16"),
        ("utf-16-be", "UTF-16"),
        ("utf-32", "UTF-32"),
        ("utf-32-be", "UTF-32"),
        ("utf-8-sig", "UTF-8"),
    ],
)
def test_a_byte_order_mark_decides_the_encoding(codec, label):
    raw = TEXT.encode(codec)
    if codec.endswith("-be"):
        raw = "\ufeff".encode(codec) + raw
    decoded = decode_with_encoding(raw, "marked.txt")
    assert decoded == type(decoded)(TEXT, label)


def test_utf8_without_a_mark_says_so():
    assert decode_with_encoding(TEXT.encode(), "plain.txt").encoding == "UTF-8"


def test_a_broken_utf16_file_says_why_in_one_line():
    raw = TEXT.encode("utf-16")[:-1]
    with pytest.raises(SourceError, match="UTF-16 byte-order mark but is not UTF-16") as error:
        decode_source(raw, "broken.txt")
    assert "\n" not in str(error.value)


def test_control_characters_other_than_tab_newline_and_form_feed_are_removed():
    prose = "An ordinary paragraph of the article. " * 20
    raw = f"Title with an \x1b[31mescape\x07\nBody\tcell\x0bnext\x0c\x7f\x9b end\n{prose}".encode()
    text = decode_source(raw, "controls.txt")
    assert text == f"Title with an [31mescape\nBody\tcellnext\x0c end\n{prose}"


def test_line_endings_and_spaces_are_normalised():
    raw = "Title\r\nFirst line\rSecond\u00a0line\u200b here\u2028End".encode()
    assert decode_source(raw, "endings.txt") == "Title\nFirst line\nSecond line here\nEnd"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t\r\n  ", "empty"),
        ("\u00a0\ufeff\n".encode(), "empty"),
        (b"PK\x03\x04\x00\x00binary zip", "NUL bytes"),
        (bytes(range(1, 32)) * 20 + b"some text", "control characters"),
        (b"\x81\x8d\x8f\x90\x9d" * 10, "not text"),
    ],
)
def test_refused_inputs_say_why(raw, reason):
    with pytest.raises(SourceError, match=reason) as error:
        decode_source(raw, "bad.bin")
    assert "\n" not in str(error.value)


def test_a_20_mb_file_is_refused_quickly_naming_the_limit():
    raw = b"A line of text.\n" * (20 * 1024 * 1024 // 16)
    started = time.perf_counter()
    with pytest.raises(SourceError, match=f"{MAX_SOURCE_BYTES // (1024 * 1024)} MB limit"):
        decode_source(raw, "huge.txt")
    assert time.perf_counter() - started < 0.5


def test_a_file_just_under_the_limit_decodes_quickly():
    raw = b"A line of text.\n" * (MAX_SOURCE_BYTES // 16)
    started = time.perf_counter()
    assert len(decode_source(raw, "big.txt")) == len(raw)
    assert time.perf_counter() - started < 2

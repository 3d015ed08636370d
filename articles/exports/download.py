"""Streamed downloads: CSV with a byte-order mark, JSON framed around its records.

The CSV starts with a UTF-8 byte-order mark, without which Excel reads the file as
Windows-1252 ("Childrenâ€™s"); every other reader skips it. Cells that a
spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
return) get a leading apostrophe, the usual defence against formula injection;
JSON is left verbatim.
"""

import csv
import json
from collections.abc import Iterable, Iterator

from django.core.serializers.json import DjangoJSONEncoder
from django.http import StreamingHttpResponse

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_TYPE = "text/csv; charset=utf-8"
JSON_TYPE = "application/json; charset=utf-8"


def download(chunks: Iterable[str], content_type: str, filename: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(chunks, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _joined(items: list[dict]) -> str:
    """Names joined by "; "; quotes one per line, as "Speaker: text"."""
    if items and "text" in items[0]:
        return "\n".join(f"{item['speaker']}: {item['text']}" for item in items)
    return "; ".join(item["name"] for item in items)


def csv_cell(value) -> str:
    if value is None:
        return ""
    text = _joined(value) if isinstance(value, list) else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


class _Echo:
    """A file-like object whose ``write`` returns the line, for csv.writer to stream."""

    def write(self, value):
        return value


def csv_lines(fields: list[str], records: Iterable[dict]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield BOM + writer.writerow(fields)
    for record in records:
        yield writer.writerow([csv_cell(record[name]) for name in fields])


def to_json(value) -> str:
    return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)


def json_document(head: dict, key: str, records: Iterable[dict]) -> Iterator[str]:
    """``{**head, key: [records…]}``, streamed one record at a time."""
    opening = to_json(head)[:-1]
    yield opening + (", " if head else "") + to_json(key) + ": ["
    for index, record in enumerate(records):
        yield ("," if index else "") + "\n" + to_json(record)
    yield "\n]}\n"

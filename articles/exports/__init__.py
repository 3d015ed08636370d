"""Everything the archive hands out as a file.

- ``archive``: the whole archive as one JSON document (``manage.py export_archive``).
- ``download``: streamed responses, CSV and JSON framing shared by every list.
- ``article_rows`` and ``quote_rows``: a filtered list as plain records.
- ``citations``: the same article records as RIS, BibTeX and CSL-JSON.
"""

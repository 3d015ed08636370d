"""Pure parsing of raw page-text dumps into structured articles.

Nothing in this package imports Django: text goes in, dataclasses come out,
and every step is tested without a database.
"""

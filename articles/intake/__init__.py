"""Intake: finding source files on disk and reading them safely, before any parsing.

Pure Python, no Django: ``files.py`` walks the paths given and reads each file's
bytes after checking, by a stat, that it is a regular file within the size limit.
"""

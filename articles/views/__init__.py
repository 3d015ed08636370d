"""The public pages of the archive; each module serves one kind of page."""

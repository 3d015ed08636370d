"""The archive's version: one row whose stamp changes with every write to the archive."""

from django.db import models

ROW_ID = 1


class ArchiveVersion(models.Model):
    """Written only by database triggers (archivecache/triggers.py), read by the page cache.

    The stamp is random rather than a counter, so that a restored backup or a
    rolled-back write can never bring back a stamp that pages were cached under.
    """

    stamp = models.CharField(max_length=64)

    def __str__(self):
        return self.stamp

    @classmethod
    def current(cls) -> str | None:
        """The stamp, or None if the row is missing (then nothing may be cached)."""
        return cls.objects.filter(pk=ROW_ID).values_list("stamp", flat=True).first()

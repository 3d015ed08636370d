"""What the operations app keeps: the downloads each client is being served."""

from django.db import models


class ExportLease(models.Model):
    """One download for one client: running until ``finished`` is set (operations/export_limits.py).

    Not part of the archive: writing it changes no page (archivecache/triggers.py covers
    only the archive's apps). Finished rows are deleted after a minute, abandoned ones
    after an hour.
    """

    client = models.CharField(max_length=45)  # an IPv6 address is at most 45 characters
    started = models.DateTimeField()
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["client", "started"], name="exportlease_client_started"),
            models.Index(fields=["started"], name="exportlease_started"),
        ]

    def __str__(self):
        return f"{self.client} from {self.started:%H:%M:%S}"

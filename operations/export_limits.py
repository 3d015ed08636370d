"""Downloads (every ``?format=`` file) limited per client: so many at once, so many a minute.

Over either limit the answer is a 429 with a ``Retry-After`` header and a line saying
why; staff are never limited. The client is the address from operations/client.py
(through the trusted proxies). The count is kept in the database (``ExportLease``), so
every gunicorn worker sees every other's downloads.

A lease is written first and the client's leases counted after, each statement
committed on its own: of two requests racing for the last place, each sees the other,
so both may be refused (and retry) but the limit is never passed. A lease ends when the
response is closed (the last row sent, or the client gone); one left running by a
killed worker stops counting after ``ABANDONED_AFTER``.
"""

import datetime
import functools
import math
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Min, Q
from django.http import HttpResponse
from django.utils import timezone

from operations.client import client_address
from operations.models import ExportLease

WINDOW = datetime.timedelta(minutes=1)
ABANDONED_AFTER = datetime.timedelta(hours=1)
RETRY_WHEN_BUSY_S = 10  # how long a running download takes is unknown: a guess to retry after


@dataclass(frozen=True)
class Refusal:
    retry_after: int  # seconds
    reason: str


def acquire(client: str, now: datetime.datetime) -> ExportLease | Refusal:
    """A lease for a download by ``client``, or why not and when to try again."""
    ExportLease.objects.filter(
        Q(started__lt=now - ABANDONED_AFTER) | Q(started__lt=now - WINDOW, finished__isnull=False)
    ).delete()
    lease = ExportLease.objects.create(client=client, started=now)
    counted = ExportLease.objects.filter(client=client, started__gte=now - ABANDONED_AFTER)
    found = counted.aggregate(
        running=Count("pk", filter=Q(finished__isnull=True)),
        recent=Count("pk", filter=Q(started__gte=now - WINDOW)),
        oldest=Min("started", filter=Q(started__gte=now - WINDOW)),
    )
    at_once, per_minute = settings.ARCHIVE_EXPORTS_AT_ONCE, settings.ARCHIVE_EXPORTS_PER_MINUTE
    if per_minute and found["recent"] > per_minute:
        lease.delete()
        wait = (found["oldest"] + WINDOW - now).total_seconds()
        return Refusal(max(1, math.ceil(wait)), f"at most {per_minute} downloads a minute")
    if at_once and found["running"] > at_once:
        lease.delete()
        return Refusal(RETRY_WHEN_BUSY_S, f"at most {at_once} downloads at a time")
    return lease


def release(lease: ExportLease) -> None:
    ExportLease.objects.filter(pk=lease.pk).update(finished=timezone.now())


class _Leased:
    """The chunks of a streamed download; closing it (Django does, with the response)
    ends the lease, also when the client left before the first chunk."""

    def __init__(self, chunks, lease: ExportLease):
        self.chunks, self.lease, self.closed = chunks, lease, False

    def __iter__(self):
        yield from self.chunks

    def close(self):
        if not self.closed:
            self.closed = True
            release(self.lease)


def too_many(refusal: Refusal) -> HttpResponse:
    text = (
        f"Too many downloads from your address: {refusal.reason}. "
        f"Please try again in {refusal.retry_after} seconds.\n"
    )
    response = HttpResponse(text, status=429, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(refusal.retry_after)
    return response


def limited(download):
    """Decorate a function ``(request, …) -> StreamingHttpResponse`` with the limits."""

    @functools.wraps(download)
    def limited_download(request, *args, **kwargs):
        user = getattr(request, "user", None)
        if not (settings.ARCHIVE_EXPORTS_AT_ONCE or settings.ARCHIVE_EXPORTS_PER_MINUTE) or (
            user is not None and user.is_staff
        ):
            return download(request, *args, **kwargs)
        lease = acquire(client_address(request), timezone.now())
        if isinstance(lease, Refusal):
            return too_many(lease)
        try:
            response = download(request, *args, **kwargs)
        except BaseException:
            release(lease)
            raise
        if not response.streaming:
            release(lease)
            return response
        response.streaming_content = _Leased(response.streaming_content, lease)
        return response

    return limited_download

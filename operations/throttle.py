"""Two login throttles from django-axes' one failure limit.

Axes counts failures per lockout parameter (here username-and-address, and address
alone), takes the largest count and compares it with a single limit. An address's
count is never below the count of one username from it, so the limit given here
decides which throttle applies: the small per-username limit once this username has
used it up from this address, else the larger per-address limit across usernames.
One staff member's typos then lock only that username from that address, while an
address trying a password across many usernames is stopped too.
"""

from axes.attempts import get_cool_off_threshold
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


def username_failures(request, credentials) -> int:
    """Recent failures of this username from this address."""
    attempts = AccessAttempt.objects.filter(
        username=get_client_username(request, credentials),
        ip_address=request.axes_ip_address,
        attempt_time__gte=get_cool_off_threshold(request),
    )
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def login_failure_limit(request, credentials) -> int:
    """AXES_FAILURE_LIMIT for this attempt (see the module's docstring)."""
    per_username = settings.ARCHIVE_LOGIN_FAILURES_PER_USERNAME
    if username_failures(request, credentials) >= per_username:
        return per_username
    return settings.ARCHIVE_LOGIN_FAILURES_PER_ADDRESS

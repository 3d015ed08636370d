"""Optimistic concurrency: a form saved over a newer version of its record is refused.

A change form carries the ``version`` of the record it was opened on. When the
record has moved on since (a reload of its source, another editor's save), the
form is refused and told what changed, from the record's history, so nothing
anyone else wrote is overwritten by an older copy.
"""

from __future__ import annotations

from django.utils.text import Truncator

from .tracking import LoaderTracked

FORM_FIELD = "seen_version"
SHOWN_VALUE_CHARS = 60
ADVICE = (
    "Nothing was saved. Reload the page to see the current version, then make your change again."
)


def stale_message(record: LoaderTracked, seen_version: int | None) -> str:
    """Why a form opened on ``seen_version`` of ``record`` cannot be saved."""
    if seen_version is None:
        return f"This form does not say which version of “{record}” it was opened on. {ADVICE}"
    newer = list(
        record.history.filter(version__gt=seen_version)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    seen = record.history.filter(version=seen_version).order_by("-history_date").first()
    authors = ", ".join(dict.fromkeys(_author(h) for h in newer)) or "someone"
    changes = _changes(newer[-1], seen) if newer and seen else ""
    return (
        f"“{record}” was changed by {authors} after you opened this page (you opened version"
        f" {seen_version}; it is now version {record.version}){changes}. {ADVICE}"
    )


def _author(historical) -> str:
    if historical.history_user is not None:
        return historical.history_user.get_username()
    reason = historical.history_change_reason
    return f"“{reason}”" if reason else "an unrecorded change"


def _changes(latest, seen) -> str:
    delta = latest.diff_against(seen)
    if not delta.changes:
        return ""
    fields = {field.name: field for field in latest.instance_type._meta.concrete_fields}
    described = [
        f"{fields[c.field].verbose_name if c.field in fields else c.field}"
        f" (“{_short(c.old)}” → “{_short(c.new)}”)"
        for c in delta.changes
    ]
    return ": " + "; ".join(described)


def _short(value) -> str:
    return Truncator(str(value)).chars(SHOWN_VALUE_CHARS)

"""History rows for records just created in bulk, copied inside the database.

django-simple-history's ``bulk_history_create`` builds a Python model instance for
every historical row and inserts them through the ORM: about 100 µs a row, a third of
the loader's writing time (bench/load_bench.py). The row it builds holds the record's
tracked fields as just written, with a date, the type "+", the change reason and the
user. ``create_history`` writes the same rows with one ``INSERT ... SELECT`` from the
rows just inserted, so the values never pass through Python again.

Like ``bulk_history_create``, it sends no signals, honours ``SIMPLE_HISTORY_ENABLED``,
takes a row's own ``_change_reason`` and ``_history_user`` over the defaults, and gives
the others the user the request in progress names (HistoryRequestMiddleware), if any.
"""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.db import connection
from django.utils import timezone
from simple_history.utils import get_change_reason_from_object, get_history_model_for_model

# Ids a statement names at most: under SQLite's oldest limit on bound variables (999).
_IDS_PER_STATEMENT = 900


def create_history(model, rows, default_change_reason: str) -> None:
    """A "+" history row for each of ``rows`` (saved records of ``model``)."""
    if not rows or not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        return
    if any(row.pk is None for row in rows):  # the copy reads the rows by their ids
        raise ValueError(f"{model.__name__} rows without ids: their history would be lost")
    history = get_history_model_for_model(model)
    # The request's user, asked of a row that names no user of its own (asking one that
    # does would give its user to every other row).
    plain = next((row for row in rows if not hasattr(row, "_history_user")), None)
    default_user = history.get_default_history_user(plain) if plain is not None else None
    groups = defaultdict(list)
    for row in rows:
        user = getattr(row, "_history_user", default_user)
        reason = get_change_reason_from_object(row) or default_change_reason
        groups[(user.pk if user is not None else None, reason)].append(row.pk)
    date = history._meta.get_field("history_date").get_db_prep_value(timezone.now(), connection)
    statement = _copy_statement(model, history)
    with connection.cursor() as cursor:
        for (user_id, reason), ids in groups.items():
            for start in range(0, len(ids), _IDS_PER_STATEMENT):
                chunk = ids[start : start + _IDS_PER_STATEMENT]
                placeholders = ", ".join(["%s"] * len(chunk))
                cursor.execute(
                    statement.format(ids=placeholders), [date, reason, "+", user_id, *chunk]
                )


def _copy_statement(model, history) -> str:
    """INSERT ... SELECT of ``model``'s tracked columns into ``history``; ``{ids}`` is
    left for the ids' placeholders."""
    quote = connection.ops.quote_name
    fields = history.tracked_fields
    sources = [quote(field.column) for field in fields]
    targets = [quote(history._meta.get_field(field.name).column) for field in fields]
    targets += [
        quote(history._meta.get_field(name).column)
        for name in ("history_date", "history_change_reason", "history_type", "history_user")
    ]
    pk = quote(model._meta.pk.column)
    return (
        f"INSERT INTO {quote(history._meta.db_table)} ({', '.join(targets)}) "
        f"SELECT {', '.join(sources)}, %s, %s, %s, %s "
        f"FROM {quote(model._meta.db_table)} WHERE {pk} IN ({{ids}}) ORDER BY {pk}"
    )

"""A test database that the browser tests fill once and leave as they found it."""

from contextlib import contextmanager

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections


@contextmanager
def restored_afterwards():
    """Undo every write of the block, as Django's serialized rollback does.

    The live server's thread needs committed data (it has its own connection on
    PostgreSQL), so a wrapping transaction cannot undo the block. Instead the rows
    present before it (data migrations such as the staff groups included) are saved
    and put back into the emptied tables.
    """
    connection = connections[DEFAULT_DB_ALIAS]
    snapshot = connection.creation.serialize_db_to_string()
    try:
        yield
    finally:
        call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
        connection.creation.deserialize_db_from_string(snapshot)
        # The flush restarted PostgreSQL's sequences; the restored rows kept their keys.
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                cursor.execute(statement)

"""A test database that the browser tests fill once and leave as they found it."""

from contextlib import contextmanager

from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections


def is_test_database(alias: str = DEFAULT_DB_ALIAS) -> bool:
    """Whether pytest-django has switched ``alias`` to a test database."""
    settings = connections[alias].settings_dict
    return settings["NAME"] == connections[alias].creation._get_test_db_name()


@contextmanager
def restored_afterwards():
    """Undo every write of the block, as Django's serialized rollback does.

    The live server's thread needs committed data (it has its own connection on
    PostgreSQL), so a wrapping transaction cannot undo the block. Instead the rows
    present before it (data migrations such as the staff groups included) are saved
    and put back into the emptied tables.
    """
    creation = connections[DEFAULT_DB_ALIAS].creation
    snapshot = creation.serialize_db_to_string()
    try:
        yield
    finally:
        call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
        creation.deserialize_db_from_string(snapshot)

"""Database triggers that change the archive's version stamp on every write to the archive.

Every table of the archive's apps (articles, people, curation) gets them, except the
history tables that django-simple-history writes beside them. Being triggers, they
catch every kind of write: the admin's saves, deletes, merges and undos, the
loader's bulk inserts and updates, queryset ``update()``, ``bulk_create`` and plain
SQL. They are (re)installed after every ``migrate`` (archivecache/apps.py), so a new
model of these apps is covered without anyone remembering to, and a table that
SQLite rebuilt (dropping its triggers) gets them back.

SQLite: a row trigger per table and operation writes a new random stamp, inside the
writing transaction. SQLite has one writer at a time, so this costs no contention.

PostgreSQL: a deferred constraint trigger per table. It fires at commit, and only the
first event of a transaction writes the stamp (a transaction-local flag), so each
writing transaction updates the version row once, at its very end. Updating it on the
first write instead would hold the row's lock through the rest of the transaction,
and two writers (the loader and an editor) touching the same rows in opposite order
could deadlock on it. TRUNCATE, which the archive never uses, fires no row trigger.
"""

import secrets

from django.apps import apps

from archivecache.models import ArchiveVersion

ARCHIVE_APPS = ("articles", "people", "curation")
SQLITE_OPERATIONS = ("insert", "update", "delete")
PG_TRIGGER = "archivecache_bump"
PG_FUNCTION = "archivecache_bump"

_SQLITE_NEW_STAMP = (
    "INSERT INTO {version}(id, stamp) VALUES (1, lower(hex(randomblob(16))))"
    " ON CONFLICT(id) DO UPDATE SET stamp = excluded.stamp;"
)
_PG_FUNCTION_SQL = """
CREATE OR REPLACE FUNCTION {function}() RETURNS trigger AS $$
BEGIN
    IF current_setting('archivecache.bumped', true) = 'on' THEN
        RETURN NULL;
    END IF;
    PERFORM set_config('archivecache.bumped', 'on', true);
    INSERT INTO {version}(id, stamp) VALUES (1, md5(random()::text || clock_timestamp()::text))
    ON CONFLICT (id) DO UPDATE SET stamp = EXCLUDED.stamp;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
"""


def archive_tables() -> list[str]:
    """The tables whose writes change the public pages: every model of the archive's apps
    (including many-to-many tables), without the history tables."""
    tables = []
    for label in ARCHIVE_APPS:
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            historical = hasattr(model, "instance_type")  # simple_history's models
            if model._meta.managed and not model._meta.proxy and not historical:
                tables.append(model._meta.db_table)
    return sorted(tables)


def sqlite_trigger_name(table: str, operation: str) -> str:
    return f"archivecache_{table}_{operation}"


def installed(connection) -> set[str]:
    """The archive tables that have every trigger."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'")
            names = set(cursor.fetchall())
            return {
                table
                for table in archive_tables()
                if all((table, sqlite_trigger_name(table, op)) in names for op in SQLITE_OPERATIONS)
            }
        cursor.execute(
            "SELECT tgrelid::regclass::text FROM pg_trigger WHERE tgname = %s", [PG_TRIGGER]
        )
        return {table.strip('"') for (table,) in cursor.fetchall()}


def ensure_triggers(connection) -> list[str]:
    """Install the missing triggers; return the tables that lacked them.

    When any table lacked them, writes to it may have gone unnoticed: the stamp is
    changed once more, so that nothing cached before is served again.
    """
    present = set(connection.introspection.table_names())
    version = ArchiveVersion._meta.db_table
    if version not in present:
        return []
    missing = [t for t in archive_tables() if t in present and t not in installed(connection)]
    if not missing:
        return []
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(_PG_FUNCTION_SQL.format(function=PG_FUNCTION, version=quote(version)))
        for table in missing:
            for statement in _trigger_sql(connection, table, version):
                cursor.execute(statement)
    ArchiveVersion.objects.using(connection.alias).update_or_create(
        pk=1, defaults={"stamp": secrets.token_hex(16)}
    )
    return missing


def _trigger_sql(connection, table: str, version: str) -> list[str]:
    quote = connection.ops.quote_name
    if connection.vendor == "sqlite":
        body = _SQLITE_NEW_STAMP.format(version=quote(version))
        return [
            f"CREATE TRIGGER IF NOT EXISTS {sqlite_trigger_name(table, op)}"
            f" AFTER {op.upper()} ON {quote(table)} BEGIN {body} END"
            for op in SQLITE_OPERATIONS
        ]
    return [
        f"DROP TRIGGER IF EXISTS {PG_TRIGGER} ON {quote(table)}",
        f"CREATE CONSTRAINT TRIGGER {PG_TRIGGER} AFTER INSERT OR UPDATE OR DELETE"
        f" ON {quote(table)} DEFERRABLE INITIALLY DEFERRED"
        f" FOR EACH ROW EXECUTE FUNCTION {PG_FUNCTION}()",
    ]

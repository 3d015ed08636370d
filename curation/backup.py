"""Whole-database snapshots: every table (articles, source files, entities, corrections and
the loader's memory, rejections, merges, history, users and groups), taken consistently
while the site runs, and restored into an empty database.

- SQLite: the online backup API (``sqlite3.Connection.backup``) copies the live database
  page by page into FILE, itself a SQLite database, consistent even while others write.
- PostgreSQL: ``pg_dump --format=custom`` (one consistent snapshot, taken in a single
  transaction) writes FILE, and ``pg_restore`` reads it back in one transaction.

A backup restores only into the same kind of database it was taken from.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

from django.apps import apps
from django.db import connections

SQLITE_HEADER = b"SQLite format 3\x00"
PG_DUMP_HEADER = b"PGDMP"
# Rows in any of these mean the database holds an archive already.
CONTENT_MODELS = ("articles.Article", "people.Person", "people.Organisation", "auth.User")


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why, in one line."""


def backup(path: str | Path, using: str = "default") -> None:
    """Write a snapshot of the whole database to ``path`` (replaced only once complete)."""
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    connection = connections[using]
    try:
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            target = sqlite3.connect(partial)
            try:
                connection.connection.backup(target)
            finally:
                target.close()
        elif connection.vendor == "postgresql":
            _run(["pg_dump", "--format=custom", f"--file={partial}"], connection)
        else:
            raise BackupError(f"no backup method for a {connection.vendor} database")
        partial.replace(path)
    except (OSError, sqlite3.Error) as error:
        raise BackupError(f"cannot write {path}: {error}") from error
    finally:
        partial.unlink(missing_ok=True)


def restore(path: str | Path, using: str = "default") -> None:
    """Restore the snapshot in ``path`` into the database, which must hold no archive."""
    path = Path(path)
    connection = connections[using]
    expected = {"sqlite": SQLITE_HEADER, "postgresql": PG_DUMP_HEADER}.get(connection.vendor)
    if expected is None:
        raise BackupError(f"no restore method for a {connection.vendor} database")
    try:
        header = path.open("rb").read(len(SQLITE_HEADER))
    except OSError as error:
        raise BackupError(f"cannot read {path}: {error.strerror or error}") from error
    if not header.startswith(expected):
        raise BackupError(
            f"{path} is not a backup of a {connection.vendor} database (backup_archive writes"
            " one; a backup restores only into the kind of database it was taken from)"
        )
    held = _content(connection)
    if held:
        raise BackupError(
            f"the database is not empty ({held}): restore into an empty database, freshly"
            " created (and migrated, or not)"
        )
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            source.backup(connection.connection)
        except sqlite3.Error as error:
            raise BackupError(f"cannot restore {path}: {error}") from error
        finally:
            source.close()
    else:
        connection.close()
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--single-transaction",
                "--exit-on-error",
                str(path),
            ],
            connection,
        )


def _content(connection) -> str:
    """What archive the database holds already, as "3 articles, 1 user"; "" when none."""
    tables = set(connection.introspection.table_names())
    counts = []
    for label in CONTENT_MODELS:
        model = apps.get_model(label)
        if model._meta.db_table in tables and (n := model.objects.using(connection.alias).count()):
            counts.append(
                f"{n} {model._meta.verbose_name_plural if n > 1 else model._meta.verbose_name}"
            )
    return ", ".join(counts)


def _run(command: list[str], connection) -> None:
    """Run a PostgreSQL client program against the connection's database.

    The connection reaches it through libpq's environment variables, so a password
    never shows in the process list.
    """
    settings = connection.settings_dict
    options = settings.get("OPTIONS", {})
    env = {**os.environ, "PGDATABASE": settings["NAME"]}
    for variable, value in (
        ("PGHOST", settings.get("HOST") or options.get("host")),
        ("PGPORT", settings.get("PORT") or options.get("port")),
        ("PGUSER", settings.get("USER")),
        ("PGPASSWORD", settings.get("PASSWORD")),
        ("PGSSLMODE", options.get("sslmode")),
    ):
        if value:
            env[variable] = str(value)
    database = [] if command[0] == "pg_dump" else [f"--dbname={settings['NAME']}"]
    full = [command[0], "--no-owner", "--no-privileges", *database, *command[1:]]
    try:
        result = subprocess.run(full, env=env, capture_output=True, text=True, check=False)
    except OSError as error:
        raise BackupError(f"cannot run {command[0]}: {error.strerror or error}") from error
    if result.returncode != 0:
        detail = (result.stderr.strip().splitlines() or ["failed"])[-1]
        raise BackupError(f"{command[0]} failed: {detail.strip()}")

"""The SQLite full-text index of the articles: an external-content FTS5 table and its triggers.

The table (title, standfirst, body; Porter stemming over Unicode words, accents folded)
reads its text from ``articles_article``; three triggers keep it in step whatever
writes the row: the loader's bulk writes, the admin, a queryset update or plain SQL.
The update trigger fires only when one of the indexed columns is written.

Migration 0009 creates it. SQLite drops a table's triggers when Django's schema
editor rebuilds the table (as it does to alter or add some columns), so after every
``migrate`` the app puts back any trigger that is missing and then rebuilds the
index from the table (``ensure_triggers``, connected in articles/apps.py).
PostgreSQL has its own stored vector (migration 0003): nothing here runs there.
"""

TABLE = "articles_article_fts"
WEIGHTS = (10.0, 4.0, 1.0)  # bm25 weights: title, standfirst, body
BODY_COLUMN = 2

_DELETE_OLD = f"""
    INSERT INTO {TABLE}({TABLE}, rowid, title, standfirst, body)
    VALUES ('delete', old.id, old.title, old.standfirst, old.body);"""
_INSERT_NEW = f"""
    INSERT INTO {TABLE}(rowid, title, standfirst, body)
    VALUES (new.id, new.title, new.standfirst, new.body);"""

TRIGGERS = {
    f"{TABLE}_insert": f"AFTER INSERT ON articles_article BEGIN {_INSERT_NEW} END",
    f"{TABLE}_delete": f"AFTER DELETE ON articles_article BEGIN {_DELETE_OLD} END",
    f"{TABLE}_update": (
        "AFTER UPDATE OF id, title, standfirst, body ON articles_article"
        f" BEGIN {_DELETE_OLD} {_INSERT_NEW} END"
    ),
}


def _existing(cursor, kind: str) -> set[str]:
    cursor.execute("SELECT name FROM sqlite_master WHERE type = %s", [kind])
    return {name for (name,) in cursor.fetchall()}


def create_index(connection) -> None:
    """Create the table and its triggers and fill it from the existing articles."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE VIRTUAL TABLE {TABLE} USING fts5(title, standfirst, body,"
            " content='articles_article', content_rowid='id',"
            " tokenize='porter unicode61 remove_diacritics 2')"
        )
    ensure_triggers(connection)


def drop_index(connection) -> None:
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for name in TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")


def ensure_triggers(connection) -> bool:
    """Put back any missing trigger and rebuild the index; True if something was missing."""
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        if TABLE not in _existing(cursor, "table"):
            return False
        missing = TRIGGERS.keys() - _existing(cursor, "trigger")
        if not missing:
            return False
        for name in missing:
            cursor.execute(f"CREATE TRIGGER {name} {TRIGGERS[name]}")
        cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')")
    return True

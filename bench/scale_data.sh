#!/bin/sh
# The data of bench/scale_bench.py, kept outside the repository under $BENCHDATA
# (default /work/benchdata) so that it is generated once and measured many times.
#
#   bench/scale_data.sh generate   # cluster, 100k on PostgreSQL, 10k and 100k on SQLite
#   bench/scale_data.sh start      # start the PostgreSQL cluster (unix socket only)
#   bench/scale_data.sh stop
#   bench/scale_data.sh url NAME   # the DATABASE_URL of the cluster's database NAME
#
# The cluster: PostgreSQL 15 in $BENCHDATA/pg/data, run as the postgres user, listening
# on no TCP address, only on the socket $BENCHDATA/pgsock/.s.PGSQL.8150; fsync off (the
# data can be generated again). Its databases: archive_100k (for the "after" tree: its
# migrations are applied there), archive_before (for the "before" tree) and
# archive_pristine (never served: a template for fresh copies of either).
# SQLite: archive_10k.sqlite3 (for "after"), its copy archive_10k_before.sqlite3 and
# archive_100k.sqlite3 (Datasette's, with FTS5 on the articles). All from bench/_generate.py with its default seed.
set -eu

BENCHDATA=${BENCHDATA:-/work/benchdata}
BIN=/usr/lib/postgresql/15/bin
DATA=$BENCHDATA/pg/data
SOCKET=$BENCHDATA/pgsock
PORT=8150
HERE=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=$HERE/.venv/bin/python
DATASETTE_VENV=$BENCHDATA/datasette-venv

as_postgres() { runuser -u postgres -- "$@"; }
psql_admin() { as_postgres "$BIN/psql" -h "$SOCKET" -p "$PORT" -U postgres -qAt "$@"; }
url() { echo "postgres://postgres@/$1?host=$SOCKET&port=$PORT"; }

init() {
    test -d "$DATA" && return
    mkdir -p "$BENCHDATA/pg" "$SOCKET"
    chown postgres:postgres "$BENCHDATA/pg" "$SOCKET"
    as_postgres "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >>"$DATA/postgresql.conf" <<EOF
listen_addresses = ''
unix_socket_directories = '$SOCKET'
port = $PORT
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 1GB
work_mem = 16MB
maintenance_work_mem = 512MB
max_wal_size = 8GB
# A query whose client went away (a worker stopped after a wrk run) stops within 0.2 s.
client_connection_check_interval = 200ms
EOF
}

start() {
    init
    as_postgres "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1 ||
        as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$BENCHDATA/pg/server.log" -w start
}

stop() { as_postgres "$BIN/pg_ctl" -D "$DATA" -m fast -w stop; }

generate() {
    start
    psql_admin -c 'CREATE DATABASE archive_100k'
    "$PYTHON" "$HERE/bench/make_archive.py" --database-url "$(url archive_100k)" --articles 100000
    psql_admin -c 'CREATE DATABASE archive_before TEMPLATE archive_100k'
    psql_admin -c 'CREATE DATABASE archive_pristine TEMPLATE archive_100k'
    mkdir -p "$BENCHDATA/sqlite"
    for count in 10000 100000; do
        "$PYTHON" "$HERE/bench/make_archive.py" --articles "$count" \
            --database-url "sqlite:///$BENCHDATA/sqlite/archive_$((count / 1000))k.sqlite3"
    done
    sqlite_copy "$BENCHDATA/sqlite/archive_10k.sqlite3" "$BENCHDATA/sqlite/archive_10k_before.sqlite3"
    test -x "$DATASETTE_VENV/bin/datasette" || {
        python3 -m venv "$DATASETTE_VENV"
        "$DATASETTE_VENV/bin/pip" install --quiet datasette sqlite-utils
    }
    datasette_fts "$BENCHDATA/sqlite/archive_100k.sqlite3"
}

# A consistent copy of a SQLite database (its write-ahead log included).
sqlite_copy() {
    python3 -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).backup(sqlite3.connect(sys.argv[2]))' "$1" "$2"
}

# FTS5 on the articles for Datasette's ?_search=: the archive's own external-content table
# (articles_article_fts, kept by triggers, made by its SQLite migrations) when the tree has
# one, else sqlite-utils' equivalent. Then rollback journaling: Datasette reads one file.
datasette_fts() {
    sqlite_utils="$DATASETTE_VENV/bin/sqlite-utils"
    "$sqlite_utils" tables "$1" --fts5 | grep -q '"articles_article_fts"' ||
        "$sqlite_utils" enable-fts "$1" articles_article title standfirst body --fts5 --create-triggers
    "$sqlite_utils" "$1" 'PRAGMA journal_mode=DELETE' >/dev/null
}

case "${1:-}" in
start | stop | generate) "$1" ;;
url) url "${2:?url needs a database name}" ;;
*)
    echo "usage: $0 generate|start|stop|url NAME" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# Usage: scripts/with-postgres.sh COMMAND [ARG ...]
#
# Start a throwaway PostgreSQL cluster in a temporary directory, run COMMAND with
# DATABASE_URL pointing at it, then stop the cluster and delete it, also when COMMAND
# fails or the run is interrupted. Exits with COMMAND's exit status.
#
# The cluster listens on a unix socket only (no TCP port), trusts local connections and
# runs without fsync: it holds nothing worth keeping. PostgreSQL refuses to run as root,
# so as root the server runs as the "postgres" system user.
set -euo pipefail

if [[ $# -eq 0 ]]; then
    echo "usage: $0 COMMAND [ARG ...]" >&2
    exit 2
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if ! bindir="$("$here/postgres-bindir.sh")"; then
    cat >&2 <<'MSG'
error: no PostgreSQL server programs (initdb, pg_ctl, postgres) were found.
The test suite runs on PostgreSQL as well as SQLite and needs a local server to do so.
Install one, e.g. on Debian or Ubuntu:  sudo apt-get install postgresql
or point PG_BINDIR at the directory that holds initdb.
MSG
    exit 1
fi

# A short path under /tmp: unix socket paths are limited to about 100 characters.
workdir="$(mktemp -d /tmp/pg-test.XXXXXX)"
as_server_user=()
if [[ "$(id -u)" -eq 0 ]]; then
    as_server_user=(runuser -u postgres --)
    chown postgres: "$workdir"
fi
chmod 755 "$workdir"

datadir="$workdir/data"
socketdir="$workdir/socket"
logfile="$workdir/server.log"
"${as_server_user[@]}" mkdir -m 755 "$socketdir"

cleanup() {
    if [[ -f "$datadir/postmaster.pid" ]]; then
        "${as_server_user[@]}" "$bindir/pg_ctl" -D "$datadir" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$workdir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"${as_server_user[@]}" "$bindir/initdb" --pgdata="$datadir" --username=postgres \
    --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$workdir/initdb.log" 2>&1 || {
    cat "$workdir/initdb.log" >&2
    exit 1
}

server_options="-c listen_addresses='' -c unix_socket_directories='$socketdir'"
server_options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
"${as_server_user[@]}" "$bindir/pg_ctl" -D "$datadir" -l "$logfile" -o "$server_options" \
    -w -t 60 start >/dev/null || {
    echo "error: the throwaway PostgreSQL server did not start; its log:" >&2
    cat "$logfile" >&2
    exit 1
}

echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') running on $socketdir" >&2
status=0
DATABASE_URL="postgres://postgres@/postgres?host=$socketdir" "$@" || status=$?
exit "$status"

#!/usr/bin/env bash
# Print the directory holding the PostgreSQL server programs (initdb, pg_ctl, postgres).
# Looks at $PG_BINDIR, then `pg_config --bindir`, then /usr/lib/postgresql/*/bin (newest
# first), then PATH. Exits 1, printing nothing, when no server is installed.
set -euo pipefail

has_server() {
    [[ -x "$1/initdb" && -x "$1/pg_ctl" && -x "$1/postgres" ]]
}

candidates=()
[[ -n "${PG_BINDIR:-}" ]] && candidates+=("$PG_BINDIR")
if command -v pg_config >/dev/null 2>&1; then
    candidates+=("$(pg_config --bindir)")
fi
while IFS= read -r dir; do
    candidates+=("$dir")
done < <(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -rV)
if command -v initdb >/dev/null 2>&1; then
    candidates+=("$(dirname "$(command -v initdb)")")
fi

for dir in "${candidates[@]}"; do
    if has_server "$dir"; then
        echo "$dir"
        exit 0
    fi
done
exit 1

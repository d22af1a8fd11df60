#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 only, for the store and search test suites.
# Prints the connection URL on stdout. Usage: scripts/pg-test-cluster.sh [DIR] [PORT]
set -euo pipefail
dir=${1:-/tmp/tumen-pg}
port=${2:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
if [ ! -f "$dir/PG_VERSION" ]; then
  mkdir -p "$dir"
  chown postgres:postgres "$dir"
  su postgres -c "$bin/initdb -D '$dir' -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8" >/dev/null
fi
if ! su postgres -c "$bin/pg_ctl -D '$dir' status" >/dev/null 2>&1; then
  su postgres -c "$bin/pg_ctl -D '$dir' -l '$dir/server.log' -w -o \"-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='$dir' -c fsync=off -c max_connections=200\" start" >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$port/postgres"

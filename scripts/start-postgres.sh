#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 for the server test suite and prints
# its DATABASE_URL on stdout (everything else goes to stderr). Installs Debian's
# `postgresql` first when no server binaries are found (as root). Idempotent: a cluster
# already running on the port is reused.
#
#   export DATABASE_URL="$(bash scripts/start-postgres.sh)"
#   npx vitest run test/adapters/postgres
#
# Stop it with: bash scripts/start-postgres.sh --stop
# Settings: OTC_PG_PORT (default 54329), OTC_PG_DIR (default /tmp/order-to-cash-pg).
set -euo pipefail

PORT="${OTC_PG_PORT:-54329}"
DIR="${OTC_PG_DIR:-/tmp/order-to-cash-pg}"

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

BIN="$(find_bin)"
if [ -z "$BIN" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "PostgreSQL server binaries not found: install Debian's postgresql (apt-get install -y postgresql)" >&2
    exit 1
  fi
  echo "installing Debian's postgresql" >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } >&2
  BIN="$(find_bin)"
fi

# initdb and postgres refuse to run as root: run them as the postgres user then.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ "${1:-}" = "--stop" ]; then
  as_owner "$BIN/pg_ctl" -D "$DIR" -m fast stop >&2 || true
  exit 0
fi

if [ ! -f "$DIR/PG_VERSION" ]; then
  mkdir -p "$DIR"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$DIR"; fi
  chmod 700 "$DIR"
  as_owner "$BIN/initdb" -D "$DIR" -U postgres --auth=trust -E UTF8 --no-sync >&2
fi

if ! "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  # Test cluster: durability off (fsync, synchronous_commit) for speed; data is throwaway.
  as_owner "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -c unix_socket_directories=$DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >&2
fi

echo "postgres://postgres@127.0.0.1:$PORT/postgres"

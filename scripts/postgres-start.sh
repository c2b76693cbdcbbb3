#!/usr/bin/env bash
# Start a private PostgreSQL cluster for the test suite: data in $1, listening on 127.0.0.1:$2,
# with a superuser role "openimr" (password "openimr") that may create the test database.
# Idempotent: an already running cluster is left as it is.
set -euo pipefail
data="$1"
port="$2"
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
run_as=()
if [ "$(id -u)" = 0 ]; then run_as=(runuser -u postgres --); fi

if "${run_as[@]}" "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  exit 0
fi
mkdir -p "$data"
if [ "$(id -u)" = 0 ]; then chown postgres "$data"; fi
if [ ! -f "$data/PG_VERSION" ]; then
  "${run_as[@]}" "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
fi
"${run_as[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w \
  -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
"${run_as[@]}" "$bin/psql" -h /tmp -p "$port" -U postgres -q -v ON_ERROR_STOP=1 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'openimr') THEN
    CREATE ROLE openimr LOGIN SUPERUSER PASSWORD 'openimr';
  END IF;
END \$\$;
SELECT 'CREATE DATABASE openimr OWNER openimr' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'openimr')\gexec
SQL
echo "PostgreSQL running on 127.0.0.1:$port (data in $data)"

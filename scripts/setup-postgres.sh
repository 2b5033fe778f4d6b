#!/usr/bin/env bash
# Makes a local PostgreSQL ready for the store tests and prints its URL.
#
# Installs Debian's postgresql when missing, starts the cluster without
# systemd (pg_ctlcluster works as root in a container) and creates the test
# role and database idempotently; safe to run again. Run as root (or a user
# with sudo) on Debian 12:
#   export FA_TEST_PG_URL="$(bash scripts/setup-postgres.sh | tail -n 1)"
# Settings: FA_PG_ROLE, FA_PG_PASSWORD, FA_PG_DB, FA_PG_VERSION, FA_PG_CLUSTER.
set -euo pipefail

role="${FA_PG_ROLE:-fa_test}"
password="${FA_PG_PASSWORD:-fa_test}"
db="${FA_PG_DB:-fa_test}"
cluster="${FA_PG_CLUSTER:-main}"

log() { echo "setup-postgres: $*" >&2; }
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  log "installing postgresql from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq >&2
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends postgresql >&2
fi

version="${FA_PG_VERSION:-$(ls /usr/lib/postgresql | sort -V | tail -n 1)}"
if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c' | grep -q .; then
  log "creating cluster $version/$cluster"
  "${as_root[@]}" pg_createcluster "$version" "$cluster" >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c && $4 == "online"' | grep -q .; then
  log "starting cluster $version/$cluster"
  "${as_root[@]}" pg_ctlcluster "$version" "$cluster" start >&2
fi
port="$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c {print $3}')"

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else (cd / && sudo -u postgres "$@"); fi
}
psql_admin() { as_postgres psql -p "$port" -v ON_ERROR_STOP=1 -qtAX "$@"; }

# Wait until the server accepts connections (start returns before that on slow machines).
for i in $(seq 1 30); do
  psql_admin -c 'SELECT 1' >/dev/null 2>&1 && break
  [ "$i" -lt 30 ] || { log "the server on port $port does not answer"; exit 1; }
  sleep 1
done

if [ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" != "1" ]; then
  log "creating role $role"
  psql_admin -c "CREATE ROLE \"$role\" LOGIN PASSWORD '$password'"
else
  psql_admin -c "ALTER ROLE \"$role\" LOGIN PASSWORD '$password'"
fi
if [ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != "1" ]; then
  log "creating database $db"
  psql_admin -c "CREATE DATABASE \"$db\" OWNER \"$role\""
fi

echo "postgresql://$role:$password@127.0.0.1:$port/$db"

#!/usr/bin/env bash
# Installs PostgreSQL from Debian when missing, starts it on 127.0.0.1:5432 and creates the role and database the
# outbox integration tests use (integration-tests/outbox-postgresql). Safe to run again: every step checks first.
set -euo pipefail
. "$(dirname "$0")/debian.sh"

PG_USER="${AIRLOCK_PG_USER:-airlock}"
PG_PASSWORD="${AIRLOCK_PG_PASSWORD:-airlock}"
PG_DATABASE="${AIRLOCK_PG_DATABASE:-airlock}"

as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi
}

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    echo "Installing PostgreSQL from Debian packages"
    apt_install postgresql
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
    as_root pg_createcluster "$version" main
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
    as_root pg_ctlcluster "$version" main start
fi

for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p 5432 && break
    sleep 1
done
pg_isready -h 127.0.0.1 -p 5432

if ! as_postgres "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER'\"" | grep -q 1; then
    as_postgres "psql -q -c \"CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD'\""
fi
if ! as_postgres "psql -tAc \"SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'\"" | grep -q 1; then
    as_postgres "psql -q -c \"CREATE DATABASE $PG_DATABASE OWNER $PG_USER\""
fi
echo "PostgreSQL $version ready on 127.0.0.1:5432 (database $PG_DATABASE, user $PG_USER)"

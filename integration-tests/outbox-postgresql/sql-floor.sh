#!/usr/bin/env bash
# What PostgreSQL alone sustains on this machine doing the least SQL a claim-and-delete outbox needs per intent, with no
# application at all: pgbench runs one writer committing 100 intents per transaction and, at the same time, relay
# clients that claim due rows in groups and delete each group in one statement. Nothing runs a handler, keeps a lease
# or writes an outcome per row: it is an upper bound for any outbox on the same database and machine, Airlock's
# included, against which OutboxBenchmark's end-to-end rate can be read.
#
#   integration-tests/outbox-postgresql/sql-floor.sh              groups of 100, 64 and 16, two relay clients, 3 x 20 s
#   GROUP_SIZES="100" RELAYS=2 SECONDS_EACH=20 REPEATS=3 sql-floor.sh
#
# Prints, per run, intents committed per second and intents relayed (committed and deleted) per second; the table,
# airlock_floor, is dropped at the end.
set -euo pipefail
cd "$(dirname "$0")"
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    ../../.ci/services/postgresql.sh
fi
pgbench=$(ls /usr/lib/postgresql/*/bin/pgbench | sort -V | tail -n 1)
export PGHOST=127.0.0.1 PGUSER="${AIRLOCK_PG_USER:-airlock}" PGPASSWORD="${AIRLOCK_PG_PASSWORD:-airlock}"
export PGDATABASE="${AIRLOCK_PG_DATABASE:-airlock}" PGOPTIONS="-c client_min_messages=warning"
groups=${GROUP_SIZES:-100 64 16}
relays=${RELAYS:-2}
seconds=${SECONDS_EACH:-20}
repeats=${REPEATS:-3}

sql() { psql -q -v ON_ERROR_STOP=1 -tA "$@"; }
# the columns and the due index of the shipped migration, V1_0_0__airlock_outbox.sql, plus the relay's owner column
sql -c "DROP TABLE IF EXISTS airlock_floor" \
    -c "CREATE TABLE airlock_floor (id UUID PRIMARY KEY, task VARCHAR(255) NOT NULL, args TEXT NOT NULL,
            options TEXT NOT NULL, origin VARCHAR(1000), attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL, status VARCHAR(16) NOT NULL, last_error TEXT,
            created_at TIMESTAMP WITH TIME ZONE NOT NULL, owner VARCHAR(255))" \
    -c "CREATE INDEX airlock_floor_due ON airlock_floor (status, next_attempt_at)" \
    -c "CREATE INDEX airlock_floor_owner ON airlock_floor (owner)"
out=$(mktemp -d)
trap 'sql -c "DROP TABLE IF EXISTS airlock_floor" || true; rm -rf "$out"' EXIT

echo "PostgreSQL $(sql -c 'SHOW server_version'), $(nproc) cores, $relays relay client(s), ${seconds} s per run"
printf '%-6s %-4s %14s %14s %10s\n' group run committed/s relayed/s "cpu idle %"
for group in $groups; do
    # run 0 warms PostgreSQL up and is not reported: a first run measured a quarter of the next ones
    for run in $(seq 0 "$repeats"); do
        sql -c "TRUNCATE airlock_floor" -c "VACUUM ANALYZE airlock_floor"
        before=$(awk '/^cpu /{print $5, $2+$3+$4+$5+$6+$7+$8}' /proc/stat)
        "$pgbench" -n -f sql-floor/relay.sql -D group="$group" -c "$relays" -j "$relays" -T "$seconds" >"$out/relay" 2>&1 &
        relay=$!
        "$pgbench" -n -f sql-floor/writer.sql -c 1 -T "$seconds" >"$out/writer" 2>&1 || { cat "$out/writer"; exit 1; }
        wait "$relay" || { cat "$out/relay"; exit 1; }
        after=$(awk '/^cpu /{print $5, $2+$3+$4+$5+$6+$7+$8}' /proc/stat)
        written=$(( $(awk '/actually processed/{print $NF}' "$out/writer") * 100 ))
        left=$(sql -c "SELECT count(*) FROM airlock_floor")
        idle=$(echo "$before $after" | awk '{printf "%.0f", 100 * ($3 - $1) / ($4 - $2)}')
        [ "$run" -gt 0 ] || continue
        echo "$group $run $written $left $seconds $idle" \
            | awk '{printf "%-6s %-4s %14.0f %14.0f %10s\n", $1, $2, $3 / $5, ($3 - $4) / $5, $6}'
    done
done

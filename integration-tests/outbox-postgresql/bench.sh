#!/usr/bin/env bash
# The outbox benchmark on PostgreSQL (throughput with one and two relays; relay cost with and without a backlog), then,
# in the same Maven run on the same database, a peer outbox doing the same work (integration-tests/outbox-peer), then
# what the database alone sustains for the least SQL such an outbox needs (sql-floor.sh).
# Prints Airlock's table, then both side by side with how far Airlock is ahead; writes into target/outbox-bench Airlock's
# results.{json,csv} and claim query plans, the peer's transaction-outbox.json and side-by-side.{txt,csv}.
#
#   integration-tests/outbox-postgresql/bench.sh [maven arguments, e.g. -o -Dmaven.repo.local=...]
#
# Sizes: -Dbench.intents=20000 -Dbench.per-transaction=100 -Dbench.backlog=1000000 -Dbench.batch=5000
#        -Dbench.repeats=5 (both benchmarks); -Dbench.peer-threads=16 (the peer's executor),
#        -Dbench.peer-synchronous-commit=on (off: the peer's commits do not wait for the disk, its intents' neither)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    .ci/services/postgresql.sh
fi
./mvnw -B -Poutbox-postgresql -pl integration-tests/outbox-postgresql,integration-tests/outbox-peer -am test \
    -Dtest=OutboxBenchmark,PeerOutboxBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dquarkus.log.level=WARN \
    -Dbench.out="$root/integration-tests/outbox-postgresql/target/outbox-bench" "$@"
# the same database with no application: the most any outbox could relay here (see sql-floor.sh)
integration-tests/outbox-postgresql/sql-floor.sh | tee "$root/integration-tests/outbox-postgresql/target/outbox-bench/sql-floor.txt"

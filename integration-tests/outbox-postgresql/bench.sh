#!/usr/bin/env bash
# The outbox benchmark on PostgreSQL (throughput with one and two relays; relay cost with and without a backlog).
# Prints a table and writes target/outbox-bench/results.{json,csv} and the claim query's plans.
#
#   integration-tests/outbox-postgresql/bench.sh [maven arguments, e.g. -o -Dmaven.repo.local=...]
#
# Sizes: -Dbench.intents=20000 -Dbench.per-transaction=100 -Dbench.backlog=1000000 -Dbench.batch=5000
#        -Dbench.repeats=5
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    .ci/services/postgresql.sh
fi
exec ./mvnw -B -Poutbox-postgresql -pl integration-tests/outbox-postgresql -am test \
    -Dtest=OutboxBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dquarkus.log.level=WARN "$@"

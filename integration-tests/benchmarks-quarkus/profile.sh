#!/usr/bin/env bash
# Where the time of one TransactionBenchmark goes: async-profiler (fetched from Maven Central on first use) samples the
# benchmark's thread while JMH runs it inside the packaged application, and profile-tree.py prints the calls under the
# benchmark method as a tree, each with its share of the samples. Inlined frames are kept (-XX:+DebugNonSafepoints),
# unlike JFR's default sampling.
#
#   ./profile.sh                  airlock10; build first with ./jta.sh (or ../../mvnw package -DskipTests)
#   ./profile.sh bareCommit 4 2   another benchmark, the tree's depth (5) and its threshold in percent (1)
#   EVENT=itimer ./profile.sh     where perf events are not allowed (cpu by default)
#
# The stacks stay in target/profile-<benchmark>.collapsed (one line per stack, for flame graph tools).
set -euo pipefail
cd "$(dirname "$0")"
. ../../.ci/jdk.sh

benchmark=${1:-airlock10}
. ./async-profiler.sh
if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
    echo "no target/quarkus-app: build it first (./jta.sh, or ../../mvnw package -DskipTests)" >&2
    exit 2
fi

stacks=target/profile-$benchmark.collapsed
rm -f "$stacks"
"$JAVA_HOME/bin/java" -Xms1g -Xmx1g -XX:+AlwaysPreTouch -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints \
    -agentpath:"$library=start,event=${EVENT:-cpu},interval=200us,file=$PWD/$stacks,collapsed" \
    -Dquarkus.http.port=0 -jar target/quarkus-app/quarkus-run.jar \
    jmh "TransactionBenchmark.$benchmark\$" -wi 3 -w 1s -i 10 -r 1s
python3 profile-tree.py "$stacks" "TransactionBenchmark.$benchmark" "${2:-5}" "${3:-1}"

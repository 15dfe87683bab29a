#!/usr/bin/env bash
# The JTA comparison of the performance page: a bare commit, commits whose side effects wait in CDI AFTER_SUCCESS
# observers, and commits whose side effects wait in an Airlock scope, run by JMH inside the started application.
#
#   ./jta.sh                      build, then 5 warm-up and 10 measurement iterations of 1 s per benchmark
#   ./jta.sh -i 10                any JMH option; they come after the defaults
#   SKIP_BUILD=1 ./jta.sh         reuse target/quarkus-app
#   RUNS=1 ./jta.sh               one JVM instead of three
#
# JMH cannot fork here (a forked JVM would not be a Quarkus application): every benchmark shares one JVM, and on a
# shared machine one JVM can run a quarter slower than the next. So the suite runs in RUNS JVMs (3 by default), one
# after the other, and the goals of the performance page are printed for each and for the median of the runs
# (jta-goals.py). Results in target/jta-result-N.json; the chart, from the first run, goes to
# target/benchmarks-jta.png unless CHART says where (python3-matplotlib).
set -euo pipefail
cd "$(dirname "$0")"
. ../../.ci/jdk.sh

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    (cd ../.. && ./mvnw -B -ntp -q install -DskipTests -pl runtime,deployment -am)
    ../../mvnw -B -ntp -q package -DskipTests
fi

runs=${RUNS:-3}
rm -f target/jta-result*.json
results=()
for run in $(seq "$runs"); do
    echo "run $run of $runs: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    result=target/jta-result-$run.json
    results+=("$result")
    # port 0: the benchmark needs no HTTP, and must not collide with an application running beside it
    "$JAVA_HOME/bin/java" -Xms1g -Xmx1g -XX:+AlwaysPreTouch -Dquarkus.http.port=0 \
        -jar target/quarkus-app/quarkus-run.jar \
        jmh TransactionBenchmark -wi 5 -w 1s -i 10 -r 1s -prof gc -rf json -rff "$result" "$@"
done

for python in python3 /usr/bin/python3; do
    if command -v "$python" >/dev/null; then
        "$python" jta-goals.py "${results[@]}"
        break
    fi
done

chart=${CHART:-target/benchmarks-jta.png}
for python in python3 /usr/bin/python3; do
    if command -v "$python" >/dev/null && "$python" -c 'import matplotlib' 2>/dev/null; then
        CHART_TITLE="A JTA commit with side effects: Airlock and CDI AFTER_SUCCESS observers" \
            "$python" ../benchmarks/chart.py "${results[0]}" "$chart"
        exit 0
    fi
done
echo "python3-matplotlib is not installed (apt-get install -y python3-matplotlib): no chart drawn"

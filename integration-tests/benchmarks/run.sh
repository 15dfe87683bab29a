#!/usr/bin/env bash
# Runs the JMH suite and draws the chart of the performance page (docs/modules/ROOT/pages/performance.adoc).
#
#   ./run.sh                      build, then a full run (10 benchmarks, about 2 minutes)
#   ./run.sh -i 10 -prof jfr      any JMH option; -f, -wi, -w, -i, -r and -rff given here replace the defaults
#   ./run.sh Enqueue              a benchmark name pattern, as for JMH itself
#   SKIP_BUILD=1 ./run.sh ...     reuse target/benchmarks.jar as it is
#   CHART=/tmp/c.png ./run.sh ... draw the chart elsewhere than target/benchmarks.png
#
# Defaults: 1 fork, 3 warm-up iterations of 1 s, 5 measurement iterations of 1 s, the gc profiler (B/op), JSON results
# in target/jmh-result.json. The chart needs python3 with matplotlib (apt-get install -y python3-matplotlib).
set -euo pipefail
cd "$(dirname "$0")"
. ../../.ci/jdk.sh

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    # the runtime jar (and the parent pom it refers to) into the local repository, then the shaded benchmark jar
    (cd ../.. && ./mvnw -B -ntp -q install -DskipTests -pl runtime,deployment -am)
    # clean: the benchmarks must be compiled against the runtime just installed (an overload may change a call site)
    ../../mvnw -B -ntp -q clean package -DskipTests
fi

has_option() {
    local wanted="$1" arg
    shift
    for arg in "$@"; do
        [ "$arg" = "$wanted" ] && return 0
    done
    return 1
}

defaults=()
has_option -f "$@" || defaults+=(-f 1)
has_option -wi "$@" || defaults+=(-wi 3)
has_option -w "$@" || defaults+=(-w 1s)
has_option -i "$@" || defaults+=(-i 5)
has_option -r "$@" || defaults+=(-r 1s)
has_option -rf "$@" || defaults+=(-rf json)
result=target/jmh-result.json
if has_option -rff "$@"; then
    args=("$@")
    for i in "${!args[@]}"; do
        [ "${args[$i]}" = -rff ] && result="${args[$((i + 1))]}"
    done
else
    defaults+=(-rff "$result")
fi
# the gc profiler gives B/op; other profilers (-prof jfr, -prof stack) come in addition to it
has_option gc "$@" || defaults+=(-prof gc)

echo "$(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$result"
"$JAVA_HOME/bin/java" -jar target/benchmarks.jar "${defaults[@]}" "$@"
if [ ! -s "$result" ]; then
    echo "no results in $result: no chart drawn"
    exit 0
fi

# into target/ by default: the page's charts belong to the runs its sections describe, so a new run replaces none
chart=${CHART:-target/benchmarks.png}
for python in python3 /usr/bin/python3; do
    if command -v "$python" >/dev/null && "$python" -c 'import matplotlib' 2>/dev/null; then
        mkdir -p "$(dirname "$chart")"
        "$python" chart.py "$result" "$chart"
        exit 0
    fi
done
echo "python3-matplotlib is not installed (apt-get install -y python3-matplotlib): no chart drawn"

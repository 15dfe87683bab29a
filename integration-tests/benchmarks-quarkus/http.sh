#!/usr/bin/env bash
# HTTP load comparison for the performance page: the same endpoint without Airlock, under @AirlockScope, and with
# quarkus.airlock.http.auto-scope, measured with wrk on 127.0.0.1 in one run, in many short rounds that shuffle the
# variants, so that each is compared with the endpoint without Airlock measured a second or two before or after it.
#
#   ./http.sh                     build both applications, then 120 rounds of 1 s per variant (about 20 minutes)
#   ROUNDS=200 ./http.sh          a narrower confidence interval, at the cost of time
#   RESTART_EVERY=40 ./http.sh    start the servers afresh every 40 rounds (30 by default)
#   WARMUP=5s ./http.sh           how long each variant warms up after a start (10 s by default)
#   SETTLE=4 ./http.sh            rounds left unrecorded after each start's warm-up (8 by default)
#   VARIANTS=all ./http.sh        also the endpoints with an empty scope
#   VARIANTS='^(no Airlock|auto-scope, 1 intent)$' ./http.sh   only the variants matching (the baseline included)
#   SKIP_BUILD=1 ./http.sh        reuse the applications built before
#
# The throughput of this kind of virtual machine swings by 10 % and more from one second to the next, with no change
# on the server. Two controls measure what such a run can tell apart: the same endpoint again in the same JVM, and in
# a second JVM of the same build (the auto-scope variants run in a JVM of their own). http-verdict.py prints, per
# variant, the median of its per-round ratios to no Airlock with a bootstrap 95 % confidence interval, and judges the
# 3 % goal of the endpoints with an intent only where the interval lies on one side of it. How a JVM happens to compile
# the code moves a variant by a percent or two from one start to the next, more than one start's rounds can average
# out: the servers start afresh every RESTART_EVERY rounds, and the interval draws from those starts.
#
# Needs wrk (apt-get install -y wrk). On a 2-core machine the servers are pinned to one core and wrk to the other, so
# that they do not take turns on the same core. Besides requests/s, each round records the CPU time the serving JVM
# used per request (from /proc): when it is the inverse of the throughput, the server's core was saturated and the
# comparison is one of CPU cost. Results: target/http-results.txt, each round in target/http-raw.txt.
set -euo pipefail
cd "$(dirname "$0")"
. ../../.ci/jdk.sh
if ! command -v wrk >/dev/null; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null || true
    fi
    command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
fi

ROUNDS=${ROUNDS:-120}
RESTART_EVERY=${RESTART_EVERY:-30}
WARMUP=${WARMUP:-10s}
SETTLE=${SETTLE:-8}
DURATION=${DURATION:-1s}
CONNECTIONS=${CONNECTIONS:-32}

. ./http-apps.sh
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    build_http_apps
fi

pids=()
stop_servers() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    pids=()
    server_of=()
}
trap stop_servers EXIT

declare -A server_of
start() { # app-dir port
    taskset -c "$server_cpu" "$JAVA_HOME/bin/java" -Xms512m -Xmx512m -XX:+AlwaysPreTouch -Dquarkus.http.port="$2" \
        -jar "$1/quarkus-run.jar" >"target/server-$2.log" 2>&1 &
    pids+=($!)
    server_of[$2]=$!
    for _ in $(seq 1 120); do
        curl -fs "http://127.0.0.1:$2/bench/plain" >/dev/null 2>&1 && return 0
        sleep 0.5
    done
    echo "the application on port $2 did not start; see target/server-$2.log" >&2
    exit 1
}
variants=(
    "no Airlock|http://127.0.0.1:18081/bench/plain"
    "no Airlock, again|http://127.0.0.1:18081/bench/plain"
    "no Airlock, another JVM|http://127.0.0.1:18083/bench/plain"
    "no Airlock, auto-scope's JVM|http://127.0.0.1:18082/bench/unscoped/plain"
    "@AirlockScope, no intent|http://127.0.0.1:18081/bench/scoped-empty"
    "@AirlockScope, 1 intent|http://127.0.0.1:18081/bench/scoped"
    "auto-scope, no intent|http://127.0.0.1:18082/bench/plain"
    "auto-scope, 1 intent|http://127.0.0.1:18082/bench/auto"
)

# by default the baseline, its two controls and the two goals; VARIANTS=all adds the endpoints with an empty scope
VARIANTS=${VARIANTS:-'^(no Airlock.*|.*, 1 intent)$'}
[ "$VARIANTS" != all ] || VARIANTS='.'
chosen=()
for variant in "${variants[@]}"; do
    [[ "${variant%%|*}" =~ $VARIANTS ]] && chosen+=("$variant")
done
variants=("${chosen[@]}")
[[ "${variants[0]:-}" == "no Airlock|"* ]] || { echo "VARIANTS must match 'no Airlock', the baseline" >&2; exit 2; }

# the application as it is on 18081 and, for the control across JVMs, 18083; with the auto-scope on 18082
declare -A app_on=([18081]=target/quarkus-app [18082]=target/auto-scope-app [18083]=target/quarkus-app)
start_servers() { # each JVM the chosen variants need, warmed up
    for variant in "${variants[@]}"; do
        port=${variant#*|http://127.0.0.1:}
        port=${port%%/*}
        [ -n "${server_of[$port]:-}" ] || start "${app_on[$port]}" "$port"
    done
    for variant in "${variants[@]}"; do # warm-up: JIT and connection pools
        taskset -c "$client_cpu" wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" "${variant#*|}" >/dev/null
    done
}

cpu_ns() { # pid: the CPU time its threads have run so far, in ns (clock ticks would be 1 % of a 1 s round)
    cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{ns += $1} END {printf "%d", ns}'
}

measure_round() { # round, file to append its lines to (/dev/null while the servers settle)
    # each round in another order (shuffled, seeded by the round): a variant measured right after another one of its
    # own JVM runs on a core still warm with that JVM, so a fixed order would favour some variants every round
    for i in $(python3 -c "import random; o = list(range(${#variants[@]})); random.Random($1).shuffle(o); print(*o)"); do
        variant=${variants[$i]}
        url=${variant#*|}
        port=${url#http://127.0.0.1:}
        server=${server_of[${port%%/*}]}
        before=$(cpu_ns "$server")
        out=$(taskset -c "$client_cpu" wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "$url")
        used=$(($(cpu_ns "$server") - before))
        rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
        requests=$(awk '/ requests in / {print $1}' <<<"$out")
        cpu_us=$(awk -v ns="$used" -v n="$requests" 'BEGIN {printf "%.3f", ns / 1000 / n}')
        p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
        errors=$(awk '/Non-2xx|Socket errors/' <<<"$out")
        if [ -n "$errors" ]; then
            echo "errors for ${variant%%|*}: $errors" >&2
            exit 1
        fi
        echo "${variant%%|*}|$1|$rps|$p99|$cpu_us|$start_no" | tee -a "$2"
    done
}

raw=target/http-raw.txt
: >"$raw"
for round in $(seq 1 "$ROUNDS"); do
    start_no=$(((round - 1) / RESTART_EVERY + 1))
    if [ $(((round - 1) % RESTART_EVERY)) -eq 0 ]; then
        stop_servers
        start_servers
        # the JVMs share one core and go on compiling after their warm-up: rounds right after a start measure the
        # compiler, so the first SETTLE rounds of each start are not recorded
        for settle in $(seq 1 "$SETTLE"); do
            measure_round "$((-settle))" /dev/null >/dev/null
        done
    fi
    measure_round "$round" "$raw"
done

python3 http-verdict.py "$raw" | tee target/http-results.txt

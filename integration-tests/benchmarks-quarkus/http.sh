#!/usr/bin/env bash
# HTTP load comparison for the performance page: the same endpoint without Airlock, under @AirlockScope, and with
# quarkus.airlock.http.auto-scope, measured with wrk on 127.0.0.1 in one run, rounds interleaved.
#
#   ./http.sh                     build both applications, then 5 rounds of 10 s per endpoint
#   ROUNDS=5 DURATION=20s ./http.sh
#   VARIANTS='^(no Airlock|auto-scope, 1 intent)$' ROUNDS=40 DURATION=2s ./http.sh   only the variants matching
#   SKIP_BUILD=1 ./http.sh        reuse the applications built before
#
# Needs wrk (apt-get install -y wrk). On a 2-core machine the server is pinned to one core and wrk to the other, so
# that they do not take turns on the same core. Besides requests/s, each round records the CPU time the serving JVM
# used per request (from /proc): when it is the inverse of the throughput, the server's core was saturated and the
# comparison is one of CPU cost. Results: target/http-results.txt.
set -euo pipefail
cd "$(dirname "$0")"
. ../../.ci/jdk.sh
if ! command -v wrk >/dev/null; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null || true
    fi
    command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
fi

ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}

. ./http-apps.sh
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    build_http_apps
fi

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

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
start target/quarkus-app 18081
start target/auto-scope-app 18082

variants=(
    "no Airlock|http://127.0.0.1:18081/bench/plain"
    "@AirlockScope, no intent|http://127.0.0.1:18081/bench/scoped-empty"
    "@AirlockScope, 1 intent|http://127.0.0.1:18081/bench/scoped"
    "auto-scope, no intent|http://127.0.0.1:18082/bench/plain"
    "auto-scope, 1 intent|http://127.0.0.1:18082/bench/auto"
)

if [ -n "${VARIANTS:-}" ]; then
    chosen=()
    for variant in "${variants[@]}"; do
        [[ "${variant%%|*}" =~ $VARIANTS ]] && chosen+=("$variant")
    done
    variants=("${chosen[@]}")
    [[ "${variants[0]:-}" == "no Airlock|"* ]] || { echo "VARIANTS must match 'no Airlock', the baseline" >&2; exit 2; }
fi

for variant in "${variants[@]}"; do # warm-up: JIT and connection pools
    taskset -c "$client_cpu" wrk -t1 -c"$CONNECTIONS" -d10s "${variant#*|}" >/dev/null
done

cpu_ticks() { # pid: user and system CPU time so far, in clock ticks
    awk '{print $14 + $15}' "/proc/$1/stat"
}
ticks_per_second=$(getconf CLK_TCK)

raw=target/http-raw.txt
: >"$raw"
for round in $(seq 1 "$ROUNDS"); do
    # each round starts with another variant, so that none is always measured first or last in a round
    for i in $(seq 0 $((${#variants[@]} - 1))); do
        variant=${variants[$(((i + round - 1) % ${#variants[@]}))]}
        url=${variant#*|}
        port=${url#http://127.0.0.1:}
        server=${server_of[${port%%/*}]}
        before=$(cpu_ticks "$server")
        out=$(taskset -c "$client_cpu" wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "$url")
        used=$(($(cpu_ticks "$server") - before))
        rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
        requests=$(awk '/ requests in / {print $1}' <<<"$out")
        cpu_us=$(awk -v t="$used" -v hz="$ticks_per_second" -v n="$requests" 'BEGIN {printf "%.2f", t * 1e6 / hz / n}')
        p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
        errors=$(awk '/Non-2xx|Socket errors/' <<<"$out")
        if [ -n "$errors" ]; then
            echo "errors for ${variant%%|*}: $errors" >&2
            exit 1
        fi
        echo "${variant%%|*}|$round|$rps|$p99|$cpu_us" | tee -a "$raw"
    done
done

# per variant: the median of the rounds, and the median of its ratio to the no-Airlock run of the same round (the
# rounds interleave the variants, so a ratio within a round cancels most of the drift between rounds); p99 in ms; the
# server's CPU time per request in µs, and the median of its ratio to no Airlock's in the same round
python3 - "$raw" <<'PY' | tee target/http-results.txt
import statistics, sys
def ms(latency):
    for suffix, factor in (('us', 0.001), ('ms', 1.0), ('s', 1000.0)):
        if latency.endswith(suffix):
            return float(latency[:-len(suffix)]) * factor
    raise ValueError(latency)
rows, base, base_cpu = {}, {}, {}
for line in open(sys.argv[1]):
    name, round_, rps, p99, cpu = line.strip().split('|')
    rows.setdefault(name, []).append((round_, float(rps), ms(p99), float(cpu)))
    if name == 'no Airlock':
        base[round_] = float(rps)
        base_cpu[round_] = float(cpu)
print(f"{'variant':28} {'req/s':>10} {'vs no Airlock':>14} {'paired, range':>16} {'p99 ms':>8}"
      f" {'CPU us/req':>11} {'CPU vs none':>12} {'CPU range':>14}")
for name, values in rows.items():
    rps = statistics.median(r for _, r, _, _ in values)
    p99 = statistics.median(p for _, _, p, _ in values)
    cpu = statistics.median(c for _, _, _, c in values)
    ratios = [100 * (r / base[k] - 1) for k, r, _, _ in values]
    spread = f"{min(ratios):+.1f}..{max(ratios):+.1f}"
    cpu_ratios = [100 * (c / base_cpu[k] - 1) for k, _, _, c in values]
    cpu_spread = f"{min(cpu_ratios):+.1f}..{max(cpu_ratios):+.1f}"
    print(f"{name:28} {rps:10.0f} {statistics.median(ratios):+13.1f}% {spread:>16} {p99:8.2f}"
          f" {cpu:11.2f} {statistics.median(cpu_ratios):+11.1f}% {cpu_spread:>14}")
PY

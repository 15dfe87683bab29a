#!/usr/bin/env bash
# What share of the server's CPU Airlock takes under HTTP load: the application runs pinned to one core as in
# http.sh, wrk loads one endpoint, and async-profiler (attached with jcmd after a warm-up) samples every thread of the
# server for the measured seconds, on CPU time (itimer: on this kind of virtual machine, perf events cut the server's
# throughput by half while they sample, and the timer leaves it as it is). http-share.py then counts the samples whose stack passes through Airlock's code.
# Unlike a throughput ratio between two endpoints, this share does not move with the machine's swings between rounds.
#
#   ./http-profile.sh                 the auto-scope endpoint with one intent, then the @AirlockScope one
#   ./http-profile.sh scoped          only one: auto, scoped or scoped-empty
#   DURATION=30s ./http-profile.sh    measured seconds per endpoint (20 s by default)
#   EVENT=cpu ./http-profile.sh       perf events instead of the CPU-time timer
#   EVENT=alloc ./http-profile.sh plain auto   bytes allocated per request instead, every allocation recorded
#
# Build first with ./http.sh (or SKIP_BUILD=0 here). Stacks stay in target/http-profile-<endpoint>.collapsed.
set -euo pipefail
cd "$(dirname "$0")"
. ../../.ci/jdk.sh
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }

DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
. ./async-profiler.sh
. ./http-apps.sh
if [ "${SKIP_BUILD:-1}" != 1 ] || [ ! -f target/quarkus-app/quarkus-run.jar ] \
    || [ ! -f target/auto-scope-app/quarkus-run.jar ]; then
    build_http_apps
fi

pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null || true' EXIT

endpoints=("$@")
[ ${#endpoints[@]} -gt 0 ] || endpoints=(auto scoped)
for endpoint in "${endpoints[@]}"; do
    case "$endpoint" in
        auto) app=target/auto-scope-app ;;
        plain | scoped | scoped-empty) app=target/quarkus-app ;;
        *) echo "unknown endpoint '$endpoint': auto, plain, scoped or scoped-empty" >&2; exit 2 ;;
    esac
    port=18083
    taskset -c "$server_cpu" "$JAVA_HOME/bin/java" -Xms512m -Xmx512m -XX:+AlwaysPreTouch \
        -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -Dquarkus.http.port=$port \
        -jar "$app/quarkus-run.jar" >"target/server-profile-$endpoint.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 120); do
        curl -fs "http://127.0.0.1:$port/bench/$endpoint" >/dev/null 2>&1 && break
        sleep 0.5
    done
    url=http://127.0.0.1:$port/bench/$endpoint
    taskset -c "$client_cpu" wrk -t1 -c"$CONNECTIONS" -d10s "$url" >/dev/null # warm-up: JIT
    stacks=$PWD/target/http-profile-$endpoint.collapsed
    rm -f "$stacks"
    if [ "${EVENT:-itimer}" = alloc ]; then
        sampling=alloc=1
        dump=collapsed,total # bytes, not samples
    else
        sampling=interval=1ms
        dump=collapsed
    fi
    "$JAVA_HOME/bin/jcmd" "$pid" JVMTI.agent_load "$library" "\"start,event=${EVENT:-itimer},$sampling\"" >/dev/null
    out=$(taskset -c "$client_cpu" wrk -t1 -c"$CONNECTIONS" -d"$DURATION" "$url")
    "$JAVA_HOME/bin/jcmd" "$pid" JVMTI.agent_load "$library" "\"stop,file=$stacks,$dump\"" >/dev/null
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    pid=
    echo "/bench/$endpoint: $(awk '/^Requests\/sec:/ {print $2}' <<<"$out") requests/s while profiled"
    if [ "${EVENT:-itimer}" = alloc ]; then
        python3 http-share.py "$stacks" 12 --bytes-per "$(awk '/ requests in / {print $1}' <<<"$out")"
    else
        python3 http-share.py "$stacks"
    fi
done

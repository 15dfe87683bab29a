#!/usr/bin/env bash
# Runs a local Apache Kafka broker on 127.0.0.1:9092 for the Kafka messaging tests (integration-tests/messaging-kafka):
# one KRaft node that is both broker and controller (controller on 127.0.0.1:9093), from the jars Maven Central serves
# (org.apache.kafka:kafka_2.13, see kafka/pom.xml), as a separate JVM on the newest JDK here. No container, no root.
#
#   kafka.sh [start]   resolve the jars (once), format the storage (once), start the broker unless it runs; wait for it
#   kafka.sh stop      stop the broker (its topics stay on disk for the next start)
#   kafka.sh status    exit 0 when the broker runs and answers
#
# Safe to run again. Exits non-zero when the broker cannot be resolved or started. Everything lives under
# $AIRLOCK_KAFKA_HOME (default ~/.cache/airlock-kafka): the jars, the data, kafka.pid and kafka.log.
set -euo pipefail
cd "$(dirname "$0")/../.."

HOME_DIR="${AIRLOCK_KAFKA_HOME:-$HOME/.cache/airlock-kafka}"
PORT=9092
CONTROLLER_PORT=9093
POM=.ci/services/kafka/pom.xml
VERSION=$(sed -n 's|.*<kafka.version>\(.*\)</kafka.version>.*|\1|p' "$POM")
LIBS="$HOME_DIR/lib-$VERSION"
DATA="$HOME_DIR/data"
PID_FILE="$HOME_DIR/kafka.pid"
LOG="$HOME_DIR/kafka.log"

answers() {
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null
}

running_pid() {
    local pid
    pid=$(cat "$PID_FILE" 2>/dev/null) || return 1
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -qa 'kafka\.Kafka' "/proc/$pid/cmdline" 2>/dev/null || return 1
    echo "$pid"
}

stop() {
    local pid
    if ! pid=$(running_pid); then
        rm -f "$PID_FILE"
        echo "Kafka is not running"
        return 0
    fi
    kill -TERM "$pid"
    for _ in $(seq 1 120); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
        echo "Kafka (pid $pid) did not stop within 60 s: killing it" >&2
        kill -KILL "$pid"
        sleep 1
    fi
    rm -f "$PID_FILE"
    echo "Kafka stopped"
}

resolve() {
    [ -f "$LIBS/.complete" ] && return 0
    echo "Resolving Apache Kafka $VERSION from Maven Central into $LIBS"
    rm -rf "$LIBS"
    ./mvnw -B -q -ntp -f "$POM" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$LIBS" >&2
    ls "$LIBS"/kafka_2.13-"$VERSION".jar >/dev/null
    touch "$LIBS/.complete"
}

configure() {
    mkdir -p "$DATA"
    cat > "$HOME_DIR/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA
# topics (the tests' and the dead-letter topics) are created on first use, with one partition
auto.create.topics.enable=true
num.partitions=1
# a single node: every internal topic has one replica
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
    cat > "$HOME_DIR/log4j2.properties" <<EOF
rootLogger.level=WARN
rootLogger.appenderRef.out.ref=OUT
appender.out.type=Console
appender.out.name=OUT
appender.out.layout.type=PatternLayout
appender.out.layout.pattern=[%d] %p %m (%c)%n
# the line start() waits for
logger.server.name=kafka.server.KafkaRaftServer
logger.server.level=INFO
EOF
    if [ ! -f "$DATA/meta.properties" ]; then
        local cluster
        cluster=$(java -cp "$LIBS/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
        java -Dlog4j2.configurationFile="$HOME_DIR/log4j2.properties" -cp "$LIBS/*" kafka.tools.StorageTool format \
            -t "$cluster" -c "$HOME_DIR/server.properties" >> "$LOG" 2>&1
    fi
}

start() {
    mkdir -p "$HOME_DIR"
    if running_pid >/dev/null && answers; then
        echo "Kafka is running on 127.0.0.1:$PORT"
        return 0
    fi
    if ! running_pid >/dev/null && answers; then
        echo "Something else listens on 127.0.0.1:$PORT: cannot start Kafka there" >&2
        return 1
    fi
    . .ci/jdk.sh >/dev/null
    resolve
    configure
    local offset
    offset=$(stat -c %s "$LOG" 2>/dev/null || echo 0)
    if ! running_pid >/dev/null; then
        # A detached JVM in its own session that keeps none of the caller's descriptors (a lock file, the pipe a
        # caller reads until it closes): it outlives this script and the build that started it.
        (
            for fd in /proc/$BASHPID/fd/*; do
                fd=${fd##*/}
                if [ "$fd" -gt 2 ]; then eval "exec $fd>&-"; fi
            done
            exec setsid java -Xms256m -Xmx512m -XX:+UseSerialGC -Djava.awt.headless=true \
                -Dlog4j2.configurationFile="$HOME_DIR/log4j2.properties" -Dkafka.logs.dir="$HOME_DIR" \
                -cp "$LIBS/*" kafka.Kafka "$HOME_DIR/server.properties"
        ) </dev/null >>"$LOG" 2>&1 &
        echo $! > "$PID_FILE"
    fi
    for _ in $(seq 1 240); do
        if ! running_pid >/dev/null; then
            tail -n 40 "$LOG" >&2
            echo "Kafka exited while starting (log: $LOG)" >&2
            rm -f "$PID_FILE"
            return 1
        fi
        if answers && tail -c +$((offset + 1)) "$LOG" | grep -q 'Kafka Server started'; then
            echo "Kafka $VERSION is running on 127.0.0.1:$PORT (pid $(cat "$PID_FILE"), log: $LOG)"
            return 0
        fi
        sleep 0.5
    done
    tail -n 40 "$LOG" >&2
    echo "Kafka did not answer on 127.0.0.1:$PORT within 120 s (log: $LOG)" >&2
    return 1
}

case "${1:-start}" in
    start) start ;;
    stop) stop ;;
    status) running_pid >/dev/null && answers ;;
    *) echo "usage: $0 [start|stop|status]" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Installs (when missing) and starts a local RabbitMQ broker on 127.0.0.1:5672 for the broker round-trip tests.
# Idempotent: a running broker is left alone. Exits non-zero when RabbitMQ cannot be installed or started, so the
# caller can skip those tests loudly.
set -euo pipefail

if ! command -v rabbitmq-server >/dev/null 2>&1; then
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "RabbitMQ is not installed and cannot be installed here (needs root and apt-get)" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq rabbitmq-server >/dev/null
fi

# Only the local node, only loopback: the default guest/guest account is allowed on localhost.
mkdir -p /etc/rabbitmq
if ! grep -qs '^NODE_IP_ADDRESS=127.0.0.1' /etc/rabbitmq/rabbitmq-env.conf; then
    echo 'NODE_IP_ADDRESS=127.0.0.1' >> /etc/rabbitmq/rabbitmq-env.conf
fi

if ! rabbitmqctl -q status >/dev/null 2>&1; then
    # the service script needs an init system; a detached server works without one
    service rabbitmq-server start >/dev/null 2>&1 || rabbitmq-server -detached
fi
# a stopped application on a running node (rabbitmqctl stop_app, as the fault tests do) comes back too
rabbitmqctl -q start_app >/dev/null 2>&1 || true
timeout 120 rabbitmqctl -q await_startup
echo "RabbitMQ is running on 127.0.0.1:5672"

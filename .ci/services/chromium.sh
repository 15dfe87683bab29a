#!/usr/bin/env bash
# Installs Debian's Chromium and its WebDriver for the Dev UI browser test; does nothing when both are present.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    exit 0
fi
if [ "$(id -u)" != "0" ]; then
    echo "chromium.sh: Chromium is missing and installing it needs root (apt-get install chromium chromium-driver)." >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium chromium-driver

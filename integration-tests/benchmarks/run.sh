#!/usr/bin/env bash
# Runs the JMH suite and draws the chart of the performance page.
#   ./run.sh                 full run (about 2 minutes), results in target/jmh-result.json
#   ./run.sh -f 1 -i 3 ...   any JMH options
set -euo pipefail
cd "$(dirname "$0")"
. ../../.ci/jdk.sh
(cd ../.. && ./mvnw -B -ntp -q install -DskipTests -P'!it,!docs')
../../mvnw -B -ntp -q package -DskipTests
"$JAVA_HOME/bin/java" -jar target/benchmarks.jar -rf json -rff target/jmh-result.json -prof gc "$@"
if python3 -c 'import matplotlib' 2>/dev/null; then
    python3 chart.py target/jmh-result.json ../../docs/modules/ROOT/assets/images/benchmarks.png
else
    echo "python3-matplotlib is not installed (apt-get install -y python3-matplotlib): no chart drawn"
fi

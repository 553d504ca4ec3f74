#!/usr/bin/env bash
# The main job on a fresh machine: fetch the member jar if needed, start a member on
# 127.0.0.1:5701, run examples/basic_usage.py against it with this client, stop the member.
#   ./run-example.sh                  (HZ_VERSION=3.x.y picks another member version)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
export HZ_VERSION="${HZ_VERSION:-3.12.13}"
PYTHON="${PYTHON:-$(command -v python3 || command -v python)}"
scripts/ensure-tools.sh java mvn
JAR_DIR="$(scripts/fetch-hazelcast.sh "$HZ_VERSION")"
export HZ_JAR="$JAR_DIR/hazelcast-$HZ_VERSION.jar"
if [ -d "tests/java/src" ]; then
    CLASSES="$(scripts/compile-java-tests.sh "$HZ_VERSION")"
    [ -n "$CLASSES" ] && export HZ_TEST_CLASSES="$CLASSES"
fi
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
exec "$PYTHON" scripts/demo.py

#!/usr/bin/env bash
# Run the whole test suite on a fresh machine:
#   ./run-tests.sh                         unit + compat (API of the official 3.12.3) + integration tests
#   ./run-tests.sh tests/unit -k codec     any pytest arguments; a path replaces the defaults
#   HZ_VERSION=3.11.7 ./run-tests.sh       against another 3.x member version
# Installs pytest/hypothesis/psutil, ruff and mypy (and stunnel4/openssl via apt, as root) if missing,
# fetches the member jar into .cache/hazelcast/, compiles tests/java/src, checks generated code
# is fresh, runs ruff and mypy (configured in pyproject.toml), then runs pytest.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

export HZ_VERSION="${HZ_VERSION:-3.12.13}"
PYTHON="${PYTHON:-$(command -v python3 || command -v python)}"

# --- Python test dependencies ---------------------------------------------------------
# psutil: the optional [stats] extra, so that the statistics tests see the os./runtime. figures
# ruff and mypy: pinned, so that a new release's rules cannot fail an unchanged tree
TOOLS=(pytest hypothesis psutil "ruff==0.17.6" "mypy==2.4.1")
if ! "$PYTHON" -c "import pytest, hypothesis, psutil" >/dev/null 2>&1 \
        || [ "$("$PYTHON" -m ruff --version 2>/dev/null)" != "ruff 0.17.6" ] \
        || ! "$PYTHON" -m mypy --version 2>/dev/null | grep -q "^mypy 2\.4\.1 "; then
    echo "installing ${TOOLS[*]}" >&2
    if ! "$PYTHON" -m pip install --quiet --disable-pip-version-check "${TOOLS[@]}"; then
        # an "externally managed" system Python: use a venv that still sees system packages
        "$PYTHON" -m venv --system-site-packages "$ROOT/.cache/venv"
        PYTHON="$ROOT/.cache/venv/bin/python"
        "$PYTHON" -m pip install --quiet --disable-pip-version-check "${TOOLS[@]}"
    fi
fi

# --- TLS tests: stunnel4 in front of members, openssl makes the certificates -------------
if ! command -v stunnel4 >/dev/null 2>&1 || ! command -v openssl >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "installing stunnel4 and openssl" >&2
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq stunnel4 openssl) >&2 \
            || echo "could not install stunnel4/openssl: the TLS and cloud tests will fail" >&2
    else
        echo "stunnel4/openssl missing and not root with apt-get: the TLS and cloud tests will fail" >&2
    fi
fi
# the package is imported from this checkout (no install, so runs from two clones don't mix)
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"

# --- Hazelcast member jar and Java test classes ---------------------------------------
scripts/ensure-tools.sh java javac mvn
JAR_DIR="$(scripts/fetch-hazelcast.sh "$HZ_VERSION")"
export HZ_JAR="$JAR_DIR/hazelcast-$HZ_VERSION.jar"
export HZ_CLIENT_JAR="$JAR_DIR/hazelcast-client-$HZ_VERSION.jar"
# older members for tests/integration/test_older_members.py (member jars only are used)
export HZ_OLDER_VERSIONS="${HZ_OLDER_VERSIONS-3.6.8 3.9.4}"
for older in $HZ_OLDER_VERSIONS; do
    scripts/fetch-hazelcast.sh "$older" >/dev/null || echo "could not fetch Hazelcast $older" >&2
done
CLASSES="$(scripts/compile-java-tests.sh "$HZ_VERSION")"
if [ -n "$CLASSES" ]; then
    export HZ_TEST_CLASSES="$CLASSES"
fi
# here members are available: an integration test must not skip for want of them
export HZ_REQUIRE_MEMBERS="${HZ_REQUIRE_MEMBERS:-1}"
# tests/compat installs hazelcast-python-client==3.12.3 from PyPI: here it must not skip
export HZ_REQUIRE_COMPAT="${HZ_REQUIRE_COMPAT:-1}"

# --- generated protocol code must match its definitions -------------------------------
if [ -f codegen/__main__.py ]; then
    echo "checking generated code: $PYTHON -m codegen --check" >&2
    "$PYTHON" -m codegen --check
fi

# --- lint and types: both must report nothing ------------------------------------------
# what each checks (rules, per-file exceptions, the type-clean modules) is in pyproject.toml
echo "checking: ruff check, mypy" >&2
"$PYTHON" -m ruff check --quiet hazelcast codegen tests benchmarks examples scripts
"$PYTHON" -m mypy

# --- tests ------------------------------------------------------------------------------
# default paths unless an argument names a path (tests/unit, tests/x.py::test_y, ...)
paths=(tests/unit tests/compat tests/integration)
for arg in "$@"; do
    if [[ "$arg" != -* ]] && [ -e "${arg%%::*}" ]; then
        paths=()
        break
    fi
done
existing=()
for p in "${paths[@]+"${paths[@]}"}"; do
    [ -e "$p" ] && existing+=("$p")
done
echo "Hazelcast $HZ_VERSION, $("$PYTHON" --version 2>&1), java: $(java -version 2>&1 | head -1)" >&2
exec "$PYTHON" -m pytest -ra "${existing[@]+"${existing[@]}"}" "$@"

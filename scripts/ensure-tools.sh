#!/usr/bin/env bash
# Make sure the named tools (java, javac, mvn) are on PATH. On a Debian machine where we are
# root, install the missing ones with apt-get; anywhere else, say what to install and fail.
#   scripts/ensure-tools.sh java javac mvn
set -euo pipefail
missing=()
for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
[ ${#missing[@]} -eq 0 ] && exit 0

packages=()
for tool in "${missing[@]}"; do
    case "$tool" in
        java|javac) packages+=(openjdk-17-jdk-headless) ;;
        mvn) packages+=(maven) ;;
        *) echo "error: $tool is missing" >&2; exit 1 ;;
    esac
done
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${packages[*]} (missing: ${missing[*]})" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends "${packages[@]}" >&2
else
    echo "error: ${missing[*]} not found; install a JDK (8+; 17 tested) and Maven 3" >&2
    exit 1
fi

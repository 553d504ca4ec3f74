#!/usr/bin/env bash
# Fetch the Hazelcast member jar and the Java client jar of one version from Maven Central
# into .cache/hazelcast/<version>/ (git-ignored). Does nothing when both are there.
#   scripts/fetch-hazelcast.sh [VERSION]      (default: $HZ_VERSION or 3.12.13)
# Prints the folder holding the jars on stdout.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="${1:-${HZ_VERSION:-3.12.13}}"
DEST="$ROOT/.cache/hazelcast/$VERSION"

missing=()
for artifact in hazelcast hazelcast-client; do
    [ -s "$DEST/$artifact-$VERSION.jar" ] || missing+=("$artifact")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "$DEST"
    exit 0
fi

"$ROOT/scripts/ensure-tools.sh" mvn >&2
mkdir -p "$DEST"
# download next to the destination, then move: a concurrent run never sees half a jar
TMP="$(mktemp -d "$DEST/.fetch.XXXXXX")"
trap 'rm -rf "$TMP"; rmdir "$DEST" 2>/dev/null || true' EXIT
for artifact in "${missing[@]}"; do
    echo "fetching com.hazelcast:$artifact:$VERSION from Maven Central" >&2
    if ! out="$(mvn -B -q dependency:copy -Dartifact="com.hazelcast:$artifact:$VERSION" \
            -DoutputDirectory="$TMP" -Dmdep.overWriteReleases=true 2>&1)"; then
        printf '%s\n' "$out" >&2
        echo "error: could not fetch com.hazelcast:$artifact:$VERSION (is the version right?)" >&2
        exit 1
    fi
    mv -f "$TMP/$artifact-$VERSION.jar" "$DEST/$artifact-$VERSION.jar"
done
echo "$DEST"

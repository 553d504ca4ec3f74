#!/usr/bin/env bash
# Compile tests/java/src/**/*.java against the member jar of one version into
# tests/java/build/<version>/ (git-ignored). Skips cleanly when there are no sources and
# when nothing changed since the last build. Prints the classes folder ("" if none).
#   scripts/compile-java-tests.sh [VERSION]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="${1:-${HZ_VERSION:-3.12.13}}"
SRC="$ROOT/tests/java/src"
OUT="$ROOT/tests/java/build/$VERSION"
JARS="$ROOT/.cache/hazelcast/$VERSION"

if [ ! -d "$SRC" ] || [ -z "$(find "$SRC" -name '*.java' -print -quit)" ]; then
    echo "no Java test sources under tests/java/src: nothing to compile" >&2
    echo ""
    exit 0
fi

# the list of sources and their times: rebuild only when it differs from the last build's
stamp="$(find "$SRC" -name '*.java' -printf '%P %T@\n' | sort)"
if [ -f "$OUT/.sources" ] && [ "$(cat "$OUT/.sources")" = "$stamp" ]; then
    echo "Java test classes for $VERSION are up to date" >&2
    echo "$OUT"
    exit 0
fi

"$ROOT/scripts/ensure-tools.sh" javac >&2
mkdir -p "$(dirname "$OUT")"
TMP="$(mktemp -d "$OUT.tmp.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT
find "$SRC" -name '*.java' > "$TMP/.files"
echo "compiling $(wc -l < "$TMP/.files") Java test file(s) against Hazelcast $VERSION" >&2
javac -nowarn -encoding UTF-8 -d "$TMP" \
    -cp "$JARS/hazelcast-$VERSION.jar:$JARS/hazelcast-client-$VERSION.jar" @"$TMP/.files" >&2
rm -f "$TMP/.files"
# resources (e.g. META-INF/services) next to the sources go along
(cd "$SRC" && find . -type f ! -name '*.java' -exec cp --parents {} "$TMP" \;)
printf '%s\n' "$stamp" > "$TMP/.sources"
# swap in the new build; members of a concurrent run keep the old files they opened
rm -rf "$OUT.old"
[ -d "$OUT" ] && mv "$OUT" "$OUT.old"
mv "$TMP" "$OUT"
rm -rf "$OUT.old"
trap - EXIT
echo "$OUT"

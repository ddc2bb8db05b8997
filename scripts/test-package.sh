#!/usr/bin/env bash
# The installed package as another project sees it: installs the build into a
# temporary prefix, builds examples/ against it with find_package(unbake) and
# nothing else, runs it on corpora/default, and checks that no tuning or
# private-dependency flag reached the consumer's compile line.
#   bash scripts/test-package.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-${UNBAKE_BUILD_DIR:-build}}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "test-package: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$work/prefix" >/dev/null
cmake -S examples -B "$work/example" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null || fail "examples/ does not configure against the package"
cmake --build "$work/example" >/dev/null || fail "examples/ does not build against the package"
line=$(grep -o '"command": "[^"]*"' "$work/example/compile_commands.json")
for flag in -march -fopenmp nlohmann spdlog unicode /lib/ -mno-avx512f; do
  case $line in *"$flag"*) fail "the consumer's compile line has '$flag': $line" ;; esac
done
case $line in *EIGEN_MAX_ALIGN_BYTES=32*) ;; *) fail "the Eigen alignment setting did not reach the consumer" ;; esac
(cd "$work" && "$work/example/topics" "$OLDPWD/corpora/default") >"$work/out.txt" 2>"$work/err.txt" ||
  fail "the example failed: $(cat "$work/err.txt")"
[ "$(grep -c '^topic [0-4] ' "$work/out.txt")" -eq 5 ] || fail "the example did not print 5 topics: $(cat "$work/out.txt")"
grep -q '^note: topic [0-4]$' "$work/out.txt" || fail "transform of a string after load failed: $(cat "$work/out.txt")"
grep -q '^relative error ' "$work/out.txt" || fail "the matrix fit printed nothing"
# Only unbake's own symbols leave the shared library.
lib=$(find "$work/prefix" -name "libunbake.so*" -type f | head -1)
other=$(nm -D --defined-only "$lib" | awk '{print $3}' | grep -v '^_Z[A-Z]*NK\?6unbake\|^_ZThn.*N6unbake' || true)
[ -z "$other" ] || fail "libunbake.so exports other symbols: $(echo "$other" | head -5)"
readelf -d "$lib" | grep -q 'SONAME.*libunbake\.so\.0\.1' || fail "libunbake.so has no SONAME libunbake.so.0.1"
echo "test-package: installed package builds and runs examples/ ($(head -1 "$work/out.txt"))"

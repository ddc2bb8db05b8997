#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite through CTest.
#   bash scripts/test.sh         Release build in build/ and the suite (quick)
#   bash scripts/test.sh --all   then also, each in its own build folder:
#     build-asan    the suite under AddressSanitizer + UndefinedBehaviorSanitizer,
#                   with float-cast-overflow (GCC leaves it out of "undefined");
#                   any finding fails the test that hit it
#     build-assert  the suite with libstdc++'s checks (-D_GLIBCXX_ASSERTIONS), on the
#                   baseline kernels only (no AVX2 clones)
#     build-fuzz    the libFuzzer targets (clang), each run for 45 s
# CI (.ci/run) runs --all.
set -euo pipefail
cd "$(dirname "$0")/.."
all=false
case "${1:-}" in
  "") ;;
  --all) all=true ;;
  *)
    echo "usage: bash scripts/test.sh [--all]" >&2
    exit 2
    ;;
esac
bash scripts/install-deps.sh
bash scripts/build.sh
ctest --test-dir "${UNBAKE_BUILD_DIR:-build}" --output-on-failure --parallel "$(nproc)"
bash scripts/test-package.sh "${UNBAKE_BUILD_DIR:-build}"
$all || exit 0

# The checking builds use -O1: much quicker to compile than -O3, and still
# fast enough for the suite. Benchmarks tools are not built.
checked_suite() {
  local dir=$1 flags=$2
  echo "== $dir: $flags" >&2
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O1 -DNDEBUG" \
    -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" -DUNBAKE_BENCH=OFF >/dev/null
  cmake --build "$dir" --parallel "$(nproc)"
  ctest --test-dir "$dir" --output-on-failure --parallel "$(nproc)"
}
export ASAN_OPTIONS=halt_on_error=1:abort_on_error=1:detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# vptr is left out: its check reads /proc/self/maps, and the tests that use
# up every file descriptor (EMFILE) then see it report valid objects.
checked_suite build-asan "-fsanitize=address,undefined,float-cast-overflow -fno-sanitize=vptr -fno-sanitize-recover=undefined,float-cast-overflow -fno-omit-frame-pointer"
# Without the AVX2 clones (lib/core/cpu_dispatch.hpp): the suite then also
# covers the baseline code that machines without AVX2 run.
checked_suite build-assert "-D_GLIBCXX_ASSERTIONS -DUNBAKE_NO_CLONES"

echo "== build-fuzz: libFuzzer targets, 45 s each" >&2
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Release -DUNBAKE_FUZZ=ON \
  -DUNBAKE_BUILD_TESTS=OFF -DUNBAKE_BENCH=OFF >/dev/null
cmake --build build-fuzz --parallel "$(nproc)" --target fuzz_reader fuzz_matrix_market fuzz_binary_matrix fuzz_csv fuzz_model fuzz_factor \
  fuzz_text_table fuzz_json_lines fuzz_mail fuzz_html
bash scripts/fuzz.sh build-fuzz 45

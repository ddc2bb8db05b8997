#!/usr/bin/env bash
# Runs the libFuzzer targets one after the other, each for SECONDS, and fails
# if any finds a crash, a leak, a timeout or runs out of memory.
#   bash scripts/fuzz.sh BUILD_DIR SECONDS [TARGET ...]
# BUILD_DIR holds a build configured with CC=clang CXX=clang++ -DUNBAKE_FUZZ=ON
# (scripts/test.sh --all makes one in build-fuzz). New inputs go to a scratch
# folder, so the seed corpus in fuzz/corpus stays small; a crashing input is
# kept in BUILD_DIR/fuzz-findings/TARGET: add it to fuzz/regressions/TARGET
# once fixed. A summary line per target gives runs and executions.
set -uo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: fuzz.sh BUILD_DIR SECONDS [TARGET ...]}
seconds=${2:?usage: fuzz.sh BUILD_DIR SECONDS [TARGET ...]}
shift 2
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(reader matrix_market binary_matrix csv model factor text_table json_lines mail html)

# Longest input per target: enough for every structure the parser knows,
# small enough that each run stays fast.
declare -A max_len=([reader]=8192 [matrix_market]=4096 [csv]=4096 [model]=8192 [factor]=4096 [mail]=8192 [html]=8192)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
status=0
for t in "${targets[@]}"; do
  binary=$build/fuzz_$t
  if [ ! -x "$binary" ]; then
    echo "fuzz: $binary is missing (configure with CC=clang CXX=clang++ -DUNBAKE_FUZZ=ON)" >&2
    status=1
    continue
  fi
  findings=$build/fuzz-findings/$t
  mkdir -p "$scratch/$t" "$findings"
  log=$build/fuzz-$t.log
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
    "$binary" "$scratch/$t" "fuzz/corpus/$t" "fuzz/regressions/$t" \
    -max_total_time="$seconds" -max_len="${max_len[$t]:-4096}" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  if [ "$rc" -ne 0 ]; then
    echo "fuzz $t: FAILED (exit $rc) after ${execs:-?} executions; see $log and $findings"
    grep -m3 -E '^==[0-9]+==ERROR|SUMMARY|fuzz invariant' "$log" | sed 's/^/  /'
    status=1
  else
    echo "fuzz $t: ${seconds} s, ${execs:-?} executions (${rate:-?}/s), $(ls "$scratch/$t" | wc -l) new corpus inputs, no finding"
  fi
done
exit $status

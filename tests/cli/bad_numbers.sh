#!/usr/bin/env bash
# Numbers on the command line are read exactly or refused: a value that does
# not fit its option's type (a negative seed, 2^64, 1e999, nan) is a usage
# error naming the option and the text, never wrapped, saturated or cast.
set -uo pipefail
source "$(dirname "$0")/lib/expect.bash"
expect_setup "$@"

small_corpus docs
printf '1,0,2\n0,3,1\n2,2,0\n' >small.csv

usage() { expect_error 2 "$@"; }

# Whole numbers that wrap or saturate in an unsigned or int option.
usage "^error: --seed: '18446744073709551616' is out of range \(from 0 to 18446744073709551615\)" \
  "$bin" fit docs -k 2 --min-df 1 --seed 18446744073709551616
usage "^error: --seed: '-1' is out of range \(from 0 to 18446744073709551615\)" \
  "$bin" factor small.csv -k 1 --seed -1
usage "^error: --max-features: '-1' is out of range \(from 0 to 18446744073709551615\)" \
  "$bin" vectorize docs --max-features -1 -o V.mtx
usage "^error: --max-iter: '2147483648' is out of range \(from -2147483648 to 2147483647\)" \
  "$bin" factor small.csv -k 1 --max-iter 2147483648
usage "^error: -k: '1e3' is not a whole number" "$bin" factor small.csv -k 1e3
usage "^error: --threads: '2x' is not a whole number" "$bin" fit docs -k 2 --threads 2x
usage "^error: --top-words: '' is not a whole number" "$bin" fit docs -k 2 --top-words ''
usage "^error: --resamples: '99999999999999999999' is out of range" \
  "$bin" sweep docs -k 2:3 --min-df 1 --resamples 99999999999999999999

# Reals that are not finite, or beyond a double.
usage "^error: --tol: '1e999' is beyond the range of a double" "$bin" factor small.csv -k 1 --tol 1e999
usage "^error: --tol: 'nan' is not a number" "$bin" factor small.csv -k 1 --tol nan
usage "^error: --l1-w: 'inf' is beyond the range of a double" "$bin" factor small.csv -k 1 --l1-w inf
usage "^error: --min-df: '2,5' is not a number" "$bin" fit docs -k 2 --min-df 2,5

# A representable value that the option cannot honour: the library's range.
usage '^error: --max-file-mb must be a positive number of at most 16777216 \(16 TiB\), got 20000000000000$' \
  "$bin" fit docs -k 2 --max-file-mb 2e13

# Edge values that fit are taken exactly and recorded as given.
expect_ok "$bin" fit docs -k 2 --min-df 1 --seed 18446744073709551615 --json r.json
"$py" - <<'PY' || fail "the largest seed was not recorded exactly"
import json
r = json.load(open("r.json"))
seed = r["model"]["seed"]
assert seed == 18446744073709551615, seed
PY
expect_ok "$bin" factor small.csv -k 1 --seed +7 --tol 1e-300
expect_ok "$bin" fit docs -k 2 --min-df 1 --max-file-mb 16777216 --seed +7

for f in V.mtx; do [ -e "$f" ] && fail "a usage error left $f behind"; done
no_temp_files .
finish

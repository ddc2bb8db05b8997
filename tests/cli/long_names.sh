#!/usr/bin/env bash
# Any output name the folder allows can be written, up to its NAME_MAX (255
# bytes here), though the temporary file beside it adds a marker to the
# name; a longer name, or a path longer than PATH_MAX, is refused before any
# work with one line.
set -uo pipefail
source "$(dirname "$0")/lib/expect.bash"
expect_setup "$@"
export LC_ALL=C  # ${#name} counts bytes

name_max=$(getconf NAME_MAX .)
if [ "$name_max" != 255 ]; then
  echo "skipped: this folder allows names of $name_max bytes, the test expects 255"
  exit 77
fi
small_corpus corp
printf ',a,b,c\nr1,1,0,2\nr2,0,3,1\nr3,2,1,0\n' >x.csv
# name_of BYTES [UNIT]: a name of exactly BYTES bytes ending in .csv.
name_of() {
  local bytes=$1 unit=${2:-a} stem=""
  while [ $((${#stem} + 4)) -lt "$bytes" ]; do stem+=$unit; done
  printf '%s.csv' "$stem"
}

for bytes in 238 250 255; do
  name=$(name_of "$bytes")
  [ "$(printf %s "$name" | wc -c)" -eq "$bytes" ] || fail "test bug: name of $(printf %s "$name" | wc -c) bytes"
  expect_ok "$bin" factor x.csv -k 1 --w "$name"
  grep -q factor_1 "$name" || fail "the $bytes-byte name was not written"
  # Replacing it goes through a temporary file again.
  expect_ok "$bin" fit corp -k 2 --min-df 1 --topics-csv "$name"
  grep -q '^topic,rank,word,weight' "$name" || fail "the $bytes-byte name was not replaced"
  rm -f "$name"
done
# Two-byte characters, where the temporary name must be cut between two
# characters (tests/io/test_atomic_file.cpp checks the cut itself).
name="$(printf 'é%.0s' $(seq 125))x.csv"  # 255 bytes
expect_ok "$bin" factor x.csv -k 1 --w "$name"
[ -s "$name" ] || fail "the 255-byte UTF-8 name was not written"
no_temp_files .

# One byte too many: refused before the fit (no report on stdout).
name=$(name_of 256)
expect_error 1 "^error: cannot write $name: its name has 256 bytes, more than the 255 its folder allows: File name too long\$" \
  "$bin" fit corp -k 2 --min-df 1 --model model.json --mixtures-csv "$name"
[ -s out.txt ] && fail "256 bytes: the fit ran before the refusal"
[ -e model.json ] && fail "256 bytes: model.json was written"
# A path longer than PATH_MAX (4096 bytes) in folders that exist.
deep=.
while [ ${#deep} -lt 4000 ]; do
  deep+=/$(printf 'd%.0s' $(seq 200))
  mkdir "$deep" || break
done
expect_error 1 'cannot write \./d+.*/d+/x\.csv: its path is longer than the system allows \(4095 bytes\): File name too long$' \
  "$bin" fit corp -k 2 --min-df 1 --topics-csv "$deep/$(printf 'd%.0s' $(seq 200))/x.csv"
[ -s out.txt ] && fail "long path: the fit ran before the refusal"
no_temp_files .

finish

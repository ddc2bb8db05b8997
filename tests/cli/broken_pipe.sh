#!/usr/bin/env bash
# A reader of standard output that goes away (`unbake fit ... | head`) costs
# only the stream: every file output is written first and left complete, and
# the closed pipe is one error line, exit 1, not a silent death by SIGPIPE.
set -uo pipefail
source "$(dirname "$0")/lib/expect.bash"
expect_setup "$@"

small_corpus corp
printf ',a,b,c\nr1,1,0,2\nr2,0,3,1\nr3,2,1,0\n' >x.csv

# closed_stdout CMD...: runs CMD with stdout a pipe whose reader has already
# gone (so the first write fails, however small) and with SIGPIPE at its
# default, as under a shell; exit status as the shell reports it.
cat >closed_stdout.py <<'PY'
import os, subprocess, sys
r, w = os.pipe()
os.close(r)
with open("err.txt", "w") as err:
    p = subprocess.run(sys.argv[1:], stdout=w, stderr=err, stdin=subprocess.DEVNULL)
sys.exit(p.returncode if p.returncode >= 0 else 128 - p.returncode)
PY
broken() { "$py" closed_stdout.py "$@"; }

closed_pipe() {
  local what=$1
  shift
  rm -f out.txt
  broken "$@"
  local got=$?
  [ "$got" -eq 1 ] || fail "$what: exit status $got, expected 1 (141 is death by SIGPIPE)"
  [ "$(cat err.txt)" = "error: cannot write to standard output: Broken pipe" ] ||
    fail "$what: stderr '$(head -c 300 err.txt)'"
  no_temp_files .
}
lines() { if [ -f "$1" ]; then wc -l <"$1"; else echo 0; fi; }
valid_json() { "$py" -c 'import json,sys; json.load(open(sys.argv[1]))' "$1" 2>/dev/null || fail "$2: $1 is not complete JSON"; }

# The reference files, from runs whose stdout is read to the end.
"$bin" -q fit corp -k 2 --min-df 1 --topics-csv want-topics.csv --mixtures-csv want-mix.csv >/dev/null ||
  fail "reference fit failed"

# 1. fit with the JSON on stdout and files beside it.
closed_pipe "fit --json -" "$bin" fit corp -k 2 --min-df 1 --json - --model m.json --topics-csv t.csv \
  --mixtures-csv mix.csv
valid_json m.json "fit --json -"
cmp -s t.csv want-topics.csv || fail "fit --json -: t.csv is not complete"
cmp -s mix.csv want-mix.csv || fail "fit --json -: mix.csv is not complete"
# The text report on stdout, and the JSON on /dev/stdout after it.
rm -f m.json t.csv
closed_pipe "fit (text report)" "$bin" fit corp -k 2 --min-df 1 --model m.json --topics-csv t.csv
valid_json m.json "fit (text report)"
cmp -s t.csv want-topics.csv || fail "fit (text report): t.csv is not complete"
closed_pipe "fit --json /dev/stdout" "$bin" fit corp -k 2 --min-df 1 --json /dev/stdout --model m2.json
valid_json m2.json "fit --json /dev/stdout"

# 2. The other commands that print while writing files.
closed_pipe "transform" "$bin" transform m.json corp --json - --mixtures-csv tmix.csv
[ "$(lines tmix.csv)" -eq 7 ] || fail "transform: tmix.csv is not complete"
closed_pipe "factor" "$bin" factor x.csv -k 2 --w w.csv --h h.csv
[ "$(lines w.csv)" -eq 4 ] && [ "$(lines h.csv)" -eq 3 ] || fail "factor: W or H is not complete"
closed_pipe "sweep" "$bin" sweep corp -k 2:3 --min-df 1 --resamples 2
closed_pipe "vectorize -o -" "$bin" vectorize corp --min-df 1 -o - --terms terms.txt --docs docs.txt
[ "$(lines docs.txt)" -eq 6 ] || fail "vectorize: docs.txt is not complete"

# 3. As a person types it: a reader that stops after one byte of a large JSON.
"$bin" fit corp -k 2 --min-df 1 --json-words 500 --json - --model m3.json --topics-csv t3.csv 2>err.txt |
  head -c 1 >/dev/null
got=${PIPESTATUS[0]}
[ "$got" -eq 0 ] || [ "$got" -eq 1 ] || fail "fit | head -c 1: exit status $got"
[ "$got" -eq 0 ] || grep -qx 'error: cannot write to standard output: Broken pipe' err.txt ||
  fail "fit | head -c 1: stderr '$(cat err.txt)'"
valid_json m3.json "fit | head -c 1"
cmp -s t3.csv want-topics.csv || fail "fit | head -c 1: t3.csv is not complete"

finish

#!/usr/bin/env bash
# Ctrl-C (SIGINT), kill (SIGTERM) or any other signal that ends the process
# (SIGQUIT, SIGUSR1, ...) during a fit: unbake stops, removes what it was
# writing, prints one line and dies of the signal (exit status 128 + signal
# in the shell: 130, 143, 131, 138). An existing output is left as it was, no output of the
# run appears, no temporary file is left.
set -uo pipefail
source "$(dirname "$0")/lib/expect.bash"
expect_setup "$@"
# Job control: background jobs of a script would otherwise ignore SIGINT.
set -m

# A corpus whose factorization takes far longer than the wait below: 3000
# documents over 4000 words, 60 topics, a tolerance that is never met.
"$py" - <<'PY'
import os, random
random.seed(7)
words = [f"w{i:04d}x" for i in range(4000)]
os.mkdir("corpus")
for d in range(3000):
    with open(f"corpus/doc{d:04d}.txt", "w") as f:
        f.write(" ".join(random.choice(words) for _ in range(120)))
PY
printf 'previous report\n' >report.json
before=$(checksum report.json)

interrupt() {
  local sig=$1 expected=$2
  "$bin" fit corpus -k 60 --tol 1e-300 --max-iter 100000 --json report.json --model model.json \
    --mixtures-csv mixtures.csv >out.txt 2>err.txt &
  local pid=$!
  sleep 2
  if ! kill -0 "$pid" 2>/dev/null; then
    fail "SIG$sig: the fit ended before the signal (it must run longer than 2 s): $(cat err.txt)"
    return
  fi
  kill -s "$sig" "$pid"
  # A fit that does not stop within a minute of the signal is killed and reported.
  if ! timeout 60 tail --pid="$pid" -f /dev/null; then
    kill -9 "$pid"
    fail "SIG$sig: the fit did not stop"
  fi
  wait "$pid"
  local got=$?
  [ "$got" -eq "$expected" ] || fail "SIG$sig: exit status $got, expected $expected"
  [ "$(wc -l <err.txt)" -eq 1 ] || fail "SIG$sig: stderr is not one line: $(head -c 400 err.txt)"
  grep -qx 'error: interrupted (no partial output left behind)' err.txt ||
    fail "SIG$sig: stderr '$(cat err.txt)'"
  [ "$(checksum report.json)" = "$before" ] || fail "SIG$sig: the existing report changed"
  for f in model.json mixtures.csv; do [ -e "$f" ] && fail "SIG$sig: $f was written"; done
  no_temp_files .
}
interrupt INT 130
interrupt TERM 143

# A signal that arrives while an output is being written. strace holds the
# process for 5 s at the fsync before the rename, so the temporary file is
# known to exist, complete, when the signal is sent: it must be removed, the
# old file kept, the later output never started.
# mid_write SIG STATUS: a signal that stops the run; STATUS "crash" for the
# signals of a crash, which a sanitizer's own handler may report instead
# (its exit status, its lines) once the temporary files are gone.
mid_write() {
  local sig=$1 expected=$2
  rm -f out.txt err.txt model.json ./*.unbake-tmp-*
  (
    ulimit -c 0
    exec strace -f -qq -o /dev/null -e trace=fsync -e inject=fsync:delay_enter=5s \
      bash -c 'exec "$@" >out.txt 2>err.txt' _ "$bin" fit small -k 2 --min-df 1 --json report.json \
      --model model.json 2>strace.txt
  ) &
  local tracer=$!
  local seen=""
  for _ in $(seq 200); do
    seen=$(find . -maxdepth 1 -name 'report.json.unbake-tmp-*')
    [ -n "$seen" ] && break
    sleep 0.05
  done
  local pid
  pid=$(pgrep -P "$tracer" | head -1)
  if [ -z "$seen" ] || [ -z "$pid" ]; then
    fail "SIG$sig: no temporary file was seen being written"
    wait "$tracer"
    return
  fi
  kill -s "$sig" "$pid"
  wait "$tracer"
  local got=$?
  if [ "$expected" = crash ]; then
    [ "$got" -ne 0 ] || fail "SIG$sig mid-write: exit status 0"
  else
    [ "$got" -eq "$expected" ] || fail "SIG$sig mid-write: exit status $got, expected $expected"
    grep -qx 'error: interrupted (no partial output left behind)' err.txt ||
      fail "SIG$sig mid-write: stderr '$(cat err.txt)'"
    [ "$(wc -l <err.txt)" -eq 1 ] || fail "SIG$sig mid-write: stderr is not one line"
  fi
  [ "$(checksum report.json)" = "$before" ] || fail "SIG$sig mid-write: the existing report changed"
  [ -e model.json ] && fail "SIG$sig mid-write: model.json was written"
  no_temp_files .
}
if strace -f -qq -o /dev/null -e trace=fsync -e inject=fsync:delay_enter=1ms true 2>/dev/null; then
  small_corpus small
  mid_write QUIT 131
  mid_write USR1 138
  mid_write RTMIN+1 163 # real-time signals end a process too
  mid_write ABRT crash
  mid_write SEGV crash
else
  echo "skipped: signals during a write need strace with fault injection (and ptrace)"
fi

finish

#!/usr/bin/env bash
# Ctrl-C (SIGINT) or kill (SIGTERM) while unbake computes asks the library to
# stop: it throws at its next check (every iteration, document, fit), main()
# removes what it was writing, prints one line and dies of the signal (exit
# status 128 + signal in the shell: 130, 143). A step that does not check
# within 2 s, or a second signal, stops it at once, as any other signal that
# ends the process (SIGQUIT, SIGUSR1, ...) always does, and as SIGINT does
# while outputs are written. Either way an existing output is left as it was,
# no output of the run appears, no temporary file is left.
set -uo pipefail
source "$(dirname "$0")/lib/expect.bash"
expect_setup "$@"
# Job control: background jobs of a script would otherwise ignore SIGINT.
set -m

# A corpus whose factorization takes far longer than any wait below: 3000
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

# wait_for PID FILE PATTERN: until FILE has a line matching PATTERN (true), or
# PID ends first or two minutes pass (false).
wait_for() {
  local pid=$1 file=$2 pattern=$3
  for _ in $(seq 1200); do
    grep -q -- "$pattern" "$file" 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# stopped PID LABEL: PID must end within a minute (it is killed otherwise);
# sets $got to its exit status.
stopped() {
  local pid=$1 label=$2
  if ! timeout 60 tail --pid="$pid" -f /dev/null; then
    kill -9 "$pid"
    fail "$label: the run did not stop"
  fi
  wait "$pid"
  got=$?
}

# The signal once the -v log says the factorization is under way: the
# library stops at its next iteration.
interrupt() {
  local sig=$1 expected=$2
  "$bin" -v fit corpus -k 60 --tol 1e-300 --max-iter 100000 --json report.json --model model.json \
    --mixtures-csv mixtures.csv >out.txt 2>err.txt &
  local pid=$!
  if ! wait_for "$pid" err.txt '^debug: factorizing, iteration '; then
    fail "SIG$sig: the factorization was not seen starting: $(grep -v '^debug: ' err.txt)"
    kill -9 "$pid" 2>/dev/null
    wait "$pid"
    return
  fi
  kill -s "$sig" "$pid"
  stopped "$pid" "SIG$sig"
  [ "$got" -eq "$expected" ] || fail "SIG$sig: exit status $got, expected $expected"
  grep -v '^debug: ' err.txt >said.txt
  [ "$(wc -l <said.txt)" -eq 1 ] || fail "SIG$sig: stderr is not one line: $(head -c 400 said.txt)"
  grep -qx 'error: interrupted (no partial output left behind)' said.txt ||
    fail "SIG$sig: stderr '$(cat said.txt)'"
  # Stopped by the library's check, not by the handler's fallback.
  grep -qx "debug: SIG$sig: the running step stopped at its next check" err.txt ||
    fail "SIG$sig: not stopped at a check: $(tail -n 3 err.txt)"
  [ "$(checksum report.json)" = "$before" ] || fail "SIG$sig: the existing report changed"
  for f in model.json mixtures.csv; do [ -e "$f" ] && fail "SIG$sig: $f was written"; done
  no_temp_files .
}
interrupt INT 130
interrupt TERM 143

# A step that never reaches a check: reading a matrix from a FIFO whose writer
# sends nothing. After SIGINT the handler waits 2 s for a check, then stops
# the run itself; a second signal stops it at once (and the run dies of that one).
# stuck LABEL STATUS LINE SIGNAL...
stuck() {
  local label=$1 expected=$2 line=$3
  shift 3
  printf 'previous result\n' >result.json
  local kept
  kept=$(checksum result.json)
  "$bin" factor fifo.mtx -k 2 -o result.json --w w.csv >out.txt 2>err.txt &
  local pid=$!
  # The FIFO is open: the command runs (the signal is not caught during parsing).
  local open=""
  for _ in $(seq 1200); do
    if ls -l "/proc/$pid/fd" 2>/dev/null | grep -q 'fifo\.mtx'; then
      open=yes
      break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ -z "$open" ]; then
    fail "$label: the FIFO was never opened: $(cat err.txt)"
    kill -9 "$pid" 2>/dev/null
    wait "$pid"
    return
  fi
  for sig in "$@"; do kill -s "$sig" "$pid"; done
  stopped "$pid" "$label"
  [ "$got" -eq "$expected" ] || fail "$label: exit status $got, expected $expected"
  [ "$(wc -l <err.txt)" -eq 1 ] || fail "$label: stderr is not one line: $(head -c 400 err.txt)"
  grep -qx -- "$line" err.txt || fail "$label: stderr '$(cat err.txt)'"
  [ "$(checksum result.json)" = "$kept" ] || fail "$label: the existing result changed"
  [ -e w.csv ] && fail "$label: w.csv was written"
  no_temp_files .
}
if [ -d /proc/self/fd ]; then
  mkfifo fifo.mtx
  sleep 1000 >fifo.mtx &
  writer=$!
  stuck "SIGINT, no check" 130 \
    'error: interrupted: the running step did not stop within 2 s (no partial output left behind)' INT
  stuck "SIGINT then SIGTERM" 143 'error: interrupted (no partial output left behind)' INT TERM
  kill "$writer"
  wait "$writer" 2>/dev/null
else
  skip_part "a step without checks needs /proc to see the FIFO opened"
fi

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
  # Writing checks nothing: SIGINT and SIGTERM stop it at once, too.
  mid_write INT 130
  mid_write TERM 143
  mid_write QUIT 131
  mid_write USR1 138
  mid_write RTMIN+1 163 # real-time signals end a process too
  mid_write ABRT crash
  mid_write SEGV crash
else
  skip_part "signals during a write need strace with fault injection (and ptrace)"
fi

finish

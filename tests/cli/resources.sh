#!/usr/bin/env bash
# Requests beyond the machine: --max-iter 2147483647 on a small matrix runs
# (the objective trace grows as iterations run); a tiny .mtx declaring a
# 50000000 x 50000000 shape is refused with the memory estimate before any
# allocation; --threads far above the cores is capped with one warning and
# gives the same factors; threads the process may not start are an error.
set -uo pipefail
source "$2/tests/cli/lib/expect.bash"
expect_setup "$@"
[ -n "$py" ] || { echo "skipped: no python3 to read the JSON"; exit 77; }

"$py" - <<'PY'
import random
random.seed(3)
with open("small.mtx", "w") as f:
    f.write("%%MatrixMarket matrix coordinate real general\n20 15 300\n")
    for i in range(20):
        for j in range(15):
            f.write(f"{i + 1} {j + 1} {1 + (i * j) % 7 + random.random()}\n")
PY
printf '%%%%MatrixMarket matrix coordinate real general\n50000000 50000000 2\n1 1 1\n2 2 2\n' >huge_shape.mtx

expect_ok "$bin" factor small.mtx -k 3 --max-iter 2147483647 -o iter.json
"$py" -c "import json,sys; j=json.load(open('iter.json')); sys.exit(not j['converged'])" ||
  fail "--max-iter 2147483647: the fit did not converge"

# k = 500 needs terabytes, more than any machine this runs on: the estimate
# refuses it before anything is allocated.
expect_error 1 '^error: huge_shape\.mtx: factoring needs about [0-9.]+ GB at k = 500 \(50000000 x 50000000\), more than this machine.s [0-9.]+ GB$' \
  "$bin" factor huge_shape.mtx -k 500 -o shape.json
[ -e shape.json ] && fail "a refused fit wrote shape.json"
# Under `ulimit -v` the limit is what counts, not the machine's memory: k = 3
# needs about 20 GB, refused within 4 GB (were the estimate skipped, the
# allocation would fail instead, with another message).
# AddressSanitizer reserves terabytes of address space for its shadow memory
# and cannot start under `ulimit -v`, nor can LeakSanitizer without a thread.
sanitized=false
# grep reads all of ldd's output: with -q it could stop at the match, ldd
# then dies of SIGPIPE, and pipefail turns the match into a miss (seen on a
# loaded machine).
ldd "$bin" 2>/dev/null | grep 'libasan' >/dev/null && sanitized=true
if $sanitized; then
  skip_part "the ulimit -v part: AddressSanitizer cannot start under an address-space limit"
else
  expect_error 1 '^error: huge_shape\.mtx: factoring needs about [0-9.]+ GB at k = 3 \(50000000 x 50000000\), more than this machine.s 4\.[0-9] GB$' \
    bash -c 'ulimit -v 4000000 && exec "$0" "$@"' "$bin" factor huge_shape.mtx -k 3 -o shape.json
  [ -e shape.json ] && fail "a refused fit wrote shape.json"
fi

# A huge count is lowered to 4 x the cores, warned about once, and (results
# never depend on the count) factors exactly as one thread does.
expect_ok "$bin" factor small.mtx -k 3 --threads 1 -o one.json
for n in 40000 65536 2147483647; do
  expect_ok "$bin" factor small.mtx -k 3 --threads "$n" -o many.json
  [ "$(grep -c 'warning: --threads' err.txt)" -eq 1 ] || fail "--threads $n: not one warning: $(cat err.txt)"
  "$py" -c "import json,sys; a,b=(json.load(open(f)) for f in ('one.json','many.json'))
[d.pop('seconds') for d in (a,b)]; sys.exit(a!=b)" || fail "--threads $n changed the factors"
done
small_corpus docs
expect_ok "$bin" fit docs -k 2 --min-df 1 --threads 100000 --json fit.json
[ -s fit.json ] || fail "fit --threads 100000 wrote no result"

# Thread creation that fails (a per-user process limit of 2 leaves room for
# the main thread only) is one error line, not libgomp's exit or an abort.
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null && command -v prlimit >/dev/null; then
  jail=$(mktemp -d)
  chmod 755 "$jail"
  cp "$bin" small.mtx "$jail"/
  cp -r docs "$jail"/
  chmod -R a+rX "$jail"
  as_nobody() { (cd "$jail" && setpriv --reuid=65534 --regid=65534 --clear-groups prlimit --nproc=2 "$@"); }
  if as_nobody ./unbake factor small.mtx -k 3 --threads 1 >/dev/null 2>&1; then
    expect_error 1 '^error: cannot start [0-9]+ threads: ' as_nobody ./unbake factor small.mtx -k 3 --threads 8
    expect_error 1 '^error: cannot start [0-9]+ threads: ' as_nobody ./unbake fit docs -k 2 --min-df 1 --threads 8
    # With no second thread at all, the threads that read on all cores fail
    # first: still one error line, before any parallel region.
    if $sanitized; then
      skip_part "the one-thread limit: LeakSanitizer needs a thread of its own"
    elif [ "$(nproc)" -ge 2 ]; then
      expect_error 1 '^error: cannot start [0-9]+ threads: ' \
        bash -c 'cd "$0" && exec setpriv --reuid=65534 --regid=65534 --clear-groups prlimit --nproc=1 "$@"' \
        "$jail" ./unbake factor small.mtx -k 3 --threads 1
    fi
  else
    skip_part "the thread-limit part: unbake does not run as nobody here"
  fi
  rm -rf "$jail"
else
  skip_part "the thread-limit part: needs root, setpriv and prlimit to run as nobody with a process limit"
fi
finish

#!/usr/bin/env bash
# Solver speed of two unbake binaries, side by side on one matrix: for each
# solver and seed, the two binaries run alternately (so a burst of load on
# this shared machine hits both), and the solver's own "seconds" from
# `factor -o` is kept, the fastest of REPEATS runs per seed. Prints, per
# solver, each side's median over the seeds and the ratio new/old, with
# the load average before and after. Also checks that both give the same
# objective trace (a speed change that moves results is not a speed change).
#
# Usage: bench/compare_speed.sh OLD_BINARY NEW_BINARY MATRIX.mtx
# Environment: K (20), SEEDS ("0 1 2 3 4"), REPEATS (3), SOLVERS ("hals mu kl"),
#   THREADS (0 = all cores).
set -euo pipefail
old=$1 new=$2 matrix=$3
k=${K:-20}
seeds=${SEEDS:-0 1 2 3 4}
repeats=${REPEATS:-3}
solvers=${SOLVERS:-hals mu kl}
threads=${THREADS:-0}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for solver in $solvers; do
  for seed in $seeds; do
    for r in $(seq "$repeats"); do
      for side in old new; do
        bin=$old
        [ "$side" = new ] && bin=$new
        "$bin" -q factor "$matrix" -k "$k" --solver "$solver" --seed "$seed" --threads "$threads" \
          -o "$work/$side-$solver-$seed-$r.json"
      done
    done
  done
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$work" "$solvers" "$seeds" "$repeats" <<'PY'
import json, statistics, sys
work, solvers, seeds, repeats = sys.argv[1], sys.argv[2].split(), sys.argv[3].split(), int(sys.argv[4])
status = 0
print(f"{'solver':8} {'old s':>8} {'new s':>8} {'new/old':>8}  same results")
for s in solvers:
    best = {"old": [], "new": []}
    same = True
    for seed in seeds:
        runs = {side: [json.load(open(f"{work}/{side}-{s}-{seed}-{r}.json")) for r in range(1, repeats + 1)]
                for side in best}
        for side in best:
            best[side].append(min(j["seconds"] for j in runs[side]))
        same &= runs["old"][0]["objective_trace"] == runs["new"][0]["objective_trace"]
    o, n = statistics.median(best["old"]), statistics.median(best["new"])
    print(f"{s:8} {o:8.3f} {n:8.3f} {n / o:8.3f}  {'yes' if same else 'NO'}")
    status |= not same
sys.exit(status)
PY

#!/usr/bin/env bash
# Factorization at equal error, over several seeds: NMF's final error depends
# on its start as much as on the solver (on 20 Newsgroups, k = 20, scikit-learn's
# own cd runs end between 0.97429 and 0.97444 depending on random_state), so a
# single seed compares two draws. For seeds 0..4 this runs, side by side:
#   scikit-learn NMF(solver=cd) and NMF(solver=mu), defaults (fit alone), and
#   unbake factor: hals with UNBAKE_HALS_FLAGS, mu with UNBAKE_MU_FLAGS (whole
#   process: reading the .mtx and fitting; its summary, no output files),
# on scikit-learn's TF-IDF of the corpus (exported by bench/factor.sh), and
# prints each seed's fastest of REPEATS runs per side and the medians of time
# and error per side.
#
# Usage: bench/factor_seeds.sh [CORPUS_DIR]
# Environment: UNBAKE_BUILD_DIR, PYTHON, K (20), SEEDS ("0 1 2 3 4"), REPEATS (3),
#   UNBAKE_HALS_FLAGS ("--extrapolate"), UNBAKE_MU_FLAGS ("--tol 3e-5"): settings
#   whose median error, over seeds 0-4 on 20news/train (k = 20), is at or below
#   the peer solver's median (hals at the default tol: 0.974370 against cd's
#   0.974374; mu at 3e-5: 0.97446 against mu's 0.97457, with a margin: at 5e-5 it
#   ends at 0.97452, at the default 1e-4 at 0.97477, above the peer).
set -euo pipefail

source "$(dirname "$0")/common.sh"
corpus=${1:-$repo/../shared/corpora/20news/train}
k=${K:-20}
read -r -a seeds <<<"${SEEDS:-0 1 2 3 4}"
repeats=${REPEATS:-3}
read -r -a hals_flags <<<"${UNBAKE_HALS_FLAGS:---extrapolate}"
read -r -a mu_flags <<<"${UNBAKE_MU_FLAGS:---tol 3e-5}"

need_unbake factor_seeds.sh
need_peer factor_seeds.sh
matrix=$bench/out/$(basename "$(dirname "$corpus")")_$(basename "$corpus")_tfidf.mtx
if [[ ! -s $matrix ]]; then
  mkdir -p "$bench/out"
  "$python" "$bench/peer.py" export "$corpus" "$matrix"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Sides alternate run by run, seed by seed, and each seed is timed REPEATS
# times on each side, keeping the fastest: load on this kind of machine comes
# in bursts (a burst slowed one side's whole block of runs by up to 1.7x when
# the sides ran one block after the other), and the fastest of a few runs is
# the least disturbed one.
unbake_run() {  # seed, solver, flags...: appends one JSON line to $tmp/ub-<solver>.jsonl
  local seed=$1 ours=$2
  shift 2
  local start end
  start=$(date +%s.%N)
  # The summary (stdout), as in harness.sh: no output files, like the peer's fit alone.
  "$unbake" -q factor "$matrix" -k "$k" --solver "$ours" --seed "$seed" "$@" >"$tmp/ours.txt"
  end=$(date +%s.%N)
  printf '{"seed": %s, "seconds": %.6f, "iterations": %s, "relative_error": %s}\n' "$seed" \
    "$(echo "$end - $start" | bc -l)" "$(summary_value "$tmp/ours.txt" iterations)" \
    "$(summary_value "$tmp/ours.txt" 'relative error')" >>"$tmp/ub-$ours.jsonl"
}

for pair in cd:hals mu:mu; do
  sk_solver=${pair%%:*}
  ours=${pair##*:}
  flags=("${hals_flags[@]}")
  [[ $ours == mu ]] && flags=("${mu_flags[@]}")
  : >"$tmp/sk-$sk_solver.jsonl"
  : >"$tmp/ub-$ours.jsonl"
  for seed in "${seeds[@]}"; do
    for ((r = 1; r <= repeats; ++r)); do
      echo "seed $seed, run $r of $repeats: scikit-learn NMF solver=$sk_solver, unbake --solver $ours ${flags[*]} ..." >&2
      "$python" "$bench/factor_seeds.py" "$matrix" "$sk_solver" "$k" "$seed" >>"$tmp/sk-$sk_solver.jsonl"
      unbake_run "$seed" "$ours" "${flags[@]}"
    done
  done
done

echo
echo "matrix: $matrix, k = $k, $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "unbake hals flags: ${hals_flags[*]}; unbake mu flags: ${mu_flags[*]}; fastest of $repeats runs per seed and side"
"$python" - "$tmp" "${seeds[@]}" <<'PY'
import json, statistics, sys
tmp, seeds = sys.argv[1], sys.argv[2:]
def load(name):
    # The fastest run of each seed; its iterations and error are the same in every run.
    best = {}
    for line in open(f"{tmp}/{name}.jsonl"):
        run = json.loads(line)
        if run["seed"] not in best or run["seconds"] < best[run["seed"]]["seconds"]:
            best[run["seed"]] = run
    return [best[int(seed)] for seed in seeds]
print(f"{'pair':<9} {'seed':>4} {'sk s':>8} {'unbake s':>9} {'ratio':>7} {'sk it':>6} {'ub it':>6} {'sk error':>10} {'ub error':>10}")
for sk_name, ub_name in (("cd", "hals"), ("mu", "mu")):
    sk, ub = load("sk-" + sk_name), load("ub-" + ub_name)
    for a, b in zip(sk, ub):
        print(f"{sk_name}/{ub_name:<6} {a['seed']:>4} {a['seconds']:8.2f} {b['seconds']:9.2f} {a['seconds'] / b['seconds']:7.2f} "
              f"{a['iterations']:6d} {b['iterations']:6d} {a['relative_error']:10.6f} {b['relative_error']:10.6f}")
    med = lambda rows, key: statistics.median(r[key] for r in rows)
    print(f"{sk_name}/{ub_name:<6} {'med':>4} {med(sk, 'seconds'):8.2f} {med(ub, 'seconds'):9.2f} "
          f"{med(sk, 'seconds') / med(ub, 'seconds'):7.2f} {'':6} {'':6} {med(sk, 'relative_error'):10.6f} "
          f"{med(ub, 'relative_error'):10.6f}")
PY

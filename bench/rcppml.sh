#!/usr/bin/env bash
# unbake against RcppML (Debian r-cran-rcppml), side by side in one run, at
# equal error.
#
# Usage: bench/rcppml.sh [--seeds N] [--no-large] [--large N] [--threads T]
#
#   Cases: scikit-learn's TF-IDF of 20news/train at k = 20 and k = 50, and the
#   generated corpus of --large N documents (default 200000; bench/make_corpus.py)
#   as vectorized by unbake, at k = 50.
#   --seeds N    seeds 0..N-1 on both sides (default 5; 3 on the large corpus)
#   --threads T  threads for both (default 2)
#
# Per case: `unbake factor -k K` with its defaults, whole process (GNU time)
# and solver alone (its `seconds`), medians over the seeds; then RcppML's nmf
# (fit alone, timed inside R, the matrix already read) at tol 1e-4, 1e-5,
# 1e-6 and 1e-7 until its median error is at or below unbake's. If RcppML's
# loosest run is already below unbake's error, unbake is run at tighter tols
# instead until it reaches RcppML's. Targets: RcppML's fit time is at least 5x
# unbake's whole process and at least 10x its solver. Everything lands in
# bench/out/rcppml/; the table is bench/out/rcppml/table.txt.
set -euo pipefail
source "$(dirname "$0")/common.sh"

seeds=5 large=200000 threads=2
while (($#)); do
  case $1 in
    --seeds) seeds=${2:?}; shift ;;
    --large) large=${2:?}; shift ;;
    --no-large) large= ;;
    --threads) threads=${2:?}; shift ;;
    *) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 2 ;;
  esac
  shift
done
need_unbake rcppml.sh
command -v Rscript >/dev/null && Rscript -e 'library(RcppML)' >/dev/null 2>&1 ||
  { echo "rcppml.sh: R with RcppML is missing (apt-get install r-cran-rcppml)" >&2; exit 1; }
need_peer rcppml.sh

out=$bench/out/rcppml
mkdir -p "$out"
rows=$out/rows.tsv
: >"$rows"
note() { echo "rcppml: $*" >&2; }

# unbake_runs MATRIX K N FLAGS...: one JSON line per seed (whole seconds, solver seconds, error).
unbake_runs() {
  local m=$1 k=$2 n=$3 s
  shift 3
  for ((s = 0; s < n; s++)); do
    /usr/bin/time -f '%e' -o "$out/time" "$unbake" -q factor "$m" -k "$k" --seed "$s" --threads "$threads" \
      -o "$out/u.json" "$@" >/dev/null
    "$python" -c 'import json, sys
r = json.load(open(sys.argv[1]))
print(json.dumps({"whole": float(open(sys.argv[2]).read().split()[-1]), "seconds": r["seconds"],
                  "relative_error": r["relative_error"], "iterations": r["iterations"]}))' "$out/u.json" "$out/time"
  done
}

median() {  # FILE KEY
  "$python" -c 'import json, statistics, sys
print(statistics.median(json.loads(l)[sys.argv[2]] for l in open(sys.argv[1])))' "$1" "$2"
}

run_case() {  # LABEL MATRIX K SEEDS
  local label=$1 m=$2 k=$3 n=$4 tol e_u e_r peer=$out/peer.jsonl ours=$out/unbake.jsonl utol=default
  note "$label: unbake defaults, seeds 0-$((n - 1))"
  unbake_runs "$m" "$k" "$n" >"$ours"
  e_u=$(median "$ours" relative_error)
  local rtol=
  for tol in 1e-4 1e-5 1e-6 1e-7; do
    note "$label: RcppML tol $tol"
    # shellcheck disable=SC2046
    Rscript "$bench/rcppml_fit.R" "$m" "$k" "$threads" "$tol" 10000 $(seq 0 $((n - 1))) >"$peer"
    e_r=$(median "$peer" relative_error)
    rtol=$tol
    "$python" -c 'import sys; sys.exit(0 if float(sys.argv[1]) <= float(sys.argv[2]) * (1 + 1e-7) else 1)' \
      "$e_r" "$e_u" && break
  done
  # RcppML's loosest run already below unbake's defaults: tighten unbake instead.
  if [[ $rtol = 1e-4 ]] && "$python" -c 'import sys; sys.exit(0 if float(sys.argv[1]) < float(sys.argv[2]) else 1)' \
    "$e_r" "$e_u"; then
    for tol in 3e-6 1e-6 3e-7 1e-7; do
      note "$label: unbake --tol $tol (RcppML's loosest run is lower)"
      unbake_runs "$m" "$k" "$n" --tol "$tol" >"$ours"
      e_u=$(median "$ours" relative_error)
      utol=$tol
      "$python" -c 'import sys; sys.exit(0 if float(sys.argv[1]) <= float(sys.argv[2]) * (1 + 1e-7) else 1)' \
        "$e_u" "$e_r" && break
    done
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$utol" "$(median "$ours" whole)" "$(median "$ours" seconds)" \
    "$e_u" "$rtol" "$(median "$peer" seconds)" "$e_r" >>"$rows"
  cp "$ours" "$out/$(echo "$label" | tr ' /=' '___')-unbake.jsonl"
  cp "$peer" "$out/$(echo "$label" | tr ' /=' '___')-rcppml.jsonl"
}

tfidf=$bench/out/harness/20news-train-sklearn-tfidf.mtx  # shared with harness.sh
if [[ ! -s $tfidf ]]; then
  mkdir -p "$(dirname "$tfidf")"
  "$python" "$bench/peer.py" export "$repo/../shared/corpora/20news/train" "$tfidf" >&2
fi
run_case "20news/train k=20" "$tfidf" 20 "$seeds"
run_case "20news/train k=50" "$tfidf" 50 "$seeds"
if [[ -n $large ]]; then
  nice -n 19 "$python" "$bench/make_corpus.py" "$large" >&2
  big=$out/corpus-$large.mtx
  [[ -s $big ]] || "$unbake" -q vectorize "$bench/out/corpus-$large" -o "$big"
  run_case "corpus-$large k=50" "$big" 50 $((seeds < 3 ? seeds : 3))
fi

"$python" - "$rows" <<'PY' | tee "$out/table.txt"
import sys
print(f"{'case':<24} {'unbake tol':>10} {'whole s':>8} {'solver s':>8} {'error':>12}   {'RcppML tol':>10} {'fit s':>8} {'error':>12}   {'fit/whole':>9} {'fit/solver':>10}")
for line in open(sys.argv[1]):
    case, utol, whole, solver, eu, rtol, fit, er = line.rstrip("\n").split("\t")
    whole, solver, fit, eu, er = map(float, (whole, solver, fit, eu, er))
    r1, r2 = fit / whole, fit / solver
    reached = er <= eu * (1 + 1e-7) or eu <= er * (1 + 1e-7)
    print(f"{case:<24} {utol:>10} {whole:8.3f} {solver:8.3f} {eu:12.8f}   {rtol:>10} {fit:8.3f} {er:12.8f}   {r1:9.1f} {r2:10.1f}")
    status = lambda ok: "met" if ok else "MISSED"
    print(f"  {case}: whole process >= 5x: {status(r1 >= 5)}; solver >= 10x: {status(r2 >= 10)}"
          + ("" if reached else "; errors not equal (neither side reached the other)"))
PY

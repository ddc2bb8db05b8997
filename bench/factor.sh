#!/usr/bin/env bash
# Factorization speed, side by side on the same matrix: scikit-learn's NMF
# (solver 'cd' and 'mu', init nndsvda, tol 1e-4, max_iter 200; fit alone, matrix
# already in memory) against the whole `unbake factor` process (reading the
# ~30 MB MatrixMarket file, fitting, writing the JSON result) with hals and mu.
# The matrix is scikit-learn's TF-IDF of 20news/train, exported once and cached
# in bench/out/ (git-ignored).
#
# Usage: bench/factor.sh [CORPUS_DIR]   (default: ../shared/corpora/20news/train)
# Environment: UNBAKE_BUILD_DIR (default build), PYTHON (default /usr/bin/python3,
# which must have scikit-learn), K (default 20), THREADS (unbake --threads, default 0 = all cores).
set -euo pipefail

source "$(dirname "$0")/common.sh"
corpus=${1:-$repo/../shared/corpora/20news/train}
k=${K:-20}
threads=${THREADS:-0}

[[ -d $corpus ]] || { echo "factor.sh: $corpus not found" >&2; exit 1; }
need_unbake factor.sh
need_peer factor.sh

mkdir -p "$bench/out"
matrix=$bench/out/$(basename "$(dirname "$corpus")")_$(basename "$corpus")_tfidf.mtx
if [[ ! -s $matrix ]]; then
  echo "exporting scikit-learn's TF-IDF of $corpus to $matrix ..." >&2
  "$python" "$bench/peer.py" export "$corpus" "$matrix"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# One unbake run: prints its wall time; the JSON result is left in $tmp/ours.json.
run_unbake() {  # solver tol max_iter
  local start end
  start=$(date +%s.%N)
  "$unbake" -q factor "$matrix" -k "$k" --solver "$1" --init nndsvda --tol "$2" --max-iter "$3" \
    --threads "$threads" -o "$tmp/ours.json"
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

row() {  # label sk_solver our_solver sk_seconds our_seconds
  printf '%-13s %-6s %-6s %9.2f %9.2f %7.2f %8d %9d %12.6f %12.6f' "$1" "$2" "$3" "$4" "$5" "$(echo "$4 / $5" | bc -l)" \
    "$(json_field "$tmp/sk.json" iterations)" "$(json_field "$tmp/ours.json" iterations)" \
    "$(json_field "$tmp/sk.json" relative_error)" "$(json_field "$tmp/ours.json" relative_error)"
}

rows=()
for pair in cd:hals mu:mu; do
  sk_solver=${pair%%:*}
  our_solver=${pair##*:}
  echo "scikit-learn NMF solver=$sk_solver ..." >&2
  "$python" "$bench/peer.py" factor "$matrix" "$sk_solver" "$k" >"$tmp/sk.json"
  sk=$(json_field "$tmp/sk.json" seconds)
  echo "unbake factor --solver $our_solver ..." >&2
  ours=$(run_unbake "$our_solver" 1e-4 200)
  rows+=("$(row "same options" "$sk_solver" "$our_solver" "$sk" "$ours")")
  # The two stopping rules differ (scikit-learn compares the error with the
  # initial one every 10 iterations), so also run exactly as many iterations.
  iters=$(json_field "$tmp/sk.json" iterations)
  echo "unbake factor --solver $our_solver --max-iter $iters (no early stop) ..." >&2
  ours=$(run_unbake "$our_solver" 1e-300 "$iters")
  rows+=("$(row "same iters" "$sk_solver" "$our_solver" "$sk" "$ours")")
done

shape=$(sed -n '/^[^%]/{p;q}' "$matrix")
echo
echo "matrix: $matrix ($shape: rows columns non-zeros), k = $k, $(nproc) cores"
echo "seconds: scikit-learn = NMF.fit alone; unbake = whole process (read .mtx, fit, write JSON)"
echo "ratio = scikit-learn seconds / unbake seconds (> 1: unbake faster); error = ||V - WH||_F / ||V||_F"
printf '%-13s %-6s %-6s %9s %9s %7s %8s %9s %12s %12s\n' run sklearn unbake "sk s" "unbake s" ratio "sk iter" \
  "unbake it" "sk error" "unbake error"
printf '%s\n' "${rows[@]}"

#!/usr/bin/env bash
# The HTML page's cost: for each corpus, its size, what `fit --html` adds to
# fit's wall time (rounds alternate with and without it; the median of the
# ratios is the number), and the time headless Chromium takes from navigation
# start until the page is ready (its body's data-ready-ms).
#
# Usage: bench/html_report.sh [ROUNDS] [CORPUS_DIR K]...
#   default: 7 rounds; ../shared/corpora/bbc with k=5 and 20news/train with k=20.
set -euo pipefail
source "$(dirname "$0")/common.sh"
need_unbake html_report.sh
rounds=${1:-7}
shift || true
if [[ $# -eq 0 ]]; then set -- "$repo/../shared/corpora/bbc" 5 "$repo/../shared/corpora/20news/train" 20; fi
out=$bench/out/html
mkdir -p "$out"

wall() {  # wall seconds of one run of "$@"
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

while (($# >= 2)); do
  corpus=$1 k=$2
  shift 2
  [[ -d $corpus ]] || { echo "skipped: $corpus not found"; continue; }
  name=$(basename "$corpus")
  page=$out/$name.html
  ratios=()
  for ((r = 0; r < rounds; r++)); do
    plain=$(wall "$unbake" -q fit "$corpus" -k "$k" --seed "$r")
    with=$(wall "$unbake" -q fit "$corpus" -k "$k" --seed "$r" --html "$page")
    ratios+=("$(echo "scale=4; $with / $plain" | bc)")
    echo "$name round $r: fit $plain s, fit --html $with s"
  done
  median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$name: page $(stat -c %s "$page") bytes; fit --html / fit, median of $rounds rounds: $median"
  "$python" "$bench/html_render.py" "$page" 5 || echo "$name: render time not measured (see above)"
done

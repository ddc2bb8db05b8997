#!/usr/bin/env bash
# Folder -> TF-IDF speed, side by side: `unbake vectorize` against
# scikit-learn's TfidfVectorizer (bench/peer.py vectorize) with the same
# stopwords (scikit-learn's English list) and pruning (min_df=2, max_df=0.95),
# best of 3 runs each, taken in turns.
#
# Usage: bench/vectorize.sh [CORPUS_DIR]   (default: ../shared/corpora/20news/train)
# Environment: UNBAKE_BUILD_DIR (default build), PYTHON (default /usr/bin/python3,
# which must have scikit-learn), THREADS (unbake --threads, default 0 = all cores).
# unbake's time is the whole command: listing, reading, tokenizing, weighting and
# writing the MatrixMarket file (scikit-learn writes nothing).
set -euo pipefail

source "$(dirname "$0")/common.sh"
corpus=${1:-$repo/../shared/corpora/20news/train}
threads=${THREADS:-0}

[[ -d $corpus ]] || { echo "vectorize.sh: $corpus not found" >&2; exit 1; }
need_unbake vectorize.sh
need_peer vectorize.sh

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$python" "$bench/peer.py" stopwords "$tmp/stopwords.txt"

# The two sides alternate, so that a busy moment on the machine hits both.
best=
peer_seconds=
for _ in 1 2 3; do
  start=$(date +%s.%N)
  "$unbake" vectorize "$corpus" -o "$tmp/V.mtx" --terms "$tmp/terms.txt" --docs "$tmp/docs.txt" \
    --stopwords "$tmp/stopwords.txt" --min-df 2 --max-df 0.95 --threads "$threads" 2>"$tmp/log"
  end=$(date +%s.%N)
  t=$(echo "$end - $start" | bc -l)
  if [[ -z $best ]] || (($(echo "$t < $best" | bc -l))); then best=$t; cp "$tmp/log" "$tmp/best.log"; fi

  "$python" "$bench/peer.py" vectorize "$corpus" >"$tmp/peer.json"
  t=$(json_field "$tmp/peer.json" seconds)
  if [[ -z $peer_seconds ]] || (($(echo "$t < $peer_seconds" | bc -l))); then peer_seconds=$t; fi
done
ours_terms=$(wc -l <"$tmp/terms.txt")
ours_docs=$(wc -l <"$tmp/docs.txt")
peer_terms=$(json_field "$tmp/peer.json" terms)
peer_docs=$(json_field "$tmp/peer.json" documents)

echo "corpus: $corpus ($(nproc) cores, unbake --threads $threads)"
printf '%-28s %10s %12s %10s\n' "" seconds documents terms
printf '%-28s %10.3f %12d %10d\n' "unbake vectorize" "$best" "$ours_docs" "$ours_terms"
printf '%-28s %10.3f %12d %10d\n' "scikit-learn TfidfVectorizer" "$peer_seconds" "$peer_docs" "$peer_terms"
printf 'speed-up: %.2fx   vocabulary ratio (unbake / scikit-learn): %.3f\n' \
  "$(echo "$peer_seconds / $best" | bc -l)" "$(echo "$ours_terms / $peer_terms" | bc -l)"
echo "unbake's own account of its best run:"
sed 's/^/  /' "$tmp/best.log"

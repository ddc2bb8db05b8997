#!/usr/bin/env bash
# Peer check: unbake's TF-IDF rows against scikit-learn's TfidfVectorizer
# given our vocabulary, on the BBC corpus (../shared/corpora/bbc), for the
# default weighting (sublinear tf, smoothed idf, l2), for raw tf, and for
# sublinear tf without idf and l1 rows: every row
# must have cosine >= 0.99 with scikit-learn's. scikit-learn gets a token
# pattern that keeps "10,000m" whole as Unicode word segmentation does (see
# tests/peer/compare_tfidf.py); the difference with its default pattern is
# printed for information only.
set -uo pipefail
bin=$1
src=$2
corpus=$src/../shared/corpora/bbc
py=/usr/bin/python3
if [[ ! -d $corpus ]]; then
  echo "SKIP: $corpus not found (the shared corpora are not part of a clone)"
  exit 77
fi
if ! "$py" -c 'import sklearn, scipy, numpy' 2>/dev/null; then
  echo "SKIP: $py has no scikit-learn/scipy/numpy"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

vectorize() {
  "$bin" vectorize "$corpus" -o "$tmp/V.mtx" --terms "$tmp/terms.txt" --docs "$tmp/docs.txt" "$@" || exit 1
}
compare() {
  "$py" "$src/tests/peer/compare_tfidf.py" "$corpus" "$tmp/V.mtx" "$tmp/terms.txt" "$tmp/docs.txt" "$@"
}
echo "== the defaults: sublinear tf, smoothed idf, l2"
vectorize
compare --sublinear-tf || exit 1
echo "== the same, scikit-learn's default token pattern (information only)"
compare --sublinear-tf --tokens default --min-cosine 0 --worst 3
echo "== raw tf, smoothed idf, l2 (scikit-learn's default weighting)"
vectorize --raw-tf
compare || exit 1
echo "== sublinear tf, no idf, l1"
vectorize --sublinear-tf --no-idf --norm l1
compare --sublinear-tf --no-idf --norm l1 || exit 1
echo "peer TF-IDF check: ok"

#!/usr/bin/env bash
# What reading posts as mail costs: `unbake vectorize` of a corpus with
# --format auto (each post parsed as mail: headers, quotes and signatures
# dropped) against --format text (every byte read as text), in turns, ROUNDS
# rounds; the ratio of the two in each round, then their median. The whole
# command is timed (listing, reading, tokenizing, weighting, writing).
#
# Usage: bench/mail_read.sh [CORPUS_DIR] [ROUNDS]   (default: ../shared/corpora/20news/train, 7)
# Environment: UNBAKE_BUILD_DIR (default build), THREADS (default 1).
set -euo pipefail

source "$(dirname "$0")/common.sh"
corpus=${1:-$repo/../shared/corpora/20news/train}
rounds=${2:-7}
threads=${THREADS:-1}
[[ -d $corpus ]] || { echo "mail_read.sh: $corpus not found" >&2; exit 1; }
need_unbake mail_read.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

run() {  # FORMAT -> seconds
  local start end
  start=$(date +%s.%N)
  "$unbake" -q vectorize "$corpus" --format "$1" --threads "$threads" -o "$tmp/$1.mtx"
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { print b - a }'
}

ratios=()
printf '%-6s %10s %10s %7s\n' round text_s mail_s ratio
for r in $(seq "$rounds"); do
  # Alternate which goes first, so that neither always meets a warm cache.
  if (( r % 2 )); then t=$(run text); m=$(run auto); else m=$(run auto); t=$(run text); fi
  ratio=$(awk -v a="$m" -v b="$t" 'BEGIN { print a / b }')
  ratios+=("$ratio")
  printf '%-6s %10.3f %10.3f %7.3f\n' "$r" "$t" "$m" "$ratio"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
printf 'median ratio mail/text: %.3f (bar: 1.5)\n' "$median"

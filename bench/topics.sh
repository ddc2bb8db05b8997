#!/usr/bin/env bash
# Topic quality side by side: unbake fit against the scikit-learn peer
# (bench/sklearn_topics.py), both judged by bench/score_topics.py.
#
# Usage: bench/topics.sh [CORPUS_DIR K]...
#   With no arguments: ../shared/corpora/bbc with k=5 and
#   ../shared/corpora/20news/train with k=20 (relative to the repository).
# Environment: UNBAKE_BUILD_DIR (default build), PYTHON (default /usr/bin/python3,
# which must have scikit-learn).
# Reports, scores and logs land in bench/out/ (git-ignored).
set -euo pipefail

source "$(dirname "$0")/common.sh"
out=$bench/out
shared=
if [[ -d $repo/../shared/corpora ]]; then shared=$(cd "$repo/../shared/corpora" && pwd); fi
mkdir -p "$out"

if [[ $# -eq 0 ]]; then
  set -- "$repo/../shared/corpora/bbc" 5 "$repo/../shared/corpora/20news/train" 20
fi
if (($# % 2)); then
  echo "usage: $0 [CORPUS_DIR K]..." >&2
  exit 2
fi
if ! "$python" -c 'import sklearn' 2>/dev/null; then
  echo "topics.sh: $python has no scikit-learn (install python3-sklearn, or set PYTHON)" >&2
  exit 1
fi

have_fit=1
if [[ ! -x $unbake ]]; then
  echo "note: $unbake not found (build it with scripts/build.sh); scoring only the scikit-learn peer" >&2
  have_fit=0
elif ! grep -Eq '^[[:space:]]+fit[[:space:]]' <<<"$("$unbake" --help 2>/dev/null || true)"; then
  echo "note: $unbake has no 'fit' subcommand yet; scoring only the scikit-learn peer" >&2
  have_fit=0
fi

now() { date +%s.%N; }
seconds=0
rows=$out/topics-rows.tsv
: >"$rows"

# run NAME SECONDS_VAR command... : runs one pipeline with its stderr in a log,
# returns its status and leaves the wall time in the named variable.
run() {
  local log=$1 __var=$2 start status=0
  shift 2
  start=$(now)
  "$@" 2>"$log" || status=$?
  printf -v "$__var" '%s' "$(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }')"
  if ((status)); then
    echo "  failed (exit $status); last lines of $log:" >&2
    tail -n 5 "$log" >&2
  fi
  return $status
}

while (($#)); do
  corpus=$1 k=$2
  shift 2
  if [[ ! -d $corpus ]]; then
    echo "skipping $corpus: no such folder (the shared corpora live beside the repository)" >&2
    continue
  fi
  corpus=$(cd "$corpus" && pwd)
  # Shared corpora are named as in their collection (20news/train); others by folder name.
  label=$(basename "$corpus")
  if [[ -n $shared && $corpus = "$shared"/* ]]; then label=${corpus#"$shared"/}; fi
  name=${label//\//-}-k$k
  pipelines=(sklearn)
  ((have_fit)) && pipelines=(unbake sklearn)
  for pipeline in "${pipelines[@]}"; do
    report=$out/$name-$pipeline.json
    echo "== $name: $pipeline" >&2
    if [[ $pipeline = unbake ]]; then
      run "$out/$name-$pipeline.log" seconds "$unbake" fit "$corpus" -k "$k" --json "$report" || continue
    else
      run "$out/$name-$pipeline.log" seconds "$python" "$bench/sklearn_topics.py" "$corpus" -k "$k" \
        --json "$report" || continue
      cat "$out/$name-$pipeline.log" >&2
    fi
    "$python" "$bench/score_topics.py" "$report" "$corpus" --json "$report.score" >&2 || continue
    printf '%s\t%s\t%s\t%s\t%s\n' "$label" "$k" "$pipeline" "$seconds" "$report.score" >>"$rows"
  done
done

echo
"$python" - "$rows" <<'EOF'
import json, sys

rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
if not rows:
    sys.exit("topics.sh: nothing was scored")
head = ("corpus", "k", "pipeline", "NMI", "ARI", "NPMI", "diversity", "seconds")
table = [head]
seconds = {}
for corpus, k, pipeline, secs, score_path in rows:
    s = json.load(open(score_path, encoding="utf-8"))
    table.append((corpus, k, pipeline, f"{s['nmi']:.3f}", f"{s['ari']:.3f}", f"{s['npmi']:.3f}",
                  f"{s['diversity']:.3f}", secs))
    seconds[(corpus, k, pipeline)] = float(secs)
widths = [max(len(r[i]) for r in table) for i in range(len(head))]
for r in table:
    print("  ".join(c.ljust(w) if i < 3 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
for (corpus, k, pipeline), secs in seconds.items():
    peer = seconds.get((corpus, k, "sklearn"))
    if pipeline == "unbake" and peer:
        print(f"{corpus} k={k}: unbake takes {secs / peer:.2f}x the time of scikit-learn")
EOF

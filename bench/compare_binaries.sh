#!/usr/bin/env bash
# Runs two unbake binaries on the same jobs and compares every output, so a
# change that should not move any result can be shown not to:
#   bash bench/compare_binaries.sh OLD_BINARY NEW_BINARY [CORPUS_DIR ...]
# Jobs: fit (--json, --model, both CSVs), transform, sweep --json on each
# corpus (default: corpora/default, and ../shared/corpora/bbc when present),
# factor (-o, --w, --h) on corpora/cakes/nutrition.csv, and factor -o with
# every solver (plain, penalised, extrapolated) on the last corpus's matrix. Text files must
# be identical byte for byte; JSON files are compared after dropping the
# fields that legitimately differ between runs or builds: every "seconds",
# and generator.version (and the text report's "seconds" line), and the
# settings keys a change removed or added on purpose (ALLOWED_MISSING and
# ALLOWED_NEW below: the thread counts, which left the settings for the
# execution context, and the NmfConfig keys that the report's model section
# and factor -o did not write before). Prints
# one line per output and exits 1 if any differs beyond those fields.
set -uo pipefail
old=${1:?usage: compare_binaries.sh OLD_BINARY NEW_BINARY [CORPUS_DIR ...]}
new=${2:?usage: compare_binaries.sh OLD_BINARY NEW_BINARY [CORPUS_DIR ...]}
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
corpora=("$@")
if [ ${#corpora[@]} -eq 0 ]; then
  corpora=("$root/corpora/default")
  [ -d "$root/../shared/corpora/bbc" ] && corpora+=("$root/../shared/corpora/bbc")
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run_jobs() {
  local bin=$1 out=$2
  mkdir -p "$out"
  local i=0
  for c in "${corpora[@]}"; do
    i=$((i + 1))
    "$bin" -q fit "$c" -k 6 --json "$out/fit$i.json" --model "$out/model$i.json" \
      --mixtures-csv "$out/mixtures$i.csv" --topics-csv "$out/topics$i.csv" >"$out/fit$i.txt" || echo "fit $c failed" >&2
    "$bin" -q transform "$out/model$i.json" "$c" --json "$out/transform$i.json" >/dev/null ||
      echo "transform $c failed" >&2
    "$bin" -q sweep "$c" -k 4:6 --resamples 2 --json "$out/sweep$i.json" >/dev/null || echo "sweep $c failed" >&2
  done
  "$bin" -q factor "$root/corpora/cakes/nutrition.csv" -k 6 -o "$out/factor.json" --w "$out/W.csv" \
    --h "$out/H.csv" || echo "factor failed" >&2
  # Every solver, with and without penalties, on the last corpus's TF-IDF.
  "$bin" -q vectorize "${corpora[-1]}" -o "$out/V.mtx" || echo "vectorize failed" >&2
  local s
  for s in hals mu kl als; do
    "$bin" -q factor "$out/V.mtx" -k 5 --solver "$s" -o "$out/factor-$s.json" || echo "factor $s failed" >&2
    "$bin" -q factor "$out/V.mtx" -k 5 --solver "$s" --l1-w 0.01 --l2-h 0.05 \
      -o "$out/factor-$s-penalised.json" || echo "factor $s penalised failed" >&2
  done
  "$bin" -q factor "$out/V.mtx" -k 5 --extrapolate -o "$out/factor-extrapolated.json" ||
    echo "factor --extrapolate failed" >&2
}

run_jobs "$old" "$work/old"
run_jobs "$new" "$work/new"

python3 - "$work/old" "$work/new" <<'PY'
import json, os, sys
old, new = sys.argv[1], sys.argv[2]

# Settings keys that may be missing on one side (and only those): every one a
# deliberate change, recorded in CHANGELOG.md.
ALLOWED_MISSING = {"threads"}
# Settings keys that the new side may add (and only there), as JSON paths: the
# report's model section and factor -o now write the whole NmfConfig.
ALLOWED_NEW = {"$.model.extrapolate", "$.l1_w", "$.l1_h", "$.l2_w", "$.l2_h"}

def strip(v):
    if isinstance(v, dict):
        return {k: strip(x) for k, x in v.items() if k != "seconds" and k not in ALLOWED_MISSING}
    if isinstance(v, list):
        return [strip(x) for x in v]
    return v

def first_difference(a, b, path="$"):
    if type(a) != type(b):
        return f"{path}: {type(a).__name__} vs {type(b).__name__}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a and f"{path}.{k}" in ALLOWED_NEW:
                continue
            if k not in a or k not in b:
                return f"{path}.{k}: only in {'new' if k not in a else 'old'}"
            d = first_difference(a[k], b[k], f"{path}.{k}")
            if d: return d
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} vs {len(b)} items"
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f"{path}[{i}]")
            if d: return d
        return None
    return None if a == b else f"{path}: {a!r} vs {b!r}"

status = 0
for name in sorted(set(os.listdir(old)) | set(os.listdir(new))):
    po, pn = os.path.join(old, name), os.path.join(new, name)
    if not (os.path.exists(po) and os.path.exists(pn)):
        print(f"{name}: missing on one side"); status = 1; continue
    if name.endswith(".json"):
        a, b = json.load(open(po)), json.load(open(pn))
        for j in (a, b):
            if isinstance(j, dict) and "generator" in j: j["generator"].pop("version", None)
        d = first_difference(strip(a), strip(b))
    else:
        # The text report's last line gives timings: the one line allowed to differ.
        read = lambda p: [l for l in open(p, "rb").read().split(b"\n") if not l.startswith(b"  seconds ")]
        d = None if read(po) == read(pn) else "bytes differ"
    print(f"{name}: {'same' if d is None else 'DIFFERS: ' + d}")
    status |= d is not None
sys.exit(status)
PY

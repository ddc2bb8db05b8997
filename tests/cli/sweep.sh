#!/usr/bin/env bash
# unbake sweep on the project's own corpus: the table and the recommendation
# are printed, the JSON has the documented shape and recommends one of the
# swept ks, the results do not depend on the thread count, and a malformed
# -k spec is a usage error (exit 2).
set -uo pipefail
bin=$1
src=$2
corpus=$src/corpora/default
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
py=/usr/bin/python3

"$bin" sweep "$corpus" -k 4:8 --resamples 3 --json "$tmp/s1.json" --threads 1 >"$tmp/out.txt" 2>"$tmp/log" ||
  { cat "$tmp/log" >&2; fail "sweep failed"; }
grep -q '^ *k  rel.error  coherence  diversity  stability' "$tmp/out.txt" || fail "no table on stdout"
for k in 4 5 6 7 8; do grep -Eq "^ +$k +[0-9.]+ " "$tmp/out.txt" || fail "no table row for k = $k"; done
grep -q '^Recommended k = [4-8]: ' "$tmp/out.txt" || fail "no recommendation line"
awk 'length > 80 { bad = 1 } END { exit bad }' "$tmp/out.txt" || fail "table or chart wider than 80 columns"
grep -qi 'error' "$tmp/log" && fail "errors logged: $(cat "$tmp/log")"

"$bin" sweep "$corpus" -k 4:8 --resamples 3 --json "$tmp/s2.json" --threads 2 >/dev/null 2>&1 ||
  fail "sweep (2 threads) failed"

if [[ -x $py ]]; then
  $py - "$tmp" <<'PY' || fail "JSON checks"
import json, sys
tmp = sys.argv[1]
s1 = json.load(open(f"{tmp}/s1.json")); s2 = json.load(open(f"{tmp}/s2.json"))
want = {"schema", "recommended_k", "reason", "results", "vectorizer", "nmf", "resamples", "sample_fraction"}
assert want <= set(s1), set(s1)
assert s1["schema"] == "unbake.sweep/1"
assert s1["resamples"] == 3 and s1["sample_fraction"] == 0.8
ks = [r["k"] for r in s1["results"]]
assert ks == [4, 5, 6, 7, 8], ks
assert s1["recommended_k"] in ks
assert isinstance(s1["reason"], str) and s1["reason"]
for r in s1["results"]:
    assert {"k", "relative_error", "coherence", "diversity", "stability", "seconds", "topics"} <= set(r), set(r)
    assert len(r["topics"]) == r["k"]
    assert 0 <= r["stability"] <= 1 and 0 < r["diversity"] <= 1 and -1 <= r["coherence"] <= 1
    assert 0 < r["relative_error"] < 1
    spread = r["resample_stability"]  # one mean agreement per resample, around the stability
    assert len(spread) == 3 and all(0 <= v <= 1 for v in spread), spread
    assert abs(sum(spread) / 3 - r["stability"]) < 1e-9, (spread, r["stability"])
    for t in r["topics"]:
        assert {"label", "coherence", "stability", "words"} <= set(t), set(t)
        assert len(t["words"]) == 10 and t["label"] == ", ".join(t["words"][:3])
# Everything but the timings is the same for 1 and 2 threads.
for r in s1["results"] + s2["results"]:
    r.pop("seconds")
assert s1 == s2, "results depend on the thread count"
PY
fi

"$bin" sweep "$corpus" -k 2: >/dev/null 2>"$tmp/log"
rc=$?
[[ $rc == 2 ]] || fail "bad -k spec: exit $rc, expected 2"
grep -q "^error: -k '2:' is not a valid range" "$tmp/log" || fail "bad -k spec: message was $(cat "$tmp/log")"
"$bin" sweep "$corpus" -k 5,3 >/dev/null 2>&1
[[ $? == 2 ]] || fail "descending -k list not refused with exit 2"
"$bin" sweep "$corpus" -k 4:6 --sample-fraction 0 >/dev/null 2>&1
[[ $? == 2 ]] || fail "--sample-fraction 0 not refused with exit 2"
echo "sweep: ok"

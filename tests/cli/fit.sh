#!/usr/bin/env bash
# unbake fit and transform end to end on the project's own corpus:
# - the text report shows one topic per theme (each theme's documents share a
#   dominant topic that no other theme has);
# - JSON has the documented keys, and transform of the training documents
#   agrees with fit (same dominant topic, mixtures within 0.02 in L1);
# - outputs are byte-identical whatever the thread count;
# - failures leave existing outputs untouched and exit 1 (runtime) or 2 (usage).
set -uo pipefail
bin=$1
src=$2
corpus=$src/corpora/default
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
py=/usr/bin/python3

"$bin" fit "$corpus" -k 6 --json "$tmp/r1.json" --model "$tmp/model.json" --mixtures-csv "$tmp/mix.csv" \
  --topics-csv "$tmp/topics.csv" --threads 1 >"$tmp/report.txt" 2>"$tmp/log" || { cat "$tmp/log" >&2; fail "fit failed"; }
grep -q '^Topic 1 of 6' "$tmp/report.txt" || fail "no topic report on stdout"
grep -q 'converged' "$tmp/report.txt" || fail "no summary in the report"
grep -q '^  quality     coherence -\?[0-9.]*, diversity [0-9.]*$' "$tmp/report.txt" || fail "no quality line in the summary"
[[ $(grep -c '^  score  coherence' "$tmp/report.txt") -eq 6 ]] || fail "not one score line per topic"
awk 'length > 80 { bad = 1 } END { exit bad }' "$tmp/report.txt" || fail "report lines wider than 80 columns"
# Counts print with thousands separators: the non-zeros line is the JSON's nnz (over 1,000 here), grouped.
nnz=$(grep -o '[0-9,]* non-zeros$' "$tmp/report.txt" | cut -d' ' -f1)
[[ $nnz =~ ^[0-9]{1,3}(,[0-9]{3})+$ ]] || fail "non-zeros count not grouped in thousands: '$nnz'"
if [[ -x $py ]]; then
  [[ ${nnz//,/} == $($py -c 'import json, sys; print(json.load(open(sys.argv[1]))["corpus"]["nnz"])' "$tmp/r1.json") ]] ||
    fail "report's non-zeros ($nnz) differ from the JSON's"
fi
[[ $(head -1 "$tmp/mix.csv") == document,topic_1,* ]] || fail "mixtures CSV header: $(head -1 "$tmp/mix.csv")"
[[ $(head -1 "$tmp/topics.csv") == topic,rank,word,weight ]] || fail "topics CSV header"

"$bin" fit "$corpus" -k 6 --json "$tmp/r2.json" --model "$tmp/model2.json" --threads 2 >"$tmp/report2.txt" 2>/dev/null ||
  fail "fit (2 threads) failed"
cmp -s "$tmp/model.json" "$tmp/model2.json" || fail "the model file depends on the thread count"

"$bin" transform "$tmp/model.json" "$corpus" --json "$tmp/t.json" >"$tmp/t.txt" 2>"$tmp/log" ||
  { cat "$tmp/log" >&2; fail "transform failed"; }
[[ -s $tmp/t.txt ]] || fail "transform printed nothing"

if [[ -x $py ]]; then
  $py - "$tmp" <<'PY' || fail "JSON checks"
import json, sys, collections
tmp = sys.argv[1]
r1 = json.load(open(f"{tmp}/r1.json")); r2 = json.load(open(f"{tmp}/r2.json"))
t = json.load(open(f"{tmp}/t.json"))
assert set(r1) == {"schema", "generator", "corpus", "vectorizer", "model", "topics", "documents", "labels", "time",
                   "groups"}, set(r1)
assert r1["schema"] == "unbake.report/1"
assert set(r1["corpus"]) >= {"root", "documents", "empty_documents", "skipped", "vocabulary", "nnz"}
m = r1["model"]
for key in ("k", "solver", "init", "seed", "tol", "iterations", "converged", "relative_error", "objective_trace", "seconds",
            "coherence", "diversity"):
    assert key in m, key
assert -1 <= m["coherence"] <= 1 and 0 < m["diversity"] <= 1, (m["coherence"], m["diversity"])
assert set(m["seconds"]) == {"read", "vectorize", "factor", "total"}
for i, topic in enumerate(r1["topics"]):
    assert topic["id"] == i and {"label", "prevalence", "words", "top_documents", "dominant_documents",
                                 "coherence", "exclusivity"} <= set(topic), set(topic)
    assert -1 <= topic["coherence"] <= 1 and 0 < topic["exclusivity"] <= 1, topic
assert sum(tp["dominant_documents"] for tp in r1["topics"]) == sum(d["dominant"] is not None for d in r1["documents"])
assert abs(m["coherence"] - sum(tp["coherence"] for tp in r1["topics"]) / len(r1["topics"])) < 1e-12
prev = [tp["prevalence"] for tp in r1["topics"]]
assert prev == sorted(prev, reverse=True), prev
# Same answer whatever the thread count (timings aside).
for r in (r1, r2):
    r["model"].pop("seconds")
for key in ("l1_w", "l1_h", "l2_w", "l2_h"):
    assert key in m, key
assert r1 == r2, "fit output depends on the thread count"
# One topic per theme.
by_theme = collections.defaultdict(collections.Counter)
for d in r1["documents"]:
    assert abs(sum(d["mixture"]) - 1) < 1e-9 or d["dominant"] is None
    by_theme[d["path"].split("/")[0]][d["dominant"]] += 1
owners = {theme: c.most_common(1)[0][0] for theme, c in by_theme.items()}
assert len(set(owners.values())) == 6, f"themes share topics: {owners}"
purity = sum(c[owners[th]] for th, c in by_theme.items()) / len(r1["documents"])
assert purity >= 0.95, f"only {purity:.2f} of documents sit in their theme's topic"
# transform agrees with fit.
fit_docs = {d["path"]: d for d in r1["documents"]}
assert len(t["documents"]) == len(fit_docs)
same = close = 0
for d in t["documents"]:
    f = fit_docs[d["path"]]
    same += d["dominant"] == f["dominant"]
    close += sum(abs(a - b) for a, b in zip(d["mixture"], f["mixture"])) <= 0.02
n = len(t["documents"])
assert same / n >= 0.99 and close / n >= 0.95, (same, close, n)
print(f"purity {purity:.3f}, transform agrees on {same}/{n} dominant topics, {close}/{n} mixtures within 0.02")
PY
fi

# The native coherence and diversity agree with bench/score_topics.py, an
# independent computation from the files (its own tokenizer; on this corpus
# the two tokenizers give every top word the same documents).
if [[ -x $py ]] && $py -c 'import sklearn, scipy' 2>/dev/null; then
  $py "$src/bench/score_topics.py" "$tmp/r1.json" "$corpus" --cache-dir "$tmp" --json "$tmp/score.json" >/dev/null ||
    fail "bench/score_topics.py failed"
  $py - "$tmp" <<'PY' || fail "native coherence/diversity disagree with bench/score_topics.py"
import json, sys
tmp = sys.argv[1]
r = json.load(open(f"{tmp}/r1.json")); s = json.load(open(f"{tmp}/score.json"))
assert abs(r["model"]["coherence"] - s["npmi"]) < 0.01, (r["model"]["coherence"], s["npmi"])
assert abs(r["model"]["diversity"] - s["diversity"]) < 1e-12, (r["model"]["diversity"], s["diversity"])
for t, c in zip(r["topics"], s["npmi_per_topic"]):
    assert abs(t["coherence"] - c) < 0.01, (t["id"], t["coherence"], c)
PY
fi

# Failures: a good earlier output is left untouched; exit codes.
cp "$tmp/r1.json" "$tmp/keep.json"
"$bin" fit "$tmp/no-such-folder" -k 3 --json "$tmp/r1.json" 2>"$tmp/err"
rc=$?; [[ $rc -eq 1 ]] || fail "missing folder: exit $rc, expected 1"
[[ $(wc -l <"$tmp/err") -eq 1 ]] || fail "error is not one line: $(cat "$tmp/err")"
grep -q "no-such-folder" "$tmp/err" || fail "error does not name the folder: $(cat "$tmp/err")"
cmp -s "$tmp/r1.json" "$tmp/keep.json" || fail "a failed run changed an existing output"
"$bin" fit "$corpus" -k 6 --json "$tmp/missing/r.json" >"$tmp/out" 2>"$tmp/err"
rc=$?; [[ $rc -eq 1 ]] || fail "missing output folder: exit $rc, expected 1"
[[ -s $tmp/out ]] && fail "a missing output folder is found only after the fit (a report was printed)"
grep -q "missing" "$tmp/err" || fail "missing output folder: error does not name it"
"$bin" fit "$corpus" -k 0 2>/dev/null; [[ $? -eq 2 ]] || fail "-k 0 is not a usage error"
"$bin" fit "$corpus" -k 100000 2>"$tmp/err"; [[ $? -eq 2 ]] || fail "k above the documents is not a usage error"
grep -q "^error: -k must be between 1 and 72 (.* has 72 documents), got 100000$" "$tmp/err" || fail "k too large: unclear message: $(cat "$tmp/err")"
echo '{"schema": "unbake.model/999"}' >"$tmp/bad-model.json"
"$bin" transform "$tmp/bad-model.json" "$corpus" 2>"$tmp/err"; [[ $? -eq 1 ]] || fail "wrong model schema accepted"
grep -q "bad-model.json" "$tmp/err" || fail "model error does not name the file"
head -c 1000 "$tmp/model.json" >"$tmp/cut-model.json"
"$bin" transform "$tmp/cut-model.json" "$corpus" 2>"$tmp/err"; [[ $? -eq 1 ]] || fail "truncated model accepted"
"$bin" fit "$corpus" -k 3 --ext .none 2>"$tmp/err"; [[ $? -eq 1 ]] || fail "a folder without matching files is not an error"
grep -qF -- "no file has one of the extensions read (.none)" "$tmp/err" ||
  fail "no-documents error does not name the extensions read: $(cat "$tmp/err")"
# Many more topics than the corpus supports: a warning says so; up to 20, none.
"$bin" fit "$corpus" -k 21 --json "$tmp/k21.json" >/dev/null 2>"$tmp/err" || fail "fit -k 21 exited $?"
grep -q "^warning: k = 21 is more than a tenth of the 72 documents" "$tmp/err" || fail "no warning for k = 21: $(cat "$tmp/err")"
"$bin" fit "$corpus" -k 8 >/dev/null 2>"$tmp/err" || fail "fit -k 8 exited $?"
grep -q "^warning" "$tmp/err" && fail "a warning for k = 8: $(cat "$tmp/err")"
# On a terminal the start is a progress task of its own; in a pipe nothing is drawn.
if command -v script >/dev/null; then
  script -qec "'$bin' fit '$corpus' -k 6 --json '$tmp/tty.json' >/dev/null" "$tmp/tty.log" >/dev/null 2>&1 ||
    fail "fit on a terminal exited $?"
  tr '\r' '\n' <"$tmp/tty.log" | grep -aq "^starting (SVD of V)" || fail "no progress for the start on a terminal"
  "$bin" fit "$corpus" -k 6 2>&1 >/dev/null | grep -q "starting" && fail "progress drawn into a pipe"
fi
# With --stem, reports show a stem's most frequent word; the model keeps the stems.
"$bin" fit "$corpus" -k 6 --stem english --json "$tmp/stem.json" --model "$tmp/stem-model.json" \
  >"$tmp/stem.txt" 2>"$tmp/log" || fail "fit --stem failed"
"$py" - "$tmp/stem.json" "$tmp/stem-model.json" <<'PY' || fail "--stem: reports show stems, or the model lost them"
import json, sys
report, model = (json.load(open(p)) for p in sys.argv[1:3])
words = {w["word"] for t in report["topics"] for w in t["words"]}
terms = set(model["terms"])
# Snowball turns these into stems that are not words; the report shows the words.
for stem, word in [("compani", "company"), ("machin", "machine"), ("galaxi", "galaxies")]:
    assert stem in terms, (stem, "not a model term")
    assert stem not in words and word in words, (stem, word)
PY
grep -qwE "compani|galaxi|machin" "$tmp/stem.txt" && fail "--stem: the text report shows stems"
echo "fit/transform checks passed"

#!/usr/bin/env bash
# --labels: the report judges the topics against known labels (a document's
# folder, or a table column): each topic's labels, NMI and ARI of the
# dominant topic, equal to scikit-learn's own metrics on the same assignment.
set -uo pipefail
source "$(dirname "$0")/lib/expect.bash"
expect_setup "$@"
cp -r "$src/corpora/default" docs

"$bin" fit docs -k 6 --labels folder --json r.json >summary.txt 2>/dev/null || fail "fit --labels folder exited $?"
grep -qE "^  labels      NMI [01]\.[0-9]{3}, ARI -?[0-9]\.[0-9]{3} of the dominant topics against folder \(6 labels, 72 documents\)$" summary.txt ||
  fail "no labels line in the summary: $(grep labels summary.txt)"
"$py" - r.json <<'PY' || fail "the labels part of the report is inconsistent"
import json, sys
r = json.load(open(sys.argv[1]))
a = r["labels"]
assert a["source"] == "folder" and a["documents"] == 72 and a["labels"] == 6, a
assert len(a["topics"]) == 6 and [t["topic"] for t in a["topics"]] == list(range(6))
assert sum(sum(t["labels"].values()) for t in a["topics"]) == 72
for t in a["topics"]:  # each topic's counts are its dominant documents, by folder
    mine = [d["path"].split("/")[0] for d in r["documents"] if d["dominant"] == t["topic"]]
    assert {l: mine.count(l) for l in set(mine)} == t["labels"], (t, mine)
assert 0 <= a["nmi"] <= 1 and a["ari"] <= 1
PY
if "$py" -c "import sklearn" 2>/dev/null; then
  "$py" - r.json <<'PY' || fail "NMI or ARI differ from scikit-learn's"
import json, sys
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score
r = json.load(open(sys.argv[1]))
docs = [d for d in r["documents"] if d["dominant"] is not None]
labels = [d["path"].split("/")[0] for d in docs]
topics = [d["dominant"] for d in docs]
nmi, ari = normalized_mutual_info_score(labels, topics), adjusted_rand_score(labels, topics)
assert abs(nmi - r["labels"]["nmi"]) < 1e-12 and abs(ari - r["labels"]["ari"]) < 1e-12, (nmi, ari, r["labels"])
PY
else
  skip_part "no scikit-learn: NMI and ARI not compared with its metrics"
fi
"$bin" fit docs -k 6 --json plain.json >/dev/null 2>&1 || fail "fit without --labels exited $?"
"$py" -c 'import json; assert json.load(open("plain.json"))["labels"] is None' || fail "labels is not null without --labels"

# A table's column, with the same scores as the folder the table was made from.
"$py" - docs <<'PY' || fail "could not write the table"
import csv, os, sys
rows = []
for folder, _, files in os.walk(sys.argv[1]):
    for name in files:
        path = os.path.join(folder, name)
        rows.append((os.path.relpath(path, sys.argv[1]), open(path, encoding="utf-8").read()))
rows.sort(key=lambda r: r[0].encode())
with open("docs.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["id", "theme", "text"])
    for rid, text in rows:
        w.writerow([rid, rid.split("/")[0], text])
PY
"$bin" -q fit docs.csv --text-column text --id-column id --labels theme -k 6 --json c.json >/dev/null || fail "fit --labels theme exited $?"
"$py" - r.json c.json <<'PY' || fail "the table's labels score differently from the folder's"
import json, sys
a, b = (json.load(open(p))["labels"] for p in sys.argv[1:])
assert b["source"] == "theme" and (a["nmi"], a["ari"], a["topics"]) == (b["nmi"], b["ari"], b["topics"]), (a, b)
PY
expect_error 2 "^error: --labels 'genre' is not a column of docs.csv \(its columns: id, theme, text\)$" \
  "$bin" fit docs.csv --text-column text --labels genre -k 6
expect_error 2 "^error: --labels 'theme' names a column of a table, and docs holds no table" \
  "$bin" fit docs --labels theme -k 6
expect_error 2 "^error: --labels folder takes a document's folder as its label, and docs.csv is one file" \
  "$bin" fit docs.csv --text-column text --labels folder -k 6
finish

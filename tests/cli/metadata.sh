#!/usr/bin/env bash
# Metadata of tables and JSON lines: --meta columns kept with each document,
# --time-column and --group-column give each topic's prevalence per period
# and per group, the same from a CSV file and from JSON lines on standard
# input; the report still meets its schema; a folder has no columns.
set -uo pipefail
source "$(dirname "$0")/lib/expect.bash"
expect_setup "$@"
[ -n "$py" ] || { echo "skipped: needs python3 to write and check the tables"; exit 77; }
"$py" - "$src/corpora/default" <<'PY'
import csv, json, os, sys
root = sys.argv[1]
docs = []
for theme in sorted(os.listdir(root)):
    if os.path.isdir(os.path.join(root, theme)):
        for name in sorted(os.listdir(os.path.join(root, theme))):
            docs.append((theme, open(os.path.join(root, theme, name), encoding="utf-8").read()))
with open("docs.csv", "w", newline="", encoding="utf-8") as out, open("docs.jsonl", "w", encoding="utf-8") as jl:
    w = csv.writer(out)
    w.writerow(["id", "theme", "date", "source", "text"])
    for i, (theme, text) in enumerate(docs):
        date = "" if i == 5 else f"{2018 + i % 4}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        source = "blog" if i % 3 else "paper"
        w.writerow([f"d{i}", theme, date, source, text])
        jl.write(json.dumps({"id": f"d{i}", "theme": theme, "when": {"date": date}, "source": source, "text": text}) + "\n")
PY

"$bin" -q fit docs.csv --text-column text --id-column id --meta theme --time-column date --group-column source \
  -k 6 --json csv.json >/dev/null || fail "fit of the table exited $?"
"$bin" -q fit - --text-field text --id-field id --meta theme --time-column when.date --group-column source \
  -k 6 --json jsonl.json <docs.jsonl >/dev/null || fail "fit of JSON lines on standard input exited $?"
"$py" - csv.json jsonl.json <<'PY' || fail "the metadata in the report are wrong"
import json, sys
r, s = (json.load(open(p)) for p in sys.argv[1:3])
docs = r["documents"]
assert len(docs) == 72
assert docs[0]["meta"] == {"theme": "astronomy-and-space", "date": "2018-01-01", "source": "paper"}, docs[0]
t = r["time"]
assert t["column"] == "date" and t["bin"] == "year" and t["without_value"] == 1, t
assert [b["value"] for b in t["bins"]] == ["2018", "2019", "2020", "2021"], t
assert sum(b["documents"] for b in t["bins"]) == 71
g = r["groups"]
assert [b["value"] for b in g["bins"]] == ["blog", "paper"] and [b["documents"] for b in g["bins"]] == [48, 24], g
for table in (t, g):
    for b in table["bins"]:
        assert abs(sum(b["prevalence"]) - 1) < 1e-9, b
        assert len(b["prevalence"]) == 6
# Each bin is the mean mixture of its documents: recompute one from the documents.
blog = [d["mixture"] for d in docs if d["meta"]["source"] == "blog"]
mean = [sum(m[f] for m in blog) / len(blog) for f in range(6)]
assert all(abs(a - b) < 1e-12 for a, b in zip(mean, g["bins"][0]["prevalence"])), (mean, g["bins"][0])
# JSON lines with a dotted path give the same topics, mixtures and tables.
assert s["time"]["column"] == "when.date"
for key in ("topics", "groups"):
    assert r[key] == s[key], key
assert [d["mixture"] for d in docs] == [d["mixture"] for d in s["documents"]]
assert s["time"]["bins"] == t["bins"]
assert docs[0]["meta"]["date"] == s["documents"][0]["meta"]["when.date"]
PY
if "$py" -c 'from jsonschema import Draft202012Validator' 2>/dev/null; then
  "$py" "$src/scripts/validate-json.py" "$src/schemas/report.schema.json" csv.json jsonl.json ||
    fail "the report with metadata breaks its schema"
fi

expect_error 2 "^error: --time-column 'day' is not a column of docs.csv \(its columns: id, theme, date, source, text\)$" \
  "$bin" fit docs.csv --text-column text --time-column day -k 3
expect_error 2 "^error: --meta 'x' names a column of a table, and $src/corpora/default holds no table" \
  "$bin" fit "$src/corpora/default" --meta x -k 3
finish

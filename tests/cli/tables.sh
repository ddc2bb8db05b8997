#!/usr/bin/env bash
# Documents as rows: the default corpus written as one CSV, one TSV, JSON lines
# (plain, gzip, on standard input) gives the same topics and mixtures as the
# folder; a table read without its text column is a usage error that lists the
# columns; malformed rows are one-line errors naming file and line, and a
# failed run leaves no output; transform reads new rows by the model's column.
set -uo pipefail
source "$(dirname "$0")/lib/expect.bash"
expect_setup "$@"
cp -r "$src/corpora/default" docs

# The folder's documents, in its reading order (ids sorted bytewise), as tables.
"$py" - docs <<'PY' || fail "could not write the tables"
import csv, gzip, json, os, sys
root = sys.argv[1]
rows = []
for folder, _, files in os.walk(root):
    for name in files:
        path = os.path.join(folder, name)
        rows.append((os.path.relpath(path, root), open(path, "rb").read().decode("utf-8")))
rows.sort(key=lambda r: r[0].encode())
with open("docs.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["id", "label", "text"])
    for rid, text in rows:
        w.writerow([rid, rid.split("/")[0], text])
with open("docs.tsv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, delimiter="\t")
    w.writerow(["text", "id"])
    for rid, text in rows:
        w.writerow([text, rid])
lines = "".join(json.dumps({"meta": {"id": rid}, "body": text}) + "\n" for rid, text in rows)
open("docs.jsonl", "w", encoding="utf-8").write(lines)
with gzip.open("docs.jsonl.gz", "wt", encoding="utf-8") as f:
    f.write(lines)
PY

fit() { "$bin" -q fit "$@" -k 4 --json "$json" >/dev/null; }
json=folder.json fit docs || fail "fit of the folder exited $?"
json=csv.json fit docs.csv --text-column text --id-column id || fail "fit of the CSV exited $?"
json=tsv.json fit docs.tsv --text-column text --id-column id || fail "fit of the TSV exited $?"
json=jsonl.json fit docs.jsonl --text-field body --id-field meta.id || fail "fit of the JSON lines exited $?"
others="csv tsv jsonl stdin stdin_csv"
if has_reader gzip; then
  json=gz.json fit docs.jsonl.gz --text-field body --id-field meta.id || fail "fit of the gzip JSON lines exited $?"
  others="$others gz"
fi
json=stdin.json fit - --text-field body --id-field meta.id <docs.jsonl || fail "fit of standard input exited $?"
json=stdin_csv.json fit - --format csv --text-column text --id-column id <docs.csv ||
  fail "fit of a CSV on standard input exited $?"
for other in $others; do
  "$py" - folder.json "$other.json" <<'PY' || fail "$other: topics or mixtures differ from the folder's"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
assert a["topics"] == b["topics"], "topics"
assert a["documents"] == b["documents"], "documents"
assert len(a["documents"]) > 20
PY
done
# Row numbers are the ids when no id column is named.
"$bin" -q fit docs.csv --text-column text -k 4 --json numbered.json >/dev/null || fail "fit without --id-column exited $?"
"$py" -c 'import json,sys; d=json.load(open("numbered.json"))["documents"]; assert d[0]["path"]=="1" and d[-1]["path"]==str(len(d)), d[0]' ||
  fail "rows are not numbered 1, 2, ... without --id-column"

# transform reads new rows by the model's column, or by one given anew.
"$bin" -q fit docs.csv --text-column text --id-column id -k 4 --model model.json >/dev/null || fail "fit --model exited $?"
expect_ok "$bin" -q transform model.json docs.csv --json t.json
"$py" -c 'import json; assert len(json.load(open("t.json"))["documents"]) > 20' || fail "transform of the CSV gave no mixtures"
expect_ok "$bin" -q transform model.json docs.jsonl --text-field body --json t2.json

# Usage errors list what the table holds.
expect_error 2 "^error: --text-column is needed to read docs.csv as a table of texts \(its columns: id, label, text\)$" \
  "$bin" fit docs.csv -k 4
expect_error 2 "^error: --text-column 'body' is not a column of docs.csv \(its columns: id, label, text\)$" \
  "$bin" vectorize docs.csv --text-column body -o V.mtx
expect_error 2 "^error: --text-field is needed to read docs.jsonl as JSON lines \(fields of its first object: body, meta\)$" \
  "$bin" fit docs.jsonl -k 4
expect_error 2 "^error: --format 'xml' is not one of auto, text, mail, html, pdf, csv, tsv, jsonl$" "$bin" fit docs.csv --format xml -k 4
expect_error 2 "^error: --matrix-cache cannot keep standard input" "$bin" fit - --text-field body -k 4 --matrix-cache c.ubk

# Malformed input: one line naming the file and line; nothing written.
printf 'id,text\n1,fine\n2,"never closed\n' >open.csv
expect_error 1 "^error: open.csv:3: the quoted cell in column 2 is never closed$" \
  "$bin" fit open.csv --text-column text -k 2 --json out.json
[ -e out.json ] && fail "a failed fit left out.json"
printf 'id,text\n1,a,b\n' >ragged.csv
expect_error 1 "^error: ragged.csv:2: 3 cells where the header has 2" "$bin" vectorize ragged.csv --text-column text -o V.mtx
[ -e V.mtx ] && fail "a failed vectorize left V.mtx"
printf '{"body": "a"}\n[1]\n' >array.jsonl
expect_error 1 "^error: array.jsonl:2: a JSON line must be an object, this one is an array$" \
  "$bin" fit array.jsonl --text-field body -k 2
printf '{"body": "a"}\n{"text": "b"}\n' >missing.jsonl
expect_error 1 "^error: missing.jsonl:2: no field 'body' \(the object's fields: text\)$" \
  "$bin" fit missing.jsonl --text-field body -k 2
printf '{"body": "a"}\n{"body": \n' | "$bin" fit - --text-field body -k 2 >out.txt 2>err.txt
[ $? -eq 1 ] && grep -qx "error: standard input:2: not JSON (at byte 10 of the line)" err.txt ||
  fail "bad JSON on standard input: $(cat err.txt)"
head -c 200 docs.jsonl.gz >cut.jsonl.gz
if has_reader gzip; then
  expect_error 1 "^error: cut.jsonl.gz: truncated gzip data" "$bin" fit cut.jsonl.gz --text-field body -k 2
else
  expect_error 1 "^error: cut.jsonl.gz: this unbake was built without zlib and cannot read .gz files" \
    "$bin" fit cut.jsonl.gz --text-field body -k 2
fi
# A single file of another kind is one document, and the log says so.
cat docs/*/*.txt >all.txt
"$bin" vectorize all.txt --min-df 1 --max-df 1.0 -o one.mtx 2>log.txt || fail "vectorize of one file exited $?"
grep -q "reading all.txt as one document" log.txt || fail "no note that all.txt is one document: $(cat log.txt)"

# Tables inside a folder: with --text-column (--text-field) each row of a
# .csv (.jsonl) is a document, file.csv#id; other files stay documents.
mkdir -p mixed/sub
printf 'id,text,label\n1,"Comets orbit the sun",space\n2,"Bread dough rises",food\n' >mixed/sub/a.csv
printf '{"id":"x","body":"Telescopes see comets","label":"space"}\n' >mixed/b.jsonl
printf 'Ovens bake the bread.\n' >mixed/c.txt
"$bin" -q vectorize mixed --text-column text --id-column id --text-field body --id-field id --min-df 1 --max-df 1.0 \
  -o M.mtx --docs mixed-ids.txt --terms mixed-terms.txt || fail "a folder of tables exited $?"
[ "$(tr '\n' ' ' <mixed-ids.txt)" = "b.jsonl#x c.txt sub/a.csv#1 sub/a.csv#2 " ] ||
  fail "a folder's tables give $(tr '\n' ' ' <mixed-ids.txt)"
grep -qx label mixed-terms.txt && fail "a table's header was read as text"
expect_error 2 "^error: --text-column 'text' is not a column of mixed/bad.csv \(its columns: words\)$" \
  bash -c "printf 'words\nx\n' >mixed/bad.csv; exec \"\$0\" vectorize mixed --text-column text -o X.mtx" "$bin"
rm -f mixed/bad.csv

finish

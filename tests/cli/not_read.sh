#!/usr/bin/env bash
# Every file of a folder is accounted for: files of unselected extensions are
# counted by extension, a README at the root is left out (and named), files
# matching --exclude are counted, exact duplicates are listed (and dropped
# with --dedupe), in the JSON report and in the printed summary.
set -uo pipefail
source "$(dirname "$0")/lib/expect.bash"
expect_setup "$@"
cp -r "$src/corpora/default" docs
printf 'About this corpus: its files, its themes, its licence.\n' >docs/README.md
printf 'log line\n' >docs/run.log
printf 'log line\n' >docs/other.LOG
printf 'binary-ish\n' >docs/data.gz
mkdir docs/drafts && printf 'a draft about comets\n' >docs/drafts/draft.txt
first=$(ls docs/astronomy-and-space/*.txt | head -1)
cp "$first" docs/baking-and-cooking/copy-of-first.txt

"$bin" fit docs -k 4 --json r.json >summary.txt 2>/dev/null || fail "fit exited $?"
"$py" - r.json "${first#docs/}" <<'PY' || fail "the report does not account for every file"
import json, sys
c = json.load(open(sys.argv[1]))["corpus"]
assert c["ignored"] == {".gz": 1, ".log": 2}, c["ignored"]
assert c["readme_files"] == ["README.md"], c["readme_files"]
assert c["excluded"] == 0
assert c["duplicates"] == [{"path": "baking-and-cooking/copy-of-first.txt", "same_as": sys.argv[2]}], c["duplicates"]
assert c["deduplicated"] is False
assert c["documents"] == 72 + 2, c["documents"]  # the copy and the draft are rows
PY
grep -qx "  not read    README.md left out as the corpus's own description; 3 files ignored by extension: .log 2, .gz 1; 1 exact duplicates kept as rows" summary.txt ||
  fail "summary line: $(grep 'not read' summary.txt)"

"$bin" -q fit docs -k 4 --dedupe --exclude drafts --include-readme --json d.json >/dev/null || fail "fit --dedupe exited $?"
"$py" - d.json <<'PY' || fail "--dedupe, --exclude or --include-readme did not apply"
import json, sys
r = json.load(open(sys.argv[1]))
c = r["corpus"]
assert c["readme_files"] == [] and c["excluded"] == 1 and c["deduplicated"] is True, c
assert c["documents"] == 72 + 1 - 0, c["documents"]  # README in, draft out, copy out
paths = [d["path"] for d in r["documents"]]
assert "README.md" in paths and "baking-and-cooking/copy-of-first.txt" not in paths
assert not any(p.startswith("drafts/") for p in paths)
assert r["vectorizer"]["reader"]["exclude"] == ["drafts"] and r["vectorizer"]["reader"]["dedupe"] is True
PY
"$bin" vectorize docs -o V.mtx 2>log.txt || fail "vectorize exited $?"
grep -q "docs: README.md left out as the corpus's own description; 3 files ignored by extension" log.txt ||
  fail "vectorize does not say what it left out: $(cat log.txt)"
expect_error 2 "^error: --exclude has an empty pattern$" "$bin" fit docs -k 4 --exclude ''
finish

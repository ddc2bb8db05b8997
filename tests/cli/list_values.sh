#!/usr/bin/env bash
# Options shown as taking several values take several: --stopwords de en,
# --ext .txt .md, --exclude, --meta. After the first value an existing file
# or folder ends the list, so the input after it stays the input.
set -uo pipefail
source "$(dirname "$0")/lib/expect.bash"
expect_setup "$@"
cp -r "$src/corpora/default" docs
printf 'telescope\nbread\n' >stops.txt

"$bin" -q fit --stopwords de en docs -k 3 --json a.json >/dev/null || fail "--stopwords de en DIR exited $?"
"$bin" -q fit --stopwords stops.txt en docs -k 3 --json b.json >/dev/null || fail "--stopwords FILE en DIR exited $?"
"$bin" -q fit docs -k 3 --exclude 'baking*' 'astro*' --json c.json >/dev/null || fail "--exclude A B exited $?"
"$py" - a.json b.json c.json <<'PY' || fail "the values were not all taken"
import json, sys
a, b, c = (json.load(open(p)) for p in sys.argv[1:])
assert a["vectorizer"]["tokenizer"]["stopwords"] == ["de", "en"], a["vectorizer"]["tokenizer"]["stopwords"]
assert a["corpus"]["documents"] == 72
assert b["vectorizer"]["tokenizer"]["stopwords"] == ["stops.txt", "en"]
words = {w["word"] for t in b["topics"] for w in t["words"]}
assert not words & {"telescope", "bread"}, words & {"telescope", "bread"}
assert c["vectorizer"]["reader"]["exclude"] == ["baking*", "astro*"] and c["corpus"]["excluded"] == 2, c["corpus"]
PY
mkdir notes && printf 'comets\n' >notes/a.txt && printf 'comets\n' >notes/b.md && printf 'comets\n' >notes/c.text
"$bin" -q vectorize --ext .txt md notes --min-df 1 --max-df 1.0 -o V.mtx --docs ids.txt || fail "--ext .txt md DIR exited $?"
[ "$(tr '\n' ' ' <ids.txt)" = "a.txt b.md " ] || fail "--ext .txt md read $(tr '\n' ' ' <ids.txt)"
finish

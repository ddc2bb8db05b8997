#!/usr/bin/env bash
# Messy text: invalid UTF-8, empty files, one huge line, documents with no
# words, mixed and right-to-left scripts. Every file is either read or listed
# with a reason; documents without words get an all-zero mixture and are
# counted; no NaN or infinity reaches the report.
set -uo pipefail
source "$(dirname "$0")/lib/expect.bash"
expect_setup "$@"

mkdir docs
printf 'apple banana cherry apple\n' >docs/a.txt
printf 'apple banana date cherry\n' >docs/b.txt
printf 'cherry date apple grape\n' >docs/c.txt
# Latin-1 bytes (not valid UTF-8): read as windows-1252 under --encoding auto.
printf 'caf\xe9 apple na\xefve banana caf\xe9\n' >docs/latin1.txt
printf 'grape caf\xc3\xa9 banana na\xc3\xafve\n' >docs/utf8.txt
: >docs/zero.txt
printf 'The and of to is it. 2024 3.14 ... !!! ??? 10,000 -- ** ()\n' >docs/no-words.txt
# One line of about 9 MB without a line break.
"$py" -c "
import random
random.seed(1)
w = ['apple', 'banana', 'cherry', 'date', 'grape']
open('docs/huge-line.txt', 'w').write(' '.join(random.choice(w) for _ in range(1500000)))"
printf 'apple \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d banana \xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 \xd0\x9c\xd0\xb8\xd1\x80 \xe6\x9d\xb1\xe4\xba\xac\xe3\x81\xaf\xe6\x97\xa5\xe6\x9c\xac\n' >docs/mixed.txt
printf '\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xd7\xa2\xd7\x95\xd7\x9c\xd7\x9d \xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 cherry\n' >docs/rtl.txt

expect_ok "$bin" fit docs -k 2 --min-df 1 --json report.json --mixtures-csv mixtures.csv
"$py" - report.json <<'PY' || fail "report on messy text"
import json, math, sys

def no_constants(name):
    raise ValueError(f"{name} in the report")

r = json.load(open(sys.argv[1]), parse_constant=no_constants)
c = r["corpus"]
assert c["documents"] == 10 and c["skipped"] == [], c
# zero.txt and no-words.txt: counted, with all-zero mixtures and no dominant topic.
assert c["empty_documents"] == 2, c
docs = {d["path"]: d for d in r["documents"]}
for name in ["zero.txt", "no-words.txt"]:
    assert docs[name]["mixture"] == [0.0, 0.0] and docs[name]["dominant"] is None, docs[name]
for name in ["latin1.txt", "huge-line.txt", "mixed.txt", "rtl.txt"]:
    assert abs(sum(docs[name]["mixture"]) - 1) < 1e-9, docs[name]

def walk(x):
    if isinstance(x, float):
        assert math.isfinite(x), x
    elif isinstance(x, dict):
        for v in x.values():
            walk(v)
    elif isinstance(x, list):
        for v in x:
            walk(v)

walk(r)
PY
grep -qiE 'nan|inf' mixtures.csv && fail "mixtures CSV holds NaN or infinity"

# The vocabulary keeps the decoded Latin-1 word, both scripts of the mixed
# file and the right-to-left words.
expect_ok "$bin" vectorize docs --min-df 1 -o V.mtx --terms terms.txt
for term in café naïve שלום עולם مرحبا мир 東京 日本; do
  grep -qxF "$term" terms.txt || fail "term '$term' missing from the vocabulary"
done

# Under a strict --encoding utf-8 the Latin-1 file is skipped with a reason
# naming the first bad byte.
expect_ok "$bin" fit docs -k 2 --min-df 1 --encoding utf-8 --json strict.json
"$py" - strict.json <<'PY' || fail "strict UTF-8 skip reason"
import json, sys
r = json.load(open(sys.argv[1]))
skipped = {s["path"]: s["reason"] for s in r["corpus"]["skipped"]}
assert skipped == {"latin1.txt": "not valid UTF-8 (invalid byte at offset 3)"}, skipped
PY

# A folder whose documents hold no word at all is an input error naming it.
mkdir wordless
: >wordless/empty.txt
printf 'the of and 2024 !!!\n' >wordless/stop.txt
expect_error 1 '^error: wordless: no words in the 2 documents read \(empty, or only stopwords, numbers or punctuation; 0 files skipped\)$' \
  "$bin" fit wordless -k 1

finish

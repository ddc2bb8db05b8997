#!/usr/bin/env bash
# Other languages with the defaults (--stopwords auto): on small German,
# Japanese and Chinese corpora written for unbake (tests/data/languages), the
# summary and JSON name the language found and the list applied; no top-10
# word of any topic is a function word of the language (judged by lists
# written for the judging, apart from stopwords/); each topic is one theme;
# Chinese one-character words and whole katakana loanwords are terms. A
# mixed corpus gets both lists; explicit --stopwords wins.
set -uo pipefail
source "$(dirname "$0")/lib/expect.bash"
expect_setup "$@"
[ -n "$py" ] || { echo "skipped: needs python3 to read the JSON reports"; exit 77; }
"$bin" --version | grep -qx 'language detector: cld2' || {
  echo "skipped: built without a language detector (CLD2)"
  exit 77
}
data=$src/tests/data/languages

for lang in de ja zh; do
  expect_ok "$bin" fit "$data/$lang" -k 3 --labels folder --json "$lang.json"
  grep -qE "^  languages   $lang 24 of 24 documents; stopwords $lang\$" out.txt ||
    fail "$lang: the summary does not name the language and list: $(grep languages out.txt)"
  "$py" - "$lang.json" "$data/function_words/$lang.txt" "$lang" <<'PY' || fail "$lang: the topics are wrong"
import json, sys
report, judge, lang = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3]
function_words = {l.split("#")[0].strip() for l in open(judge, encoding="utf-8")} - {""}
corpus = report["corpus"]
assert corpus["stopwords"] == [lang], corpus["stopwords"]
assert corpus["languages"]["counts"] == {lang: 24}, corpus["languages"]
assert corpus["languages"]["applied"] == [lang], corpus["languages"]
bad = [(t["id"], w["word"]) for t in report["topics"] for w in t["words"][:10] if w["word"] in function_words]
assert not bad, f"function words among the top words: {bad}"
# Three themes, eight documents each: every topic is one theme.
assert report["labels"]["nmi"] >= 0.9, report["labels"]["nmi"]
terms = {w["word"] for t in report["topics"] for w in t["words"]}
expected = {"ja": ["ゴールキーパー", "ブラックホール"], "zh": ["汤", "球", "星"], "de": []}[lang]
missing = [w for w in expected if w not in terms]
assert not missing, f"missing from the topics' words: {missing}"
PY
done

# The katakana halves that ICU's dictionary alone would give are not terms.
expect_ok "$bin" vectorize "$data/ja" -o ja.mtx --terms ja.terms
for half in キーパー ブラック ホール; do
  ! grep -qx "$half" ja.terms || fail "ja: '$half' is a term: the loanword was cut"
done

# German and Japanese together: both lists, counted per language.
mkdir mixed
cp -r "$data/de" mixed/de
cp -r "$data/ja" mixed/ja
expect_ok "$bin" fit mixed -k 6 --json mixed.json
"$py" - mixed.json <<'PY' || fail "mixed: the languages or lists are wrong"
import json, sys
c = json.load(open(sys.argv[1]))["corpus"]
assert c["languages"]["counts"] == {"de": 24, "ja": 24}, c["languages"]
assert c["stopwords"] == ["de", "ja"], c["stopwords"]
PY

# Named lists win over detection.
expect_ok "$bin" fit "$data/de" -k 3 --stopwords en --json named.json
grep -qE '^  languages   stopwords en$' out.txt || fail "named: summary line: $(grep languages out.txt)"
"$py" - named.json <<'PY' || fail "named: --stopwords en was not applied as given"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["corpus"]["stopwords"] == ["en"], r["corpus"]["stopwords"]
assert r["corpus"]["languages"]["automatic"] is False
assert any(w["word"] == "und" for t in r["topics"] for w in t["words"]), "German 'und' should survive the English list"
PY

# A saved model keeps the words auto chose, so transform maps new text alike.
expect_ok "$bin" fit "$data/de" -k 3 --model de-model.json
"$py" - de-model.json <<'PY' || fail "model: the chosen German list is not stored"
import json, sys
t = json.load(open(sys.argv[1]))["vectorizer"]["tokenizer"]
assert t["stopwords"] == ["none"] and "und" in t["stopword_words"], t["stopwords"]
PY
finish

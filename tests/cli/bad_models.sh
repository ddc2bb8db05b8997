#!/usr/bin/env bash
# Model files given to `unbake transform` that are not what fit wrote: wrong
# schema version, truncated or edited JSON, a vocabulary that does not match
# H. Each is exit 1 with one line naming the file and the problem; an
# existing output is left as it was.
set -uo pipefail
source "$(dirname "$0")/lib/expect.bash"
expect_setup "$@"

small_corpus docs
expect_ok "$bin" fit docs -k 2 --min-df 1 --model model.json
expect_ok "$bin" transform model.json docs --json good.json
printf 'kept\n' >kept.json
before=$(checksum kept.json)

# Each edit of the good model, and the error line it must give.
"$py" - <<'PY'
import json
m = json.load(open("model.json"))

def save(name, change):
    d = json.loads(json.dumps(m))
    change(d)
    json.dump(d, open(name, "w"))

save("schema.json", lambda d: d.update(schema="unbake.model/9"))
save("noschema.json", lambda d: d.pop("schema"))
save("nokey.json", lambda d: d.pop("idf"))
save("vocab-short.json", lambda d: d.update(terms=d["terms"][:-1]))
save("idf-short.json", lambda d: d.update(idf=d["idf"][:-1]))
save("unsorted.json", lambda d: d.update(terms=list(reversed(d["terms"]))))
save("labels.json", lambda d: d.update(labels=d["labels"][:1]))
save("negative.json", lambda d: d["H"][0].__setitem__(0, -1.0))
save("string.json", lambda d: d["H"][0].__setitem__(0, "x"))
save("scaled.json", lambda d: d.update(H=[[x * 1e300 for x in row] for row in d["H"]]))
save("no-topics.json", lambda d: d.update(H=[], labels=[]))
save("stopwords.json", lambda d: d["vectorizer"]["tokenizer"].update(stopwords=["xx"]))
save("solver.json", lambda d: d["nmf"].update(solver="magic"))
save("k.json", lambda d: d["nmf"].update(k=5))
save("tiny-idf.json", lambda d: d["idf"].__setitem__(0, 5e-324))
save("no-idf.json", lambda d: d["vectorizer"].update(use_idf=False))
save("max-iter.json", lambda d: d["nmf"].update(max_iter=0))
text = open("model.json").read()
open("truncated.json", "w").write(text[: len(text) // 2])
open("array.json", "w").write("[1, 2, 3]\n")
open("overflow.json", "w").write(text.replace('"H":[[', '"H":[[1e999,', 1))
PY

bad() { expect_error 1 "$@" "$bin" transform "$model" docs --json kept.json; }
model=schema.json bad "^error: schema\.json: model schema 'unbake\.model/9' is not supported \(this unbake reads unbake\.model/1\)$"
model=noschema.json bad '^error: noschema\.json: not an unbake model \(no schema\)$'
model=array.json bad '^error: array\.json: not an unbake model \(no schema\)$'
model=truncated.json bad '^error: truncated\.json: not a model file \(invalid JSON at byte [0-9]+\)$'
model=overflow.json bad "^error: overflow\.json: not a model file \(number overflow parsing '1e999'\)$"
model=nokey.json bad "^error: nokey\.json: damaged model: key 'idf' not found$"
model=vocab-short.json bad '^error: vocab-short\.json: damaged model: H row 1 has [0-9]+ values, expected [0-9]+ \(one per vocabulary term\)$'
model=idf-short.json bad '^error: idf-short\.json: damaged model: vocabulary and idf differ in length$'
model=unsorted.json bad '^error: unsorted\.json: damaged model: vocabulary is not sorted or has duplicates'
model=labels.json bad '^error: labels\.json: damaged model: there are 1 topic labels but H has 2 rows$'
model=negative.json bad '^error: negative\.json: damaged model: H has negative or non-finite values$'
model=string.json bad '^error: string\.json: damaged model: type must be number, but is string$'
model=scaled.json bad '^error: scaled\.json: damaged model: topic 1 of H does not have unit length'
model=no-topics.json bad '^error: no-topics\.json: damaged model: no topics$'
model=stopwords.json bad "^error: stopwords\.json: damaged model: stopwords 'xx' is neither 'auto', a language with a list"
model=solver.json bad "^error: solver\.json: damaged model: solver must be one of als, mu, hals, kl; got 'magic'$"
model=k.json bad '^error: k\.json: damaged model: nmf\.k is 5 but H has 2 rows$'
model=tiny-idf.json bad '^error: tiny-idf\.json: damaged model: idf has values below 1, which smoothed idf never gives$'
model=no-idf.json bad '^error: no-idf\.json: damaged model: use_idf is off but idf has values other than 1$'
model=max-iter.json bad '^error: max-iter\.json: damaged model: max_iter must be at least 1, got 0$'
model=missing.json bad '^error: cannot read missing\.json: cannot open: No such file or directory$'
model=docs bad '^error: cannot read docs: it is a folder$'
model=/dev/null bad '^error: /dev/null: is a character device, not a file$'
ln -s /dev/zero zero.json
model=zero.json bad '^error: zero\.json: is a character device, not a file$'
: >empty.json
model=empty.json bad '^error: empty\.json: not a model file \(invalid JSON at byte 1\)$'
if mkfifo fifo.json 2>/dev/null; then
  # A stream is read to its end: the model arrives whole through a FIFO.
  cat model.json >fifo.json &
  expect_ok "$bin" transform fifo.json docs --json piped.json
  wait
fi

[ "$(checksum kept.json)" = "$before" ] || fail "a failed transform changed an existing output"
no_temp_files .

finish

#!/usr/bin/env bash
# Every JSON output validates against its schema in schemas/: reports and
# models of each solver, with --extrapolate, penalties and other vectorizer
# settings, of a folder with empty and skipped documents; transforms of new
# text; sweeps; factor results of each solver. The schemas themselves must be
# valid draft 2020-12, closed (additionalProperties false, every key required
# and a description on each), and
# strict: a real report with a key renamed, dropped or retyped must fail.
set -uo pipefail
source "$(dirname "$0")/lib/expect.bash"
expect_setup "$@"

if [ -z "$py" ] || ! "$py" -c 'from jsonschema import Draft202012Validator' 2>/dev/null; then
  echo "skipped: needs python3 with the jsonschema module (Debian: python3-jsonschema, scripts/install-deps.sh)"
  exit 77
fi
schemas=$src/schemas
validate_script=$src/scripts/validate-json.py
corpus=$src/corpora/default
cakes=$src/corpora/cakes/nutrition.csv

# validate NAME FILE...: each FILE must satisfy schemas/NAME.schema.json; the
# validator prints every rule a file breaks.
validate() {
  local name=$1
  shift
  "$py" "$validate_script" "$schemas/$name.schema.json" "$@" >validate.txt 2>&1
  local got=$?
  if [ "$got" -ne 0 ]; then
    fail "$name schema, exit $got:"
    sed 's/^/    /' validate.txt
  fi
}

# 1. The schemas: valid draft 2020-12 (the validator checks that first), closed,
# described, with the shared definitions identical in every file.
"$py" - "$schemas" <<'PY' || fail "schema conventions"
import json, os, sys

from jsonschema import Draft202012Validator

folder = sys.argv[1]
names = ["report", "model", "sweep", "transform", "factor"]
problems = []
schemas = {}
for name in names:
    path = os.path.join(folder, f"{name}.schema.json")
    s = json.load(open(path))
    Draft202012Validator.check_schema(s)
    schemas[name] = s
    if s.get("$id") != f"urn:unbake:schema:{name}:1":
        problems.append(f"{name}: $id is {s.get('$id')!r}")
    if s.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
        problems.append(f"{name}: $schema is {s.get('$schema')!r}")
    for key in ["title", "description"]:
        if not s.get(key):
            problems.append(f"{name}: no {key}")

    def walk(node, where):
        if isinstance(node, dict):
            # Subschemas of if/then/allOf narrow an object described elsewhere.
            if "properties" in node and not {"if", "then", "allOf"} & set(where.split("/")):
                if node.get("type") != "object" or node.get("additionalProperties") is not False:
                    problems.append(f"{name}: {where or '/'} is not a closed object")
                missing = set(node["properties"]) - set(node.get("required", []))
                if missing:
                    problems.append(f"{name}: {where or '/'}: not required: {sorted(missing)}")
                for key, prop in node["properties"].items():
                    if not prop.get("description"):
                        problems.append(f"{name}: {where}/properties/{key} has no description")
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}")

    walk(s, "")

# The pieces several files share are copies; they must not drift apart.
shared = {}
for name, s in schemas.items():
    for key, value in s.get("$defs", {}).items():
        shared.setdefault(key, []).append((name, value))
for key, copies in shared.items():
    first_name, first = copies[0]
    for other_name, other in copies[1:]:
        if other != first:
            problems.append(f"$defs/{key} differs between {first_name} and {other_name}")

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
PY

# 2. fit: each solver; --extrapolate; penalties; other vectorizer settings.
for solver in als mu hals kl; do
  expect_ok "$bin" fit "$corpus" -k 6 --solver "$solver" --json "report-$solver.json" --model "model-$solver.json"
done
expect_ok "$bin" fit "$corpus" -k 6 --extrapolate --max-iter 50 --json report-extrapolate.json \
  --model model-extrapolate.json
expect_ok "$bin" fit "$corpus" -k 5 --solver mu --init random --seed 7 --l1-w 0.01 --l1-h 0.001 \
  --l2-w 0.02 --l2-h 0.003 --json report-penalties.json --model model-penalties.json
expect_ok "$bin" fit "$corpus" -k 4 --ngram 2 --stem english --sublinear-tf --no-idf \
  --norm l1 --max-features 300 --min-df 0.03 --max-df 40 --strip-accents --keep-numbers --min-token-length 3 \
  --ext .txt --stopwords none --json-words 40 --top-docs 0 --json report-vectorizer.json --model model-vectorizer.json

# 3. A folder with empty documents (dominant null) and skipped files.
mkdir messy
for i in 1 2 3 4; do
  printf 'apple banana cherry date word%s word%s\n' "$i" "$((i % 2))" >"messy/d$i.txt"
done
: >messy/zero.txt
printf 'the and of to\n' >messy/stopwords-only.txt
printf 'apple\0banana\n' >messy/binary.txt
expect_ok "$bin" fit messy -k 2 --min-df 1 --json report-messy.json --model model-messy.json
"$py" -c '
import json, sys
r = json.load(open("report-messy.json"))
assert r["corpus"]["empty_documents"] == 2 and len(r["corpus"]["skipped"]) == 1, r["corpus"]
assert any(d["dominant"] is None for d in r["documents"])
' || fail "the messy folder did not give empty and skipped documents, so the null cases went untested"

validate report report-{als,mu,hals,kl,extrapolate,penalties,vectorizer,messy}.json
validate model model-{als,mu,hals,kl,extrapolate,penalties,vectorizer,messy}.json

# 4. transform: new text, a folder with an empty and a skipped file, several inputs.
mkdir new
printf 'The telescope showed the moon, the stars and a planet.\n' >new/sky.txt
printf 'zzzq qqqz\n' >new/unknown-words.txt
printf 'sky\0\n' >new/binary.txt
printf 'Knead the flour with sugar and salt, then bake.\n' >bread.txt
expect_ok "$bin" transform model-hals.json new bread.txt --json transform-hals.json
expect_ok "$bin" transform model-messy.json messy --json transform-messy.json
expect_ok "$bin" transform model-vectorizer.json new --json transform-vectorizer.json
validate transform transform-{hals,messy,vectorizer}.json

# 5. sweep.
expect_ok "$bin" sweep "$corpus" -k 2:4 --resamples 2 --json sweep.json
expect_ok "$bin" sweep "$corpus" -k 3,5 --resamples 2 --sample-fraction 0.6 --top-terms 8 --solver mu \
  --l1-h 0.001 --ngram 2 --json sweep-mu.json
expect_ok "$bin" sweep "$corpus" -k 3 --resamples 2 --extrapolate --json sweep-extrapolate.json
validate sweep sweep.json sweep-mu.json sweep-extrapolate.json

# 6. factor: each solver on the labelled cakes table; --extrapolate; penalties;
# a MatrixMarket file (no labels).
for solver in als mu hals kl; do
  expect_ok "$bin" factor "$cakes" -k 6 --solver "$solver" --tol 1e-6 --max-iter 300 -o "factor-$solver.json"
done
expect_ok "$bin" factor "$cakes" -k 6 --extrapolate -o factor-extrapolate.json
expect_ok "$bin" factor "$cakes" -k 4 --init nndsvdar --l1-w 0.5 --l2-h 0.1 -o factor-penalties.json
expect_ok "$bin" vectorize "$corpus" -o V.mtx
expect_ok "$bin" factor V.mtx -k 3 --init random --seed 4 -o factor-mtx.json
validate factor factor-{als,mu,hals,kl,extrapolate,penalties,mtx}.json

# vectorize writes the matrix and line lists only: no JSON to validate.
[ -z "$(find . -maxdepth 1 -name 'V*.json')" ] || fail "vectorize wrote a JSON file this test does not validate"

# 7. The schemas are strict: damaged copies of real outputs must fail, each
# for the rule it breaks.
"$py" - <<'PY' || fail "could not make the damaged copies"
import json

def damage(source, target, change):
    j = json.load(open(source))
    change(j)
    json.dump(j, open(target, "w"))

def rename(obj, old, new):
    obj[new] = obj.pop(old)

damage("report-hals.json", "bad-renamed.json", lambda r: rename(r["model"], "relative_error", "rel_error"))
damage("report-hals.json", "bad-string.json", lambda r: r["topics"][0].update(prevalence=str(r["topics"][0]["prevalence"])))
damage("report-hals.json", "bad-dropped.json", lambda r: r["corpus"].pop("nnz"))
damage("report-hals.json", "bad-integer.json", lambda r: r["model"].update(iterations=r["model"]["iterations"] + 0.5))
damage("report-hals.json", "bad-solver.json", lambda r: r["model"].update(solver="pg"))
damage("report-messy.json", "bad-share.json", lambda r: r["documents"][0]["mixture"].__setitem__(0, 1.5))
damage("model-hals.json", "bad-model.json", lambda m: rename(m["nmf"], "max_iter", "iterations"))
damage("transform-hals.json", "bad-transform.json", lambda t: t["documents"][0].update(dominant="1"))
damage("sweep.json", "bad-sweep.json", lambda s: s["results"][0].update(extra=1))
damage("factor-hals.json", "bad-factor.json", lambda f: f["H"][0].__setitem__(0, -0.25))
PY
# must_fail NAME FILE PATTERN: FILE must fail validation (exit 1, not 2), with
# PATTERN (extended regex) in the validator's output.
must_fail() {
  "$py" "$validate_script" "$schemas/$1.schema.json" "$2" >validate.txt 2>&1
  local got=$?
  if [ "$got" -ne 1 ]; then
    fail "$2 (damaged) against the $1 schema exited $got, expected 1: $(cat validate.txt)"
  elif ! grep -qE -- "$3" validate.txt; then
    fail "$2 (damaged): expected /$3/ in: $(cat validate.txt)"
  fi
}
must_fail report bad-renamed.json "/model: .*'rel_error' was unexpected"
must_fail report bad-renamed.json "/model: 'relative_error' is a required property"
must_fail report bad-string.json "/topics/0/prevalence: '[0-9.e-]+' is not of type 'number'"
must_fail report bad-dropped.json "/corpus: 'nnz' is a required property"
must_fail report bad-integer.json "/model/iterations: [0-9.]+ is not of type 'integer'"
must_fail report bad-solver.json "/model/solver: 'pg' is not one of"
must_fail report bad-share.json "/documents/0/mixture/0: 1.5 is greater than the maximum of 1"
must_fail model bad-model.json "/nmf: 'max_iter' is a required property"
must_fail transform bad-transform.json "/documents/0/dominant: '1' is not of type 'integer', 'null'"
must_fail sweep bad-sweep.json "/results/0: .*'extra' was unexpected"
must_fail factor bad-factor.json "/H/0/0: -0.25 is less than the minimum of 0"
# Each output against another output's schema fails too: the schema key or
# the closed key sets tell them apart.
must_fail model report-hals.json "'unbake.model/1' was expected"
must_fail report model-hals.json "'unbake.report/1' was expected"
must_fail factor report-hals.json "is a required property"
# Not JSON at all, and NaN (which Python's reader would otherwise accept).
printf '{"k": NaN}\n' >bad-nan.json
must_fail factor bad-nan.json "not valid JSON: NaN"
head -c 100 report-hals.json >bad-truncated.json
must_fail report bad-truncated.json "not valid JSON"

finish

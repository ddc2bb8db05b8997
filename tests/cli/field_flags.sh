#!/usr/bin/env bash
# The library names a refused setting by its field (min_df, l1_w); the command
# line says the flag that sets it (--min-df, --l1-w), through the one table in
# app/field_flags.cpp. Every entry of that table must be a real flag and a
# real field, and a refusal of each field the library checks must start with
# its flag. A field no flag sets (a model file's) keeps its own name.
set -uo pipefail
source "$(dirname "$0")/lib/expect.bash"
expect_setup "$@"

table="$src/app/field_flags.cpp"
[ -r "$table" ] || { echo "skipped: no $table"; exit 77; }
mapfile -t entries < <(sed -nE 's/^ *\{"([a-z0-9_]+)", "(-{1,2}[a-z0-9-]+)"\},$/\1:\2/p' "$table")
[ "${#entries[@]}" -ge 30 ] || fail "read only ${#entries[@]} entries from $table"

small_corpus docs
# Every flag of every subcommand, and every key of the files that store settings.
for cmd in fit sweep factor vectorize transform; do "$bin" "$cmd" --help; done >help.txt 2>&1
expect_ok "$bin" fit docs -k 2 --min-df 1 --model model.json
expect_ok "$bin" sweep docs -k 2:3 --min-df 1 --resamples 2 --json sweep.json
"$py" - model.json sweep.json >keys.txt <<'PY'
import json, sys
def keys(v):
    if isinstance(v, dict):
        for k, x in v.items():
            yield k
            yield from keys(x)
    elif isinstance(v, list):
        for x in v:
            yield from keys(x)
for path in sys.argv[1:]:
    with open(path) as f:
        print("\n".join(sorted(set(keys(json.load(f))))))
PY
# Fields that no file stores: the thread count (how, not what), sweep's list
# of k (each result has its k) and the reports' sizes (the HTML page's too).
unsaved=" threads ks top_words json_words top_docs matrix_cache html_documents "
for entry in "${entries[@]}"; do
  field=${entry%%:*} flag=${entry#*:}
  grep -qE -- "(^|[ ,])$flag( |,|$)" help.txt || fail "$field: no subcommand has the flag $flag"
  [[ $unsaved == *" $field "* ]] || grep -qx -- "$field" keys.txt || fail "$field: no saved setting has that key"
done

usage() { expect_error 2 "$@"; }
printf '1,0,2\n0,3,1\n2,1,0\n' >small.csv

# One refusal per checked field, each starting with the flag.
usage '^error: -k must be at least 1, got 0$' "$bin" fit docs -k 0
usage '^error: -k must be between 1 and min\(rows, columns\) = 3, got 4$' "$bin" factor small.csv -k 4
usage "^error: --solver: --solver must be one of " "$bin" factor small.csv -k 1 --solver cd
usage "^error: --init: --init must be one of " "$bin" factor small.csv -k 1 --init svd
usage '^error: --tol must be positive and finite$' "$bin" factor small.csv -k 1 --tol 0
usage '^error: --max-iter must be at least 1, got 0$' "$bin" factor small.csv -k 1 --max-iter 0
for p in l1-w l1-h l2-w l2-h; do
  usage "^error: --$p must be finite and >= 0, got -1" "$bin" factor small.csv -k 1 "--$p" -1
done
usage '^error: --threads must be >= 0 \(0 = all cores\), got -1$' "$bin" fit docs -k 2 --threads -1
usage "^error: --ext '\\.a/b' is not a dot and a name like" "$bin" fit docs -k 2 --ext a/b
usage '^error: --max-file-mb must be a positive number' "$bin" fit docs -k 2 --max-file-mb 0
usage "^error: --encoding 'nope' is not known" "$bin" fit docs -k 2 --encoding nope
usage '^error: --min-token-length must be at least 1, got 0$' "$bin" fit docs -k 2 --min-token-length 0
usage "^error: --stopwords 'xx' is neither " "$bin" fit docs -k 2 --stopwords xx
usage "^error: --stem 'xx' is not a stemming language" "$bin" fit docs -k 2 --stem xx
usage '^error: --ngram must be 1 or 2, got 0$' "$bin" vectorize docs --ngram 0 -o V.mtx
usage '^error: --min-df must be >= 0, got -1$' "$bin" vectorize docs --min-df -1 -o V.mtx
usage '^error: --max-df must be > 0, got 0$' "$bin" vectorize docs --max-df 0 -o V.mtx
usage '^error: --top-words must be at least 1, got 0$' "$bin" fit docs -k 2 --top-words 0
usage '^error: --json-words must be at least 1, got 0$' "$bin" fit docs -k 2 --json-words 0
usage '^error: --top-docs must be at least 0, got -1$' "$bin" fit docs -k 2 --top-docs -1
usage "^error: -k '3:' is not a valid range" "$bin" sweep docs -k 3:
usage '^error: --resamples must be at least 1, got 0$' "$bin" sweep docs -k 2:3 --resamples 0
usage '^error: --sample-fraction must be in \(0, 1\]' "$bin" sweep docs -k 2:3 --sample-fraction 2
usage '^error: --top-terms must be at least 1, got 0$' "$bin" sweep docs -k 2:3 --top-terms 0
# Two fields in one message: both are flags.
usage '^error: --extrapolate works with --solver hals only, not mu$' \
  "$bin" factor small.csv -k 1 --extrapolate --solver mu
usage '^error: --min-df 5 \(at least 5 documents\) and --max-df 0.5 \(at most 3 documents\) leave an empty vocabulary' \
  "$bin" vectorize docs --min-df 5 --max-df 0.5 -o V.mtx
# A file named before the field: still the flag.
printf '%%%%MatrixMarket matrix coordinate real general\n2 2 2\n1 1 1e-300\n2 2 1e-300\n' >tiny.mtx
usage '^error: tiny\.mtx: --l1-w is too large for a matrix whose largest entry is ' \
  "$bin" factor tiny.mtx -k 1 --l1-w 1e300
# A thread count above the cap is lowered with one warning naming the flag.
expect_ok "$bin" factor small.csv -k 1 --threads 100000
[ "$(grep -c '^warning: --threads 100000 is more than' err.txt)" -eq 1 ] || fail "no --threads warning: $(cat err.txt)"

# A model's settings have no flags: a damaged one is reported by its keys.
"$py" - <<'PY'
import json
m = json.load(open("model.json"))
m["nmf"]["max_iter"] = 0
json.dump(m, open("bad-model.json", "w"))
m = json.load(open("model.json"))
m["vectorizer"]["tokenizer"]["min_token_length"] = 0
json.dump(m, open("bad-tokens.json", "w"))
PY
expect_error 1 '^error: bad-model\.json: damaged model: max_iter must be at least 1, got 0$' \
  "$bin" transform bad-model.json docs
expect_error 1 '^error: bad-tokens\.json: damaged model: min_token_length must be at least 1, got 0$' \
  "$bin" transform bad-tokens.json docs

for f in V.mtx; do [ -e "$f" ] && fail "a usage error left $f behind"; done
no_temp_files .
finish

#!/usr/bin/env bash
# unbake vectorize end to end: the three outputs agree in size, a missing
# folder is a one-line runtime error naming it (exit 1), a bad option is a
# usage error (exit 2).
set -uo pipefail
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

corpus=$tmp/corpus
mkdir -p "$corpus/sport" "$corpus/food"
for i in 1 2 3 4 5; do
  echo "The striker scored a goal in the final match; the goalkeeper saved a penalty. Match $i." >"$corpus/sport/m$i.txt"
  echo "Simmer the tomatoes with garlic, then bake the bread; the recipe serves $i." >"$corpus/food/r$i.txt"
done
printf 'only 123 456\n' >"$corpus/food/empty.txt"
printf 'bin\0\0ary' >"$corpus/blob.txt"

check_outputs() {  # folder, label
  "$bin" vectorize "$1" -o "$tmp/V.mtx" --terms "$tmp/terms.txt" --docs "$tmp/docs.txt" --threads 2 \
    2>"$tmp/log" || { cat "$tmp/log" >&2; fail "vectorize $2 failed"; }
  for f in V.mtx terms.txt docs.txt; do [[ -s $tmp/$f ]] || fail "$2: $f missing or empty"; done
  read -r rows cols nnz < <(grep -v '^%' "$tmp/V.mtx" | head -1)
  [[ $rows -eq $(wc -l <"$tmp/docs.txt") ]] || fail "$2: $rows rows but $(wc -l <"$tmp/docs.txt") doc ids"
  [[ $cols -eq $(wc -l <"$tmp/terms.txt") ]] || fail "$2: $cols columns but $(wc -l <"$tmp/terms.txt") terms"
  (( nnz == $(grep -vc "^%" "$tmp/V.mtx") - 1 )) || fail "$2: nnz line disagrees with the entries"
  LC_ALL=C sort -c "$tmp/terms.txt" || fail "$2: terms not in byte order"
  grep -q 'documents read' "$tmp/log" || fail "$2: no summary on stderr"
}

check_outputs "$corpus" "temporary corpus"
grep -qx 'blob.txt' "$tmp/docs.txt" && fail "the binary file became a row"
grep -q 'skipped blob.txt' "$tmp/log" || fail "the skipped binary file is not reported"
grep -qx 'food/empty.txt' "$tmp/docs.txt" || fail "the empty document is not a row"
grep -q '1 empty' "$tmp/log" || fail "empty documents not counted: $(cat "$tmp/log")"
grep -qx 'goal' "$tmp/terms.txt" || fail "expected term 'goal' missing"
if [[ -d $src/corpora/default ]]; then check_outputs "$src/corpora/default" corpora/default; fi

# A folder that does not exist: exit 1, one line, naming the path.
"$bin" vectorize "$tmp/no-such-folder" -o "$tmp/x.mtx" 2>"$tmp/err"
rc=$?
[[ $rc -eq 1 ]] || fail "missing folder: exit $rc, expected 1"
[[ $(wc -l <"$tmp/err") -eq 1 ]] || fail "missing folder: expected one line, got: $(cat "$tmp/err")"
grep -q "$tmp/no-such-folder" "$tmp/err" || fail "missing folder: message does not name it: $(cat "$tmp/err")"
[[ -e $tmp/x.mtx ]] && fail "missing folder: an output was written"

# Bad options: exit 2.
for args in "--norm l3" "--min-df -1" "--threads -1" "--max-df 0" "--bogus"; do
  # shellcheck disable=SC2086
  "$bin" vectorize "$corpus" -o "$tmp/y.mtx" $args 2>"$tmp/err"
  rc=$?
  [[ $rc -eq 2 ]] || fail "'$args': exit $rc, expected 2 ($(cat "$tmp/err"))"
done
# Pruning that keeps nothing is a usage error that says why.
"$bin" vectorize "$corpus" -o "$tmp/y.mtx" --min-df 8 --max-df 0.5 2>"$tmp/err"
rc=$?
[[ $rc -eq 2 ]] || fail "min_df above max_df: exit $rc, expected 2"
grep -q 'empty vocabulary' "$tmp/err" || fail "min_df above max_df: unclear message: $(cat "$tmp/err")"
echo "vectorize CLI: ok"

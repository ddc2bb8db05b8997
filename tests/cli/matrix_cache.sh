#!/usr/bin/env bash
# The binary matrix form from the command line: `vectorize -o V.ubk` gives the
# matrix that `factor` reads with the same result as the MatrixMarket text;
# `fit --matrix-cache` and `sweep --matrix-cache` reuse it while the folder is
# unchanged and rebuild it when a file changes; a damaged .ubk is an input
# error naming the file, and a file that is not a cache is never overwritten.
set -uo pipefail
source "$(dirname "$0")/lib/expect.bash"
expect_setup "$@"
cp -r "$src/corpora/default" docs

"$bin" -q vectorize docs -o V.ubk || fail "vectorize -o V.ubk exited $?"
"$bin" -q vectorize docs -o V.mtx || fail "vectorize -o V.mtx exited $?"
"$bin" -q factor V.ubk -k 4 --h H_ubk.csv --w W_ubk.csv || fail "factor V.ubk exited $?"
"$bin" -q factor V.mtx -k 4 --h H_mtx.csv || fail "factor V.mtx exited $?"
# The numbers agree to the last digit; only the labels differ (the .ubk has them).
# (A MatrixMarket file has no column labels, so its H.csv has no header line.)
cmp -s <(tail -n 4 H_ubk.csv | cut -d, -f2-) <(tail -n 4 H_mtx.csv | cut -d, -f2-) ||
  fail "factor of V.ubk and of V.mtx give different H"
head -1 H_ubk.csv | grep -q "^,[a-z]" || fail "H of V.ubk has no term labels: $(head -1 H_ubk.csv | cut -c1-60)"
grep -q "^astronomy-and-space/" W_ubk.csv || fail "W of V.ubk has no document labels"

# fit: built, then reused with the same topics; a changed file replaces it.
"$bin" fit docs -k 4 --matrix-cache V.ubk --topics-csv t1.csv >/dev/null 2>log1 || fail "fit 1 exited $?"
grep -q "read docs from the matrix cache V.ubk" log1 || fail "fit did not reuse vectorize's cache: $(cat log1)"
"$bin" fit docs -k 4 --topics-csv t0.csv >/dev/null 2>&1 || fail "fit without cache exited $?"
cmp -s t0.csv t1.csv || fail "fit from the cache gives other topics than fit from the folder"
sleep 0.05
echo "extra words about comets and telescopes" >>docs/astronomy-and-space/total-solar-eclipse.txt
"$bin" fit docs -k 4 --matrix-cache V.ubk --topics-csv t2.csv >/dev/null 2>log2 || fail "fit 2 exited $?"
grep -q "replaced the matrix cache V.ubk" log2 || fail "a changed file did not replace the cache: $(cat log2)"
"$bin" fit docs -k 4 --topics-csv t3.csv >/dev/null 2>&1
cmp -s t2.csv t3.csv || fail "the rebuilt cache gives other topics than the folder"
"$bin" sweep docs -k 3:4 --resamples 2 --matrix-cache V.ubk >/dev/null 2>log3 || fail "sweep exited $?"
grep -q "read docs from the matrix cache" log3 || fail "sweep did not reuse the cache: $(cat log3)"

# A path that holds something else is refused and left alone.
echo '{"keep": 1}' >report.json
"$bin" fit docs -k 4 --matrix-cache report.json >/dev/null 2>err.txt
rc=$?
[ "$rc" -eq 1 ] || fail "--matrix-cache over a JSON file: exit $rc, expected 1"
grep -q "report.json: exists and is not an unbake matrix file" err.txt || fail "message: $(cat err.txt)"
[ "$(cat report.json)" = '{"keep": 1}' ] || fail "report.json was changed"

# A cut-off .ubk given to factor: exit 1, one line naming it.
head -c 1000 V.ubk >cut.ubk
"$bin" factor cut.ubk -k 2 >/dev/null 2>err.txt
rc=$?
[ "$rc" -eq 1 ] || fail "factor cut.ubk: exit $rc, expected 1"
grep -q "^error: cut.ubk: not a complete unbake matrix file" err.txt || fail "cut.ubk message: $(cat err.txt)"
[ "$(wc -l <err.txt)" -eq 1 ] || fail "cut.ubk: more than one line: $(cat err.txt)"

[ "$failures" -eq 0 ] && echo "ok" || exit 1

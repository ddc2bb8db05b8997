#!/usr/bin/env bash
# `unbake factor` from the command line: a small CSV factors, every output is
# complete, bad input fails with exit 1 naming the file, bad k with exit 2, and
# a failed run leaves an existing output untouched.
set -uo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")  # absolute: the test runs elsewhere
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}
py=$(command -v python3 || command -v /usr/bin/python3 || true)
if [ -z "$py" ]; then
  echo "skipped: no python3 to read the JSON output"
  exit 77
fi

cat >small.csv <<'CSV'
sample,a,b,c,d,e
s1,4,0,1,0,2
s2,0,3,0,1,0
s3,2,1,1,0,1
s4,0,2,0,2,1
s5,5,1,2,0,2
s6,1,4,0,1,0
CSV

# 1. A summary on stdout without -o.
"$bin" factor small.csv -k 2 >summary.txt 2>err.txt || fail "summary run exited $?: $(cat err.txt)"
grep -q "6 x 5" summary.txt || fail "summary does not give the shape"
grep -q "relative error" summary.txt || fail "summary does not give the relative error"
grep -qE "^factor +a +b +c +d +e" summary.txt || fail "summary does not print H with the column labels"

# 2. JSON with every key, W·H close to V, H rows summing to 1; CSV factors.
for solver in hals mu als kl; do
  "$bin" factor small.csv -k 2 --solver "$solver" --seed 3 -o "r_$solver.json" --w W.csv --h H.tsv 2>err.txt ||
    fail "$solver run exited $?: $(cat err.txt)"
  "$py" - "r_$solver.json" <<'PY' || fail "$solver JSON check"
import json, sys
r = json.load(open(sys.argv[1]))
keys = ["k", "solver", "init", "seed", "tol", "max_iter", "iterations", "converged", "relative_error",
        "objective_trace", "seconds", "W", "H", "row_labels", "column_labels"]
missing = [k for k in keys if k not in r]
assert not missing, f"missing keys {missing}"
assert r["k"] == 2 and r["seed"] == 3
assert r["row_labels"] == ["s1", "s2", "s3", "s4", "s5", "s6"], r["row_labels"]
assert r["column_labels"] == ["a", "b", "c", "d", "e"], r["column_labels"]
W, H = r["W"], r["H"]
assert len(W) == 6 and all(len(row) == 2 for row in W)
assert len(H) == 2 and all(len(row) == 5 for row in H)
assert all(x >= 0 for row in W + H for x in row), "negative factor entry"
for row in H:
    assert abs(sum(row) - 1) < 1e-9, f"H row sums to {sum(row)}"
V = [[4,0,1,0,2],[0,3,0,1,0],[2,1,1,0,1],[0,2,0,2,1],[5,1,2,0,2],[1,4,0,1,0]]
num = sum((V[i][j] - sum(W[i][t] * H[t][j] for t in range(2))) ** 2 for i in range(6) for j in range(5))
den = sum(v * v for row in V for v in row)
rel = (num / den) ** 0.5
# W·H must reproduce V as reported, with no hidden scale left out.
assert abs(rel - r["relative_error"]) < 1e-6 * max(1, rel), (rel, r["relative_error"])
assert rel < 0.5, rel
PY
done
# The unset settings resolve per solver, and the JSON says what ran: hals
# extrapolates at tol 1e-5, mu neither asks for nor refuses extrapolation,
# kl keeps the looser tol.
check_settings() {  # json, expected extrapolate, expected tol
  "$py" -c 'import json, sys; r = json.load(open(sys.argv[1]))
assert (r["extrapolate"], r["tol"]) == (sys.argv[2] == "true", float(sys.argv[3])), (r["extrapolate"], r["tol"])' "$@" ||
    fail "$1: extrapolate/tol are not $2/$3"
}
check_settings r_hals.json true 1e-5
check_settings r_mu.json false 1e-5
check_settings r_kl.json false 1e-4
"$bin" -q factor small.csv -k 2 --no-extrapolate -o plain.json || fail "--no-extrapolate exited $?"
check_settings plain.json false 1e-5
"$bin" -q factor small.csv -k 2 --solver mu --tol 3e-5 -o mu_tol.json || fail "mu --tol exited $?"
check_settings mu_tol.json false 3e-5

head -1 W.csv | grep -q "^,factor_1,factor_2$" || fail "W.csv header: $(head -1 W.csv)"
[ "$(wc -l <W.csv)" -eq 7 ] || fail "W.csv should have 7 lines"
head -1 H.tsv | grep -qP "^\ta\tb\tc\td\te$" || fail "H.tsv header is not tab-separated: $(head -1 H.tsv)"

# 3. Bad inputs: exit 1 and the message names the file.
printf 'a,b\n1,2\n3,-4\n' >negative.csv
printf '1,2\n3,nan\n' >nan.csv
printf '1,2,3\n4,5\n' >ragged.csv
printf '%%%%MatrixMarket matrix coordinate real symmetric\n2 2 1\n1 1 1\n' >symmetric.mtx
printf '%%%%MatrixMark matrix coordinate real general\n2 2 1\n1 1 1\n' >badheader.mtx
expect_input_error() {  # file, piece of the message
  "$bin" factor "$1" -k 1 >/dev/null 2>err.txt
  local rc=$?
  [ "$rc" -eq 1 ] || fail "$1: exit $rc, expected 1"
  grep -q "$1" err.txt || fail "$1: message does not name the file: $(cat err.txt)"
  grep -q "$2" err.txt || fail "$1: message lacks '$2': $(cat err.txt)"
}
expect_input_error negative.csv "negative value -4 at row 2, column 2"
expect_input_error nan.csv "NaN value at row 2, column 2"
expect_input_error ragged.csv "ragged.csv:2: row has 2 fields, expected 3"
expect_input_error symmetric.mtx "symmetric matrices are not supported"
expect_input_error badheader.mtx "badheader.mtx:1: not a MatrixMarket file"
expect_input_error missing.csv "missing.csv"

# 4. Bad k: usage error, exit 2.
for k in 0 6 -1; do
  "$bin" factor small.csv -k "$k" >/dev/null 2>err.txt
  rc=$?
  [ "$rc" -eq 2 ] || fail "-k $k: exit $rc, expected 2"
  grep -qi "k" err.txt || fail "-k $k: no message"
done
"$bin" factor small.csv -k 6 >/dev/null 2>err.txt
grep -qF "min(rows, columns) = 5" err.txt || fail "-k 6 message does not explain the bound"
"$bin" factor small.csv >/dev/null 2>&1
[ $? -eq 2 ] || fail "missing -k should be a usage error"

# 5. A failed run leaves an existing output unchanged, and leaves no temp file.
echo "precious" >keep.json
echo "precious" >keep.csv
"$bin" factor negative.csv -k 1 -o keep.json --w keep.csv >/dev/null 2>&1 && fail "negative input succeeded"
"$bin" factor small.csv -k 9 -o keep.json --w keep.csv >/dev/null 2>&1 && fail "-k 9 succeeded"
[ "$(cat keep.json)" = "precious" ] || fail "keep.json was changed by a failed run"
[ "$(cat keep.csv)" = "precious" ] || fail "keep.csv was changed by a failed run"
ls | grep -q unbake-tmp && fail "temporary files left behind"
"$bin" factor small.csv -k 2 -o no/such/folder/r.json >/dev/null 2>err.txt
[ $? -eq 1 ] || fail "unwritable output should exit 1"
grep -q "no/such/folder" err.txt || fail "unwritable output message does not name the path"

# 6. Same input and seed, different thread counts: identical factors.
"$bin" factor small.csv -k 2 --threads 1 --w t1.csv >/dev/null 2>&1
"$bin" factor small.csv -k 2 --threads 2 --w t2.csv >/dev/null 2>&1
cmp -s t1.csv t2.csv || fail "W differs between 1 and 2 threads"

# Clipped ALS is not monotone: at k above the matrix's rank it can end worse
# than all-zero factors. The numbers stay as they are, and a warning says so
# (the monotone hals never needs it).
printf '%%%%MatrixMarket matrix coordinate real general\n9 4 5\n1 2 5\n2 3 3\n2 4 2e-3\n1 3 7\n2 1 1\n' >rank2.mtx
"$bin" factor rank2.mtx -k 3 --solver als -o als.json 2>als.err || fail "als on rank2.mtx failed: $(cat als.err)"
grep -q '^warning: the als fit ended with relative error [0-9.]*, worse than all-zero factors; try the hals solver$' als.err ||
  fail "no warning for an ALS fit worse than zero: $(cat als.err)"
"$bin" factor rank2.mtx -k 3 --solver hals -o hals.json 2>hals.err || fail "hals on rank2.mtx failed"
grep -q 'worse than all-zero' hals.err && fail "hals warned: $(cat hals.err)"

if [ "$failures" -gt 0 ]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "factor: all checks passed"

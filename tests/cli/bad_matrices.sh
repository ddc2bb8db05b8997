#!/usr/bin/env bash
# Matrices from other tools given to `unbake factor`: bad values, damaged
# MatrixMarket headers and counts, ragged or non-numeric CSV rows, empty
# matrices. Each is exit 1 with one line naming the file and where; all-zero
# rows and columns are fine and give zero factors, never NaN.
set -uo pipefail
source "$(dirname "$0")/lib/expect.bash"
expect_setup "$@"

mm() { printf '%%%%MatrixMarket matrix coordinate real general\n'; printf "$@"; }
bad() { expect_error 1 "$@"; }

# Values a non-negative factorization cannot take, in both formats.
printf ',a,b,c\nr1,1,2,3\nr2,4,-5,6\n' >neg.csv
bad '^error: neg\.csv: negative value -5 at row 2, column 2 ' "$bin" factor neg.csv -k 1
printf ',a,b,c\nr1,1,2,3\nr2,4,nan,6\n' >nan.csv
bad '^error: nan\.csv: NaN value at row 2, column 2 ' "$bin" factor nan.csv -k 1
printf 'a\tb\tc\n1\tinf\t3\n4\t5\t6\n' >inf.tsv
bad '^error: inf\.tsv: infinite value inf at row 1, column 2 ' "$bin" factor inf.tsv -k 1
mm '2 2 2\n1 1 -1\n2 2 1\n' >neg.mtx
bad '^error: neg\.mtx: negative value -1 at row 1, column 1 ' "$bin" factor neg.mtx -k 1
mm '2 2 2\n1 2 NaN\n2 2 1\n' >nan.mtx
bad '^error: nan\.mtx: NaN value at row 1, column 2 ' "$bin" factor nan.mtx -k 1
mm '2 2 2\n1 1 -inf\n2 2 1\n' >inf.mtx
bad '^error: inf\.mtx: infinite value -inf at row 1, column 1 ' "$bin" factor inf.mtx -k 1

# MatrixMarket: wrong header, wrong counts, bad indices.
printf 'hello\n1 1 1\n' >noheader.mtx
bad "^error: noheader\.mtx:1: not a MatrixMarket file" "$bin" factor noheader.mtx -k 1
printf '%%%%MatrixMarket matrix coordinat real general\n2 2 1\n1 1 1\n' >typo.mtx
bad "^error: typo\.mtx:1: unsupported format 'coordinat'" "$bin" factor typo.mtx -k 1
printf '%%%%MatrixMarket matrix coordinate complex general\n2 2 1\n1 1 1 0\n' >complex.mtx
bad "^error: complex\.mtx:1: complex matrices are not supported" "$bin" factor complex.mtx -k 1
mm '2 2 3\n1 1 1\n2 2 1\n' >short.mtx
bad '^error: short\.mtx:4: file ends after 2 of the 3 entries declared on the size line \(truncated\?\)$' \
  "$bin" factor short.mtx -k 1
mm '2 2 1\n1 1 1\n2 2 1\n' >long.mtx
bad '^error: long\.mtx:4: more entries than the 1 declared on the size line$' "$bin" factor long.mtx -k 1
mm '2 2 5\n' >toomany.mtx
bad '^error: toomany\.mtx:2: bad size line: 5 entries cannot fit in a 2 x 2 matrix$' "$bin" factor toomany.mtx -k 1

# Two entries for one place: summing them would let -1 pass under 3. Rows in
# order (the fast path) and out of order alike; the message names both lines.
mm '%% two entries for (1, 1)\n2 2 3\n1 1 -1\n1 1 3\n2 2 1\n' >dup.mtx
bad '^error: dup\.mtx:5: duplicate entry for row 1, column 1 \(first on line 4\)$' "$bin" factor dup.mtx -k 1
mm '2 2 3\n2 2 1\n1 1 -1\n2 2 3\n' >dup-unordered.mtx
bad '^error: dup-unordered\.mtx:5: duplicate entry for row 2, column 2 \(first on line 3\)$' \
  "$bin" factor dup-unordered.mtx -k 1

# A device is refused before it is read (it never ends), also behind a link
# with a matrix's name; a stream (FIFO) is read to its end.
bad '^error: /dev/zero: is a character device, not a file$' "$bin" factor /dev/zero -k 1
ln -s /dev/zero devzero.mtx
bad '^error: devzero\.mtx: is a character device, not a file$' timeout 60 "$bin" factor devzero.mtx -k 1
ln -s /dev/urandom random.csv
bad '^error: random\.csv: is a character device, not a file$' timeout 60 "$bin" factor random.csv -k 1
if mkfifo pipe.mtx 2>/dev/null; then
  mm '2 2 2\n1 1 1\n2 2 2\n' >fifo-source.mtx
  cat fifo-source.mtx >pipe.mtx &
  expect_ok timeout 60 "$bin" factor pipe.mtx -k 1
  wait
  grep -q '^pipe\.mtx: 2 x 2 matrix, 2 non-zeros$' out.txt || fail "a matrix through a FIFO: $(head -c 300 out.txt)"
fi
mm '2 x 1\n1 1 1\n' >size.mtx
bad "^error: size\.mtx:2: bad size line: columns 'x' is not a non-negative integer" "$bin" factor size.mtx -k 1
mm '2 2 1\n3 1 1\n' >index.mtx
bad '^error: index\.mtx:3: row index 3 is out of range 1\.\.2$' "$bin" factor index.mtx -k 1
mm '2 2 1\n1 1 abc\n' >value.mtx
bad "^error: value\.mtx:3: value 'abc' is not a number$" "$bin" factor value.mtx -k 1
# A damaged size line must not make unbake reserve memory for 2e9 rows.
printf '%%%%MatrixMarket matrix array real general\n4444444444444444442 3\n' >overflow.mtx
bad '^error: overflow\.mtx:2: matrix too large: 4444444444444444442 x 3 ' "$bin" factor overflow.mtx -k 1
mm '2000000000 1 0\n' >huge.mtx
bad '^error: huge\.mtx:2: matrix too large: 2000000000 x 1 \(at most 50000000 rows and columns\)$' \
  "$bin" factor huge.mtx -k 1

# CSV: ragged rows, cells that are not numbers, unterminated quotes.
printf ',a,b,c\nr1,1,2\nr2,4,5,6\n' >ragged.csv
bad '^error: ragged\.csv:2: row has 3 fields, expected 4 \(as on line 1\)$' "$bin" factor ragged.csv -k 1
printf ',a,b,c\nr1,1,x,3\nr2,4,5,6\n' >text.csv
bad "^error: text\.csv:2: column 3: 'x' is not a number$" "$bin" factor text.csv -k 1
printf ',a,b\nr1,1,\nr2,4,5\n' >hole.csv
bad '^error: hole\.csv:2: column 3 is empty$' "$bin" factor hole.csv -k 1
printf ',a,b\n"r1,1,2\nr2,4,5\n' >quote.csv
bad '^error: quote\.csv:2: quoted field is never closed$' "$bin" factor quote.csv -k 1
printf 'a,b\n' >header-only.csv
bad '^error: header-only\.csv: no data rows after the header on line 1$' "$bin" factor header-only.csv -k 1

# Empty matrices: an empty file, 0 x 0, all zeros.
: >empty.csv
bad '^error: empty\.csv: empty file$' "$bin" factor empty.csv -k 1
mm '0 0 0\n' >zero.mtx
bad '^error: zero\.mtx: the matrix is empty \(0 x 0\)$' "$bin" factor zero.mtx -k 1
mm '2 3 2\n1 1 0\n2 2 0\n' >allzero.mtx
bad '^error: allzero\.mtx: every entry of the 2 x 3 matrix is zero$' "$bin" factor allzero.mtx -k 1
bad "^error: matrix\.dat: unknown matrix format '\.dat'" "$bin" factor matrix.dat -k 1
bad '^error: cannot read missing\.mtx: cannot open: No such file or directory$' "$bin" factor missing.mtx -k 1

# An all-zero row and an all-zero column: a zero row of W, a zero column of
# H, finite numbers everywhere.
printf ',a,b,c,d\nr1,0,0,0,0\nr2,4,0,6,1\nr3,1,0,2,3\nr4,2,0,1,5\n' >zeros.csv
for solver in hals mu als kl; do
  expect_ok "$bin" factor zeros.csv -k 2 --solver "$solver" -o "z_$solver.json"
  "$py" - "z_$solver.json" <<'PY' || fail "$solver on all-zero row and column"
import json, math, sys

def no_constants(name):
    raise ValueError(f"{name} in the output")

r = json.load(open(sys.argv[1]), parse_constant=no_constants)
W, H = r["W"], r["H"]
assert all(math.isfinite(x) and x >= 0 for row in W + H for x in row)
assert W[0] == [0.0, 0.0], W[0]
assert all(row[1] == 0.0 for row in H), H
assert math.isfinite(r["relative_error"])
PY
done

finish

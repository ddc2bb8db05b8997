#!/usr/bin/env bash
# Matrices far from 1: every solver factors a planted matrix scaled by 1e-300
# .. 1e300 or 2^-1000 .. 2^1000 to finite outputs with the unscaled matrix's
# relative error and W scaled with the matrix; the JSON holds no null, NaN or
# infinity; a matrix whose factor scales overflow fails naming the file.
set -uo pipefail
source "$2/tests/cli/lib/expect.bash"
expect_setup "$@"
[ -n "$py" ] || { echo "skipped: no python3 to write the matrices and read the JSON"; exit 77; }

# planted.mtx SCALE_EXPONENT BASE: V = W H (12 x 9, rank 3) times BASE^E,
# written exactly (BASE 2: as hex floats parsed through Python's float).
"$py" - <<'PY'
import random
random.seed(7)
m, n, k = 12, 9, 3
W = [[random.choice([0, 1, 2, 3]) + 1 if (i + t) % 3 else 0 for t in range(k)] for i in range(m)]
H = [[random.choice([1, 2, 5]) if (j + t) % 2 == 0 or t == j % k else 0 for j in range(n)] for t in range(k)]
V = [[sum(W[i][t] * H[t][j] for t in range(k)) for j in range(n)] for i in range(m)]
# Largest entry in [1, 2): V x 2^j (j even) is then solved as exactly V.
top = max(max(r) for r in V)
e = 0
while top / 2.0 ** e >= 2:
    e += 1
V = [[v / 2.0 ** e for v in r] for r in V]
def write(name, scale):
    entries = [(i, j, V[i][j] * scale) for i in range(m) for j in range(n) if V[i][j]]
    with open(name, "w") as f:
        f.write("%%MatrixMarket matrix coordinate real general\n")
        f.write(f"{m} {n} {len(entries)}\n")
        for i, j, v in entries:
            f.write(f"{i + 1} {j + 1} {v!r}\n")
write("base.mtx", 1.0)
for p in (-300, -150, 150, 300):
    write(f"dec{p}.mtx", float(f"1e{p}"))
for j in (-1000, -400, 400, 1000):
    write(f"pow{j}.mtx", 2.0 ** j)
write("huge.mtx", 2.0 ** 1022)
PY

# check.py OUT REF SCALE ERR_TOL [W_TOL]: no null/NaN/inf anywhere in OUT,
# OUT's relative error within ERR_TOL of REF's and (with W_TOL) W within
# W_TOL of REF's W times SCALE.
cat >check.py <<'PY'
import json, math, sys
text = open(sys.argv[1]).read()
for bad in ("null", "NaN", "Infinity"):
    if bad in text:
        sys.exit(f"{bad} in the JSON")
out, ref, scale = json.loads(text), json.load(open(sys.argv[2])), float(sys.argv[3])
tol = float(sys.argv[4])
w_tol = float(sys.argv[5]) if len(sys.argv) > 5 else None
if abs(out["relative_error"] - ref["relative_error"]) > tol:
    sys.exit(f"relative error {out['relative_error']} vs unscaled {ref['relative_error']}")
for ro, rr in zip(out["W"], ref["W"]):
    for a, b in zip(ro, rr):
        if not math.isfinite(a) or (w_tol is not None and abs(a / scale - b) > w_tol * (1 + abs(b))):
            sys.exit(f"W entry {a} is not {b} x {scale}")
PY

for solver in hals als mu kl; do
  for pen in "" "--l2-w 0.01 --l1-h 0.01"; do
    # shellcheck disable=SC2206  # pen is split into flags on purpose
    flags=(-k 3 --solver "$solver" --tol 1e-12 --max-iter 100 $pen)
    expect_ok "$bin" factor base.mtx "${flags[@]}" -o ref.json
    for f in pow*.mtx dec*.mtx; do
      p=${f%.mtx}
      # A penalty of 0.01 outweighs entries of 1e-300 beyond what a double
      # says: a usage error (checked below), not a fit.
      [ -n "$pen" ] && case $p in pow-1000 | dec-300) continue ;; esac
      expect_ok "$bin" factor "$f" "${flags[@]}" -o out.json
      # Penalties are in V's units (V -> sV needs l1 x s^(3/2), l2 x s for
      # the same factors): penalised runs are only checked for finite output.
      if [ -n "$pen" ]; then
        "$py" check.py out.json out.json 1 0 || fail "factor $f --solver $solver $pen: $(cat err.txt)"
      elif [ "${p#pow}" != "$p" ]; then
        # Solved as exactly base.mtx: the same error, W exactly scaled.
        "$py" check.py out.json ref.json "$("$py" -c "print(float(2**${p#pow}))")" 0 1e-15 ||
          fail "factor $f --solver $solver"
      else
        # A decimal scale is not a power of two: the scaled problem is V x c
        # for some c in [1, 4), whose fit differs from V's (NMF's factors are
        # not unique; kl and mu have absolute floors): the same error for
        # the least-squares solvers to 1e-3 (both fits are near exact), finite
        # outputs for all.
        case $solver in hals | als) err_tol=1e-3 ;; *) err_tol=1 ;; esac
        "$py" check.py out.json ref.json "1e${p#dec}" "$err_tol" || fail "factor $f --solver $solver"
      fi
    done
  done
done

expect_error 2 '^error: dec-300\.mtx: --l1-w is too large for a matrix whose largest entry is 1\.[0-9]*e-300' \
  "$bin" factor dec-300.mtx -k 3 --l1-w 0.01 -o out.json
# Entries up to 2^1023: each factor's scale (its share of V's sum) overflows.
expect_error 1 '^error: huge\.mtx: .*not finite' "$bin" factor huge.mtx -k 3 -o out.json
finish

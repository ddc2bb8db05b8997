#!/usr/bin/env bash
# "Unbaking cakes": the recipes' nutrition facts (corpora/cakes/nutrition.csv)
# are mixtures of six ingredient profiles. Factoring them with k = 6 must give
# back every ingredient profile (rows of H) and every ingredient's amounts
# across recipes (columns of W), up to scale and order.
set -euo pipefail
bin=$1
src=$2
py=$(command -v python3 || true)
if [ -z "$py" ]; then
  echo "skipped: no python3 to compare the factors"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The data is honest: nutrition.csv is exactly recipes x ingredients.
"$py" "$src/scripts/make_cakes.py" --check

# Exact recovery needs the factorization run to (near) zero error, hence the
# tight tolerance; the default stopping rule is meant for noisy real data.
"$bin" -q factor "$src/corpora/cakes/nutrition.csv" -k 6 --tol 1e-10 --max-iter 5000 -o "$work/cakes.json"

"$py" - "$src/corpora/cakes" "$work/cakes.json" <<'PY'
import csv, itertools, json, math, sys

def table(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return rows[0][1:], [r[0] for r in rows[1:]], [[float(x) for x in r[1:]] for r in rows[1:]]

def cosine(a, b):
    na, nb = math.sqrt(sum(x * x for x in a)), math.sqrt(sum(y * y for y in b))
    return sum(x * y for x, y in zip(a, b)) / (na * nb) if na and nb else 0.0

folder, result = sys.argv[1], json.load(open(sys.argv[2]))
nutrients, ingredients, profiles = table(f"{folder}/ingredients.csv")
_, recipes, amounts = table(f"{folder}/recipes.csv")
H, W = result["H"], result["W"]
k = len(ingredients)
assert result["k"] == k and len(H) == k, "wrong number of factors"
assert result["column_labels"] == nutrients, result["column_labels"]
assert result["row_labels"] == recipes, result["row_labels"]

# Best assignment of factors to ingredients by total cosine (k! is small).
score = [[cosine(H[f], profiles[i]) for f in range(k)] for i in range(k)]
best = max(itertools.permutations(range(k)), key=lambda p: sum(score[i][p[i]] for i in range(k)))
failed = False
for i, name in enumerate(ingredients):
    f = best[i]
    used = [row[i] for row in amounts]
    w_cos = cosine([row[f] for row in W], used)
    ok = score[i][f] >= 0.99 and w_cos >= 0.99
    failed |= not ok
    print(f"{'ok ' if ok else 'BAD'} {name:<24} factor {f + 1}: profile cosine {score[i][f]:.5f}, "
          f"amounts cosine {w_cos:.5f}")
print(f"relative error {result['relative_error']:.3g} after {result['iterations']} iterations")
sys.exit(1 if failed else 0)
PY

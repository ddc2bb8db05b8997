#!/usr/bin/env python3
"""Builds corpora/cakes/nutrition.csv = recipes.csv x ingredients.csv.

Each recipe row holds amounts of ingredients (in the units their names give);
each ingredient row holds its nutrients per unit. A recipe's nutrition facts
are therefore the amount-weighted sum of its ingredients' profiles, which is
exactly the product the factorization later "unbakes".

    scripts/make_cakes.py          # rewrite nutrition.csv
    scripts/make_cakes.py --check  # exit 1 if nutrition.csv is not the product
"""
import csv
import io
import sys
from pathlib import Path

CAKES = Path(__file__).resolve().parent.parent / "corpora" / "cakes"


def read_table(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    return header[1:], [r[0] for r in body], [[float(x) for x in r[1:]] for r in body]


def number(x):
    # Amounts have at most 3 decimals and profiles 1, so 6 decimals is exact.
    text = f"{x:.6f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def nutrition_text():
    nutrients, ingredients, profiles = read_table(CAKES / "ingredients.csv")
    used, recipes, amounts = read_table(CAKES / "recipes.csv")
    if used != ingredients:
        sys.exit(f"recipes.csv columns {used} do not match ingredients.csv rows {ingredients}")
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["recipe"] + nutrients)
    for name, row in zip(recipes, amounts):
        totals = [sum(a * p[j] for a, p in zip(row, profiles)) for j in range(len(nutrients))]
        w.writerow([name] + [number(t) for t in totals])
    return out.getvalue()


def main():
    text = nutrition_text()
    target = CAKES / "nutrition.csv"
    if "--check" in sys.argv[1:]:
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            sys.exit(f"{target} is not recipes.csv x ingredients.csv: run scripts/make_cakes.py")
        return
    target.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""scikit-learn's side of bench/factor.sh.

    factor_sklearn.py export CORPUS OUT.mtx   TF-IDF of a folder-per-class corpus as MatrixMarket
    factor_sklearn.py fit MATRIX.mtx SOLVER K  time NMF(solver=SOLVER).fit alone; print one JSON line

The export is what `unbake factor` then reads, so both sides factor the very
same matrix. Timing covers the fit only (not reading the matrix), so the
comparison favours scikit-learn by the cost of parsing.
"""
import json
import sys
import time
import warnings
from pathlib import Path


def read_documents(corpus):
    docs = []
    for path in sorted(p for p in Path(corpus).rglob("*") if p.is_file()):
        raw = path.read_bytes()
        try:
            docs.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            docs.append(raw.decode("latin-1"))  # older posts are Latin-1
    return docs


def export(corpus, out):
    from scipy.io import mmwrite
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = read_documents(corpus)
    V = TfidfVectorizer(stop_words="english", min_df=2, max_df=0.95).fit_transform(docs).tocsr()
    V.sort_indices()
    tmp = Path(str(out) + ".tmp.mtx")
    mmwrite(str(tmp), V, comment="TF-IDF of %s (scikit-learn TfidfVectorizer)" % corpus)
    tmp.rename(out)
    print(f"exported {V.shape[0]} x {V.shape[1]} matrix with {V.nnz} non-zeros to {out}", file=sys.stderr)


def fit(matrix, solver, k):
    import numpy as np
    from scipy.io import mmread
    from sklearn.decomposition import NMF

    V = mmread(matrix).tocsr()
    model = NMF(n_components=k, solver=solver, init="nndsvda", tol=1e-4, max_iter=200, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "did not converge" is reported as a field instead
        start = time.perf_counter()
        W = model.fit_transform(V)
        seconds = time.perf_counter() - start
    H = model.components_
    # ||V - WH||^2 = ||V||^2 - 2 <V, WH> + ||WH||^2 with <V, WH> = sum((V H^T) .* W):
    # no dense m x n product is ever formed.
    vv = V.multiply(V).sum()
    vwh = np.sum(np.asarray(V @ H.T) * W)
    whwh = np.sum((W.T @ W) * (H @ H.T))
    rel = float(np.sqrt(max(vv - 2 * vwh + whwh, 0.0) / vv))
    print(json.dumps({"solver": solver, "seconds": seconds, "iterations": int(model.n_iter_),
                      "relative_error": rel}))


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "export":
        export(sys.argv[2], Path(sys.argv[3]))
    elif len(sys.argv) == 5 and sys.argv[1] == "fit":
        fit(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()

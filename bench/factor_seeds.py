#!/usr/bin/python3
"""scikit-learn's side of bench/factor_seeds.sh: NMF(solver=SOLVER) on one
matrix for several random_state values, one JSON line per seed.

    factor_seeds.py MATRIX.mtx SOLVER K SEED...

NMF's local optimum depends on its start (here: the randomized SVD behind
nndsvda), so one seed is one draw; comparing several is fairer than one.
"""
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import peer  # noqa: E402


def main(matrix, solver, k, seeds):
    from scipy.io import mmread
    from sklearn.decomposition import NMF

    V = mmread(matrix).tocsr()
    for seed in seeds:
        model = NMF(n_components=k, solver=solver, **{**peer.NMF_DEFAULTS, "random_state": seed})
        start = time.perf_counter()
        W, H = peer.fit_nmf(model, V)
        seconds = time.perf_counter() - start
        peer.emit(seed=seed, seconds=seconds, iterations=int(model.n_iter_),
                  relative_error=peer.relative_error(V, W, H))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), [int(s) for s in sys.argv[4:]])

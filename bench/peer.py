#!/usr/bin/python3
"""scikit-learn's side of the speed benchmarks (bench/harness.sh, vectorize.sh, factor.sh).

    peer.py stopwords OUT.txt                 scikit-learn's English stopwords, one per line
    peer.py vectorize CORPUS                  time TfidfVectorizer on a folder
    peer.py export CORPUS OUT.mtx             its TF-IDF as MatrixMarket (what `unbake factor` reads)
    peer.py factor MATRIX.mtx SOLVER K        time NMF(solver=SOLVER).fit alone
    peer.py fit CORPUS K                      time the TfidfVectorizer + NMF pipeline

Each timing command prints one JSON line with its own `seconds`. The settings
are scikit-learn's usual ones and the same as bench/sklearn_topics.py:
TfidfVectorizer(stop_words='english', min_df=2, max_df=0.95) and NMF(init='nndsvda',
tol=1e-4, max_iter=200, random_state=0), solver 'cd' unless told.

A corpus is read as bench/score_topics.py reads it (bytewise-sorted paths,
hidden files and root README* skipped, UTF-8 with a Latin-1 fallback), one
document at a time, and reading counts in `vectorize` and `fit` (unbake's
time includes its reading too). `factor` times NMF.fit alone, with the matrix
already in memory, which favours scikit-learn by the cost of parsing.
`relative_error` is ||V - WH||_F / ||V||_F, computed without forming WH.
"""

import json
import sys
import time
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_topics import list_documents, read_text  # noqa: E402

NMF_DEFAULTS = dict(init="nndsvda", tol=1e-4, max_iter=200, random_state=0)


def vectorizer():
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(stop_words="english", min_df=2, max_df=0.95)


def tfidf(corpus):
    paths = list_documents(corpus)
    return vectorizer().fit_transform(read_text(corpus, p) for p in paths).tocsr()


def relative_error(V, W, H):
    # ||V - WH||² = ||V||² - 2 <V, WH> + ||WH||², <V, WH> = Σ (V Hᵀ) ∘ W.
    vv = V.multiply(V).sum()
    vwh = np.sum(np.asarray(V @ H.T) * W)
    whwh = np.sum((W.T @ W) * (H @ H.T))
    return float(np.sqrt(max(vv - 2 * vwh + whwh, 0.0) / vv))


def nmf(k, solver="cd"):
    from sklearn.decomposition import NMF

    return NMF(n_components=k, solver=solver, **NMF_DEFAULTS)


def fit_nmf(model, V):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "did not converge" is reported as a field instead
        W = model.fit_transform(V)
    return W, model.components_


def cmd_stopwords(out):
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    Path(out).write_text("".join(w + "\n" for w in sorted(ENGLISH_STOP_WORDS)), encoding="utf-8")


def cmd_vectorize(corpus):
    start = time.perf_counter()
    V = tfidf(corpus)
    seconds = time.perf_counter() - start
    emit(seconds=seconds, documents=V.shape[0], terms=V.shape[1], nonzeros=int(V.nnz))


def cmd_export(corpus, out):
    from scipy.io import mmwrite

    V = tfidf(corpus)
    V.sort_indices()
    tmp = Path(str(out) + ".tmp.mtx")
    mmwrite(str(tmp), V, comment="TF-IDF of %s (scikit-learn TfidfVectorizer)" % corpus)
    tmp.rename(out)
    print(f"exported {V.shape[0]} x {V.shape[1]} matrix with {V.nnz} non-zeros to {out}", file=sys.stderr)


def cmd_factor(matrix, solver, k):
    from scipy.io import mmread

    V = mmread(matrix).tocsr()
    model = nmf(k, solver)
    start = time.perf_counter()
    W, H = fit_nmf(model, V)
    seconds = time.perf_counter() - start
    emit(solver=solver, seconds=seconds, iterations=int(model.n_iter_), relative_error=relative_error(V, W, H))


def cmd_fit(corpus, k):
    # Vectorize and factor, as the pipeline's user runs them; the error is
    # computed after the timer stops, and no report is written (unbake writes
    # one in its time), so both the time and the peak memory favour the peer.
    start = time.perf_counter()
    V = tfidf(corpus)
    vectorize_seconds = time.perf_counter() - start
    model = nmf(k)
    W, H = fit_nmf(model, V)
    seconds = time.perf_counter() - start
    emit(seconds=seconds, vectorize_seconds=vectorize_seconds, nmf_seconds=seconds - vectorize_seconds,
         documents=V.shape[0], terms=V.shape[1], iterations=int(model.n_iter_), relative_error=relative_error(V, W, H))


def emit(**fields):
    print(json.dumps(fields), flush=True)


def main(argv):
    if len(argv) == 2 and argv[0] == "stopwords":
        cmd_stopwords(argv[1])
    elif len(argv) == 2 and argv[0] == "vectorize":
        cmd_vectorize(argv[1])
    elif len(argv) == 3 and argv[0] == "export":
        cmd_export(argv[1], Path(argv[2]))
    elif len(argv) == 4 and argv[0] == "factor":
        cmd_factor(argv[1], argv[2], int(argv[3]))
    elif len(argv) == 3 and argv[0] == "fit":
        cmd_fit(argv[1], int(argv[2]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])

#!/usr/bin/python3
"""The peer pipeline: scikit-learn TF-IDF + NMF with its defaults, written as an unbake.report/1 file.

Usage: sklearn_topics.py CORPUS_DIR -k K --json OUT.json [--words 25] [--top-docs 3]

Documents are read as score_topics.list_documents lists them (bytewise-sorted
relative paths, hidden files and root README* files skipped) and decoded as
UTF-8 with a Latin-1 fallback, so every file is read. Then
  TfidfVectorizer(stop_words='english', min_df=2, max_df=0.95)
  NMF(n_components=K, init='nndsvda', random_state=0, max_iter=200)   # solver 'cd', tol 1e-4
Topics are the rows of H (weights scaled to sum to 1 per topic, words ranked
by weight); a document's mixture is its row of W divided by its sum, and its
dominant topic the argmax (null when the row is all zero). Timings go to stderr.
"""

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_topics import list_documents, read_text  # noqa: E402


def ranked(values, n):
    # Largest first; ties keep index order so the output is reproducible.
    order = np.argsort(-values, kind="stable")
    return order[:n]


def build_report(root, paths, terms, W, H, words, top_docs, model):
    k = H.shape[0]
    h_sums = H.sum(axis=1)
    w_sums = W.sum(axis=1)
    mixtures = np.divide(W, w_sums[:, None], out=np.zeros_like(W), where=w_sums[:, None] > 0)
    total = mixtures.sum()
    prevalence = mixtures.sum(axis=0) / total if total > 0 else np.zeros(k)
    dominant = [int(np.argmax(row)) if s > 0 else None for row, s in zip(mixtures, w_sums)]

    topics = []
    for t in range(k):
        share = H[t] / h_sums[t] if h_sums[t] > 0 else H[t]
        top = [i for i in ranked(share, words) if share[i] > 0]
        docs = [i for i in ranked(mixtures[:, t], top_docs) if mixtures[i, t] > 0]
        topics.append(
            {
                "id": t,
                "label": ", ".join(terms[i] for i in top[:3]),
                "prevalence": float(prevalence[t]),
                "words": [{"word": terms[i], "weight": float(share[i])} for i in top],
                "top_documents": [{"path": paths[i], "weight": float(mixtures[i, t])} for i in docs],
                "dominant_documents": sum(1 for d in dominant if d == t),
            }
        )
    return {
        "schema": "unbake.report/1",
        "producer": model,
        "corpus": {"root": str(root), "documents": len(paths), "terms": len(terms)},
        "topics": topics,
        "documents": [
            {"path": p, "mixture": [float(x) for x in m], "dominant": d}
            for p, m, d in zip(paths, mixtures, dominant)
        ],
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("-k", type=int, required=True, help="number of topics")
    parser.add_argument("--json", required=True, metavar="OUT", help="report to write")
    parser.add_argument("--words", type=int, default=25, help="words listed per topic (25, enough for diversity)")
    parser.add_argument("--top-docs", type=int, default=3, help="documents listed per topic")
    args = parser.parse_args(argv)
    if args.k < 1:
        parser.error("-k must be at least 1")
    root = Path(args.corpus)
    if not root.is_dir():
        parser.error(f"{root}: not a folder")

    import sklearn
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    start = time.perf_counter()
    paths = list_documents(root)
    texts = [read_text(root, p) for p in paths]
    read_s = time.perf_counter() - start

    start = time.perf_counter()
    vectorizer = TfidfVectorizer(stop_words="english", min_df=2, max_df=0.95)
    V = vectorizer.fit_transform(texts)
    terms = vectorizer.get_feature_names_out().tolist()
    vectorize_s = time.perf_counter() - start

    start = time.perf_counter()
    nmf = NMF(n_components=args.k, init="nndsvda", random_state=0, max_iter=200)
    W = nmf.fit_transform(V)
    H = nmf.components_
    nmf_s = time.perf_counter() - start

    model = {
        "name": "scikit-learn",
        "version": sklearn.__version__,
        "iterations": int(nmf.n_iter_),
        "reconstruction_err": float(nmf.reconstruction_err_),
    }
    report = build_report(root, paths, terms, W, H, args.words, args.top_docs, model)
    Path(args.json).write_text(json.dumps(report) + "\n", encoding="utf-8")
    print(
        f"sklearn: {len(paths)} documents, {V.shape[1]} terms, {V.nnz} nonzeros; "
        f"read {read_s:.2f} s, vectorize {vectorize_s:.2f} s, NMF {nmf_s:.2f} s "
        f"({nmf.n_iter_} iterations)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

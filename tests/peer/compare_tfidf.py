#!/usr/bin/python3
"""Checks unbake's TF-IDF rows against scikit-learn's TfidfVectorizer.

scikit-learn is given OUR vocabulary (terms.txt) and the same documents in
the same order (docs.txt), with the same idf and norm settings, so any
difference comes from tokenizing: each row of our matrix must have cosine
similarity >= --min-cosine with scikit-learn's row.

scikit-learn's default token pattern splits "10,000m" into "10" and "000m",
where Unicode word segmentation (UAX #29, which unbake's tokenizer follows)
keeps one word; --tokens unbake gives scikit-learn a pattern that joins the
same way (commas between digits), so that what is compared is the weighting.
--tokens default shows the raw difference.

Usage: compare_tfidf.py ROOT V.mtx terms.txt docs.txt [--sublinear-tf] [--no-idf] [--norm l2|l1|none]
                        [--tokens unbake|default] [--min-cosine 0.99]
"""
import argparse
import os
import sys

import numpy as np
import scipy.io
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer


TOKEN_PATTERNS = {
    "default": r"(?u)\b\w\w+\b",
    # Word characters, joined across commas between digits.
    "unbake": r"(?u)\w+(?:(?<=\d),(?=\d)\w+)*",
}


def read_text(path):
    # The same decoding as unbake's reader with --encoding auto: UTF-8, else windows-1252.
    data = open(path, "rb").read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("matrix")
    ap.add_argument("terms")
    ap.add_argument("docs")
    ap.add_argument("--sublinear-tf", action="store_true")
    ap.add_argument("--no-idf", action="store_true")
    ap.add_argument("--norm", default="l2", choices=["l2", "l1", "none"])
    ap.add_argument("--tokens", default="unbake", choices=sorted(TOKEN_PATTERNS))
    ap.add_argument("--min-cosine", type=float, default=0.99)
    ap.add_argument("--worst", type=int, default=5)
    args = ap.parse_args()

    ours = sp.csr_matrix(scipy.io.mmread(args.matrix))
    terms = lines(args.terms)
    docs = lines(args.docs)
    if ours.shape != (len(docs), len(terms)):
        sys.exit(f"shape {ours.shape} disagrees with {len(docs)} docs and {len(terms)} terms")

    texts = [read_text(os.path.join(args.root, d)) for d in docs]
    peer = TfidfVectorizer(
        vocabulary={t: i for i, t in enumerate(terms)},
        lowercase=True,
        token_pattern=TOKEN_PATTERNS[args.tokens],
        use_idf=not args.no_idf,
        smooth_idf=True,
        sublinear_tf=args.sublinear_tf,
        norm=None if args.norm == "none" else args.norm,
        dtype=np.float64,
    )
    theirs = sp.csr_matrix(peer.fit_transform(texts))

    dots = np.asarray(ours.multiply(theirs).sum(axis=1)).ravel()
    n_ours = np.sqrt(np.asarray(ours.multiply(ours).sum(axis=1)).ravel())
    n_theirs = np.sqrt(np.asarray(theirs.multiply(theirs).sum(axis=1)).ravel())
    both_zero = (n_ours == 0) & (n_theirs == 0)
    denom = np.where(n_ours * n_theirs > 0, n_ours * n_theirs, 1.0)
    cos = np.where(both_zero, 1.0, dots / denom)

    print(f"scikit-learn tokens: {args.tokens}; documents {len(docs)}, terms {len(terms)}, nnz ours {ours.nnz}, scikit-learn {theirs.nnz}")
    print(f"cosine(ours, scikit-learn) per row: min {cos.min():.6f}, mean {cos.mean():.6f}, "
          f"rows below {args.min_cosine}: {(cos < args.min_cosine).sum()}")
    for r in np.argsort(cos, kind="stable")[: args.worst]:
        a = ours.getrow(r).toarray().ravel()
        b = theirs.getrow(r).toarray().ravel()
        diff = np.argsort(-np.abs(a - b), kind="stable")[:5]
        detail = ", ".join(f"{terms[c]} {a[c]:.3f}/{b[c]:.3f}" for c in diff if a[c] != b[c])
        print(f"  {cos[r]:.6f}  {docs[r]}  (term ours/sklearn: {detail})")
    if cos.min() < args.min_cosine:
        print(f"FAIL: some rows are below cosine {args.min_cosine}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
"""scikit-learn's side of bench/vectorize.sh: TfidfVectorizer on a folder.

Lists every file under CORPUS (sorted, hidden ones skipped, as unbake does),
lets TfidfVectorizer read and decode them itself, and prints the best wall
time of --repeat runs and the vocabulary size as `seconds=... terms=...`.
"""
import argparse
import os
import time

from sklearn.feature_extraction.text import TfidfVectorizer


def list_files(root):
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        out.extend(os.path.join(dirpath, f) for f in sorted(filenames) if not f.startswith("."))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    best = float("inf")
    terms = 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        files = list_files(args.corpus)
        vectorizer = TfidfVectorizer(input="filename", decode_error="replace", stop_words="english",
                                     min_df=2, max_df=0.95)
        matrix = vectorizer.fit_transform(files)
        best = min(best, time.perf_counter() - start)
        terms = len(vectorizer.vocabulary_)
    print(f"seconds={best:.3f} terms={terms} documents={matrix.shape[0]}")


if __name__ == "__main__":
    main()

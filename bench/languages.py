#!/usr/bin/python3
"""unbake on non-English text: the German, Japanese and Chinese manual pages.

Usage: UNBAKE=/path/to/unbake bench/languages.py CORPUS_ROOT [--out DIR]
       [--langs de ja zh] [--seeds 0 1 2] [-k 20]

CORPUS_ROOT is what bench/manpages_corpus.sh writes: CORPUS_ROOT/<lang>/<section>/<page>.txt.
UNBAKE defaults to build/unbake beside this folder. For each language and seed:

  unbake    `$UNBAKE fit CORPUS_ROOT/<lang> -k 20 --seed S --labels folder --json R.json`,
            unbake's defaults otherwise. NMI as the report gives it (labels.nmi),
            checked against NMI computed here from each document's dominant topic.
  sklearn   TfidfVectorizer() with its defaults + NMF(n_components=20,
            init='nndsvda', random_state=S, max_iter=400) on the same .txt files;
            a document's cluster is the argmax of its row of W.
  sk/ubtok  (ja, zh) the same NMF on `$UNBAKE vectorize CORPUS_ROOT/<lang>` (defaults),
            i.e. scikit-learn's factorization of unbake's own tokens and weights.

NMI is sklearn.metrics.normalized_mutual_info_score (arithmetic) against the
section folder. The judge is tests/data/languages/function_words/<lang>.txt: every top-10 word
of a topic found there is printed and counted (per seed), for unbake and for
the sklearn peer. Outputs (reports, matrices) go to --out (bench/out/languages).
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
import unicodedata
import warnings
from pathlib import Path

import json

import numpy as np
import scipy.io
from sklearn.decomposition import NMF
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import normalized_mutual_info_score

BENCH = Path(__file__).resolve().parent
TOP = 10


def fold(word):
    return unicodedata.normalize("NFKC", word).casefold()


def judge_list(lang):
    words = set()
    for line in (BENCH.parent / "tests" / "data" / "languages" / "function_words" / f"{lang}.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(fold(line))
    return words


def list_docs(root):
    # Bytewise-sorted relative paths of the .txt files; label = first folder.
    paths = sorted(
        (p.relative_to(root).as_posix() for p in root.rglob("*.txt") if p.is_file()),
        key=lambda s: s.encode("utf-8"),
    )
    return paths


def label_of(path):
    return path.split("/", 1)[0]


def nmi(labels, clusters):
    return normalized_mutual_info_score(labels, clusters, average_method="arithmetic")


def sk_nmf(X, seed, k):
    model = NMF(n_components=k, init="nndsvda", random_state=seed, max_iter=400)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        W = model.fit_transform(X)
    clusters = [int(np.argmax(r)) if r.sum() > 0 else -1 for r in W]
    return clusters, model.components_


def top_words(H, terms, n=TOP):
    out = []
    for row in H:
        order = np.argsort(-row, kind="stable")[:n]
        out.append([terms[i] for i in order if row[i] > 0])
    return out


def judged(topics, judge):
    # [(topic number from 1, word)] for every top word in the judge list.
    return [(t + 1, w) for t, words in enumerate(topics) for w in words[:TOP] if fold(w) in judge]


def run(cmd, log):
    with open(log, "w") as f:
        t0 = time.perf_counter()
        r = subprocess.run(cmd, stdout=f, stderr=subprocess.STDOUT)
        dt = time.perf_counter() - t0
    if r.returncode != 0:
        sys.exit(f"failed ({r.returncode}): {' '.join(map(str, cmd))}; see {log}")
    return dt


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus_root")
    ap.add_argument("--out", default=str(BENCH / "out" / "languages"))
    ap.add_argument("--langs", nargs="+", default=["de", "ja", "zh"])
    ap.add_argument("--seeds", nargs="+", type=int, default=[0, 1, 2])
    ap.add_argument("-k", type=int, default=20)
    args = ap.parse_args()

    unbake = os.environ.get("UNBAKE") or str(BENCH.parent / "build" / "unbake")
    if not os.access(unbake, os.X_OK):
        sys.exit(f"{unbake}: not an executable (set UNBAKE)")
    root = Path(args.corpus_root).resolve()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    version = subprocess.run([unbake, "--version"], capture_output=True, text=True).stdout.strip().splitlines()[0]
    print(f"unbake: {unbake} ({version})  corpus: {root}  k={args.k}  seeds={args.seeds}")

    rows = []
    for lang in args.langs:
        corpus = root / lang
        if not corpus.is_dir():
            print(f"\n== {lang}: {corpus} missing, skipped")
            continue
        judge = judge_list(lang)
        paths = list_docs(corpus)
        labels = [label_of(p) for p in paths]
        print(f"\n== {lang}: {len(paths)} documents, {len(set(labels))} sections, judge list {len(judge)} words")

        # scikit-learn's own vectorizer, once per language.
        texts = [(corpus / p).read_text(encoding="utf-8", errors="replace") for p in paths]
        vec = TfidfVectorizer()
        X = vec.fit_transform(texts)
        sk_terms = vec.get_feature_names_out()
        print(f"   sklearn TfidfVectorizer(): vocabulary {len(sk_terms)}")

        # unbake's tokens and weights, for scikit-learn's NMF (ja, zh).
        V = None
        if lang in ("ja", "zh"):
            mtx, tfile, dfile = out / f"{lang}.mtx", out / f"{lang}.terms", out / f"{lang}.docs"
            run([unbake, "vectorize", str(corpus), "-o", str(mtx), "--terms", str(tfile), "--docs", str(dfile)],
                out / f"{lang}-vectorize.log")
            V = scipy.io.mmread(str(mtx)).tocsr()
            v_docs = dfile.read_text(encoding="utf-8").splitlines()
            v_labels = [label_of(d) for d in v_docs]
            print(f"   unbake vectorize: {V.shape[0]} documents, {V.shape[1]} terms")

        res = {"ub": [], "sk": [], "skub": [], "ub_bad": [], "sk_bad": [], "secs": []}
        for seed in args.seeds:
            report = out / f"{lang}-seed{seed}.json"
            secs = run([unbake, "fit", str(corpus), "-k", str(args.k), "--seed", str(seed),
                        "--labels", "folder", "--json", str(report)], out / f"{lang}-seed{seed}.txt")
            rep = json.loads(report.read_text(encoding="utf-8"))
            ub_nmi = rep["labels"]["nmi"]
            docs = rep["documents"]
            mine = nmi([label_of(d["path"]) for d in docs],
                       [d["dominant"] if d["dominant"] is not None else -1 for d in docs])
            ub_topics = [[w["word"] for w in t["words"]] for t in rep["topics"]]
            ub_bad = judged(ub_topics, judge)
            if len(docs) != len(paths):
                print(f"   note: unbake read {len(docs)} documents, the peer {len(paths)}")

            sk_clusters, H = sk_nmf(X, seed, args.k)
            sk_nmi = nmi(labels, sk_clusters)
            sk_bad = judged(top_words(H, sk_terms), judge)

            skub_nmi = None
            if V is not None:
                c, _ = sk_nmf(V, seed, args.k)
                skub_nmi = nmi(v_labels, c)

            agree = "agrees" if abs(mine - ub_nmi) < 1e-9 else f"DIFFERS: {mine:.6f} from the documents"
            print(f"-- {lang} seed {seed}: unbake fit {secs:.2f} s, {rep['model']['iterations']} iterations, "
                  f"NMI {ub_nmi:.4f} (report; recomputed {agree}); sklearn NMI {sk_nmi:.4f}"
                  + (f"; sklearn on unbake's matrix NMI {skub_nmi:.4f}" if skub_nmi is not None else ""))
            print(f"   unbake topics' top-{TOP} function words ({len(ub_bad)}): "
                  + (", ".join(f"t{t}:{w}" for t, w in ub_bad) or "none"))
            print(f"   sklearn topics' top-{TOP} function words ({len(sk_bad)}): "
                  + (", ".join(f"t{t}:{w}" for t, w in sk_bad) or "none"))
            res["ub"].append(ub_nmi)
            res["sk"].append(sk_nmi)
            res["skub"].append(skub_nmi)
            res["ub_bad"].append(len(ub_bad))
            res["sk_bad"].append(len(sk_bad))
            res["secs"].append(secs)
        rows.append((lang, res))

    print(f"\nNMI against the section (median over seeds {args.seeds}); function words among "
          f"the {args.k}x{TOP} top words, per seed")
    head = f"{'lang':<5} {'unbake':>7} {'sklearn':>8} {'sk/ubtok':>9}  {'fw unbake':<12} {'fw sklearn':<12} {'unbake fit s':>13}"
    print(head)
    print("-" * len(head))
    for lang, r in rows:
        skub = [x for x in r["skub"] if x is not None]
        print(f"{lang:<5} {statistics.median(r['ub']):7.3f} {statistics.median(r['sk']):8.3f} "
              f"{(f'{statistics.median(skub):9.3f}' if skub else '        -')}  "
              f"{'/'.join(map(str, r['ub_bad'])):<12} {'/'.join(map(str, r['sk_bad'])):<12} "
              f"{statistics.median(r['secs']):13.2f}")
    print("(unbake fit s: median wall time of `unbake fit` per seed, reading and vectorizing included)")


if __name__ == "__main__":
    main()

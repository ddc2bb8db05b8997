#!/usr/bin/env python3
"""How much of a 20 Newsgroups fit's topics is mail furniture, and how well
its topics agree with the newsgroups, against scikit-learn's own cleaning.

A word is furniture when more than half of its occurrences in the corpus are
in the parts scikit-learn's helpers strip (strip_newsgroup_header, _footer,
_quoting, applied in fetch_20newsgroups' order), counted with scikit-learn's
default tokenizer. The peer row is scikit-learn's pipeline on the files
cleaned by those helpers (remove=('headers', 'footers', 'quotes')):
TfidfVectorizer(min_df=2, max_df=0.95, stop_words='english') and
NMF(k, init='nndsvda'), NMI of each document's dominant topic.

usage: mail_furniture.py CORPUS_DIR UNBAKE_REPORT.json [K] [SEEDS]
  UNBAKE_REPORT.json: `unbake fit CORPUS_DIR -k K --labels folder --json F`
"""
import collections
import json
import os
import re
import sys
import warnings

from sklearn.datasets._twenty_newsgroups import (strip_newsgroup_footer, strip_newsgroup_header,
                                                 strip_newsgroup_quoting)

TOKEN = re.compile(r"(?u)\b\w\w+\b")


def read_corpus(root):
    docs, labels = [], []
    for label in sorted(os.listdir(root)):
        folder = os.path.join(root, label)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), encoding="latin-1") as f:
                docs.append(f.read())
            labels.append(label)
    return docs, labels


def clean(text):
    return strip_newsgroup_quoting(strip_newsgroup_footer(strip_newsgroup_header(text)))


def furniture_words(docs, cleaned):
    total, kept = collections.Counter(), collections.Counter()
    for raw, body in zip(docs, cleaned):
        total.update(TOKEN.findall(raw.lower()))
        kept.update(TOKEN.findall(body.lower()))
    return {w for w, n in total.items() if n - kept[w] > 0.5 * n}


def peer_nmi(cleaned, labels, k, seeds):
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics import normalized_mutual_info_score
    vectorizer = TfidfVectorizer(min_df=2, max_df=0.95, stop_words="english")
    v = vectorizer.fit_transform(cleaned)
    out = []
    for seed in seeds:
        model = NMF(k, init="nndsvda", random_state=seed, max_iter=400)
        w = model.fit_transform(v)
        terms = vectorizer.get_feature_names_out()
        top = [terms[j] for row in model.components_ for j in row.argsort()[::-1][:10]]
        out.append((normalized_mutual_info_score(labels, w.argmax(axis=1)), top))
    return out


def main():
    warnings.simplefilter("ignore")
    root, report_path = sys.argv[1], sys.argv[2]
    k = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    seeds = [int(s) for s in sys.argv[4].split(",") if s] if len(sys.argv) > 4 else [0]
    docs, labels = read_corpus(root)
    cleaned = [clean(d) for d in docs]
    furniture = furniture_words(docs, cleaned)
    with open(report_path) as f:
        report = json.load(f)
    words = [w["word"] for t in report["topics"] for w in t["words"][:10]]
    bad = [w for w in words if w in furniture]
    print(f"furniture words in the corpus: {len(furniture)}")
    print(f"unbake: {len(bad)} of {len(words)} top-10 words are furniture "
          f"({100.0 * len(bad) / len(words):.1f}%): {', '.join(sorted(set(bad)))}")
    if report.get("labels"):
        print(f"unbake: NMI {report['labels']['nmi']:.4f} ARI {report['labels']['ari']:.4f}")
    if seeds:
        for seed, (nmi, top) in zip(seeds, peer_nmi(cleaned, labels, k, seeds)):
            bad = [w for w in top if w in furniture]
            print(f"scikit-learn cleaned, seed {seed}: NMI {nmi:.4f}; {len(bad)} of {len(top)} top-10 words "
                  f"are furniture ({100.0 * len(bad) / len(top):.1f}%): {', '.join(sorted(set(bad)))}")


if __name__ == "__main__":
    main()

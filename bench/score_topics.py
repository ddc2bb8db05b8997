#!/usr/bin/python3
"""Judges a topic report (unbake.report/1 JSON) against a labelled corpus.

Usage: score_topics.py REPORT.json CORPUS_DIR [--top 10] [--diversity-top 25] [--json OUT|-]

The label of a document is the first component of its path relative to the
corpus root ("sport" in bbc/sport/001.txt). Four numbers come out:

  NMI, ARI   dominant topic against the label (scikit-learn's
             normalized_mutual_info_score with arithmetic averaging, and
             adjusted_rand_score). Documents whose dominant topic is null
             (empty documents) and files at the corpus root (no folder, so no
             label) are left out and counted.
  NPMI       mean over topics of the mean normalized pointwise mutual
             information of every pair among the topic's top words, counted
             over DOCUMENT co-occurrence in the corpus:
               P(w)   = share of documents containing w
               P(a,b) = share of documents containing both
               NPMI   = log(P(a,b) / (P(a) P(b))) / -log(P(a,b))
             A pair that never co-occurs (including a word that never occurs)
             scores -1; a pair present in every document scores 1 (the limit
             of perfect co-occurrence, where the formula is 0/0).
  diversity  distinct words among all topics' top-25 words divided by the
             number of words looked at, 25*k when every topic lists 25
             (Dieng, Ruiz and Blei 2020).

Which documents contain a word is decided by one simple tokenizer applied the
same way whichever pipeline made the report: bytes are decoded as UTF-8
(Latin-1 when that fails), NFKC-normalized, lowercased, and split into runs of
letters and digits (regex [^\\W_]+), so apostrophes, underscores and
punctuation separate tokens. A topic word counts as present in a document
exactly when it equals one of that document's tokens. Consequences worth
knowing when comparing pipelines: a multi-word term ("new york") or a stem that
is not itself a surface word ("compani") never matches and so drags its
topic's coherence down; that is the price of judging both pipelines with the
same yardstick.

The corpus is read as the peer pipeline reads it (list_documents below):
bytewise-sorted relative paths, hidden files and folders skipped, README*
files at the root skipped. Per-corpus token sets are cached as a binary
document x term matrix in bench/out/ (git-ignored), keyed by the corpus path
and invalidated when the files' names, sizes or times change.
"""

import argparse
import hashlib
import json
import os
import pickle
import re
import sys
import unicodedata
from pathlib import Path

import numpy as np
import scipy.sparse as sp

TOKEN = re.compile(r"[^\W_]+")
CACHE_FORMAT = 1  # bump when the tokenizer or the cache layout changes


def list_documents(root):
    """Relative '/'-separated paths of the corpus documents, sorted bytewise."""
    root = Path(root)
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel_folder = Path(folder).relative_to(root)
        at_root = rel_folder == Path(".")
        for name in files:
            if name.startswith("."):
                continue
            # The shared corpora describe themselves in a README at the top; it is not a document.
            if at_root and name.startswith("README"):
                continue
            rel = name if at_root else (rel_folder / name).as_posix()
            found.append(rel)
    found.sort(key=os.fsencode)
    return found


def decode(data):
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def read_text(root, rel):
    return decode((Path(root) / rel).read_bytes())


def tokenize(text):
    return TOKEN.findall(unicodedata.normalize("NFKC", text).lower())


def label_of(path):
    """First path component, or None for a file at the corpus root."""
    parts = path.split("/")
    return parts[0] if len(parts) > 1 else None


def _signature(root, paths):
    digest = hashlib.sha1()
    for rel in paths:
        st = (Path(root) / rel).stat()
        digest.update(f"{rel}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _default_cache_dir():
    return Path(__file__).resolve().parent / "out"


class DocumentTerms:
    """Binary document x term incidence of a corpus under the scorer's tokenizer."""

    def __init__(self, paths, vocabulary, incidence):
        self.paths = paths  # row order
        self.vocabulary = vocabulary  # term -> column
        self.incidence = incidence  # CSC, 0/1, documents x terms

    @classmethod
    def build(cls, root, paths):
        vocabulary = {}
        indptr = [0]
        indices = []
        for rel in paths:
            columns = {vocabulary.setdefault(t, len(vocabulary)) for t in tokenize(read_text(root, rel))}
            indices.extend(sorted(columns))
            indptr.append(len(indices))
        data = np.ones(len(indices), dtype=np.int32)
        matrix = sp.csr_matrix(
            (data, np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)),
            shape=(len(paths), len(vocabulary)),
        )
        return cls(paths, vocabulary, matrix.tocsc())

    @classmethod
    def load(cls, root, cache_dir=None):
        """Reads the corpus, or its cached incidence when the files are unchanged."""
        root = Path(root).resolve()
        paths = list_documents(root)
        signature = _signature(root, paths)
        cache_dir = Path(cache_dir) if cache_dir is not None else _default_cache_dir()
        key = hashlib.sha1(str(root).encode("utf-8", "surrogateescape")).hexdigest()[:16]
        cache = cache_dir / f"doc-terms-{key}.pickle"
        if cache.exists():
            try:
                with open(cache, "rb") as f:
                    stored = pickle.load(f)
                if stored.get("format") == CACHE_FORMAT and stored.get("signature") == signature:
                    return cls(stored["paths"], stored["vocabulary"], stored["incidence"])
            except (OSError, pickle.UnpicklingError, EOFError, KeyError, AttributeError):
                pass  # a damaged cache is rebuilt below
        built = cls.build(root, paths)
        cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".tmp-{os.getpid()}")
        with open(tmp, "wb") as f:
            pickle.dump(
                {
                    "format": CACHE_FORMAT,
                    "root": str(root),
                    "signature": signature,
                    "paths": built.paths,
                    "vocabulary": built.vocabulary,
                    "incidence": built.incidence,
                },
                f,
                protocol=pickle.HIGHEST_PROTOCOL,
            )
        os.replace(tmp, cache)
        return built

    def cooccurrence(self, words):
        """Document counts: diagonal = documents containing each word, off-diagonal = both.

        Words absent from the corpus get an all-zero column.
        """
        n_docs = self.incidence.shape[0]
        columns = [self.incidence[:, self.vocabulary[w]] if w in self.vocabulary else None for w in words]
        blocks = [c if c is not None else sp.csc_matrix((n_docs, 1), dtype=np.int32) for c in columns]
        restricted = sp.hstack(blocks, format="csc") if blocks else sp.csc_matrix((n_docs, 0))
        return (restricted.T @ restricted).toarray().astype(np.float64)


def npmi_matrix(counts, n_docs):
    """Pairwise NPMI from a co-occurrence count matrix (diagonal = document frequencies)."""
    p = counts / n_docs
    p_single = np.diag(p)
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(p / np.outer(p_single, p_single))
        out = pmi / -np.log(p)
    out[p == 0] = -1.0
    out[p >= 1.0] = 1.0
    return out


def top_words(topic, n):
    # Stable sort keeps the report's order among equal weights.
    words = sorted(topic.get("words", []), key=lambda w: -float(w.get("weight", 0.0)))
    return [w["word"] for w in words[:n]]


def topic_coherences(topics, terms, n):
    """Mean pairwise NPMI per topic (None for a topic with fewer than two words)."""
    lists = [top_words(t, n) for t in topics]
    needed = sorted({w for ws in lists for w in ws})
    column = {w: i for i, w in enumerate(needed)}
    n_docs = terms.incidence.shape[0]
    scores = npmi_matrix(terms.cooccurrence(needed), n_docs) if needed and n_docs else None
    result = []
    for ws in lists:
        pairs = [
            scores[column[ws[i]], column[ws[j]]] for i in range(len(ws)) for j in range(i + 1, len(ws))
        ]
        result.append(float(np.mean(pairs)) if pairs else None)
    return result


def diversity(topics, n):
    lists = [top_words(t, n) for t in topics]
    looked_at = sum(len(ws) for ws in lists)
    unique = len({w for ws in lists for w in ws})
    return (unique / looked_at if looked_at else float("nan")), looked_at


def clustering_scores(documents):
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    labels, predicted = [], []
    no_dominant = no_label = 0
    for doc in documents:
        label = label_of(doc["path"])
        if doc.get("dominant") is None:
            no_dominant += 1
        elif label is None:
            no_label += 1
        else:
            labels.append(label)
            predicted.append(int(doc["dominant"]))
    if labels:
        nmi = float(normalized_mutual_info_score(labels, predicted, average_method="arithmetic"))
        ari = float(adjusted_rand_score(labels, predicted))
    else:
        nmi = ari = float("nan")
    return {
        "nmi": nmi,
        "ari": ari,
        "scored_documents": len(labels),
        "excluded_no_dominant": no_dominant,
        "excluded_no_label": no_label,
        "labels": len(set(labels)),
    }


def score(report, corpus_dir, top=10, diversity_top=25, cache_dir=None):
    topics = report.get("topics", [])
    documents = report.get("documents", [])
    terms = DocumentTerms.load(corpus_dir, cache_dir)
    result = clustering_scores(documents)
    coherences = topic_coherences(topics, terms, top)
    defined = [c for c in coherences if c is not None]
    div, looked_at = diversity(topics, diversity_top)
    corpus_paths = set(terms.paths)
    report_paths = {d["path"] for d in documents}
    result.update(
        {
            "npmi": float(np.mean(defined)) if defined else float("nan"),
            "npmi_per_topic": coherences,
            "diversity": div,
            "diversity_words": looked_at,
            "k": len(topics),
            "top": top,
            "diversity_top": diversity_top,
            "corpus_documents": len(terms.paths),
            "report_documents": len(documents),
            "report_documents_not_in_corpus": len(report_paths - corpus_paths),
            "corpus_documents_not_in_report": len(corpus_paths - report_paths),
        }
    )
    return result


def describe(r, stream):
    print(f"topics: {r['k']}  documents in report: {r['report_documents']}", file=stream)
    print(
        f"NMI {r['nmi']:.4f}  ARI {r['ari']:.4f}  over {r['scored_documents']} documents, "
        f"{r['labels']} labels (excluded: {r['excluded_no_dominant']} without a dominant topic, "
        f"{r['excluded_no_label']} at the corpus root without a label)",
        file=stream,
    )
    print(
        f"NPMI@{r['top']} {r['npmi']:.4f}  (document co-occurrence over {r['corpus_documents']} corpus documents)",
        file=stream,
    )
    print(
        f"diversity@{r['diversity_top']} {r['diversity']:.4f}  ({r['diversity_words']} words looked at)",
        file=stream,
    )
    if r["diversity_words"] != r["diversity_top"] * r["k"]:
        print(f"note: some topics list fewer than {r['diversity_top']} words", file=stream)
    if r["report_documents_not_in_corpus"] or r["corpus_documents_not_in_report"]:
        print(
            f"note: {r['report_documents_not_in_corpus']} report documents are not corpus documents, "
            f"{r['corpus_documents_not_in_report']} corpus documents are missing from the report",
            file=stream,
        )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", help="unbake.report/1 JSON file")
    parser.add_argument("corpus", help="corpus folder whose first path components are the labels")
    parser.add_argument("--top", type=int, default=10, help="top words per topic for NPMI (default 10)")
    parser.add_argument("--diversity-top", type=int, default=25, help="top words per topic for diversity (25)")
    parser.add_argument("--json", metavar="OUT", help="also write the scores as JSON to OUT ('-' = stdout)")
    parser.add_argument("--cache-dir", help="where token caches live (default: bench/out)")
    args = parser.parse_args(argv)
    if args.top < 2 or args.diversity_top < 1:
        parser.error("--top must be at least 2 and --diversity-top at least 1")
    if not Path(args.corpus).is_dir():
        parser.error(f"{args.corpus}: not a folder")
    try:
        with open(args.report, encoding="utf-8") as f:
            report = json.load(f)
    except (OSError, ValueError) as e:
        parser.error(f"{args.report}: cannot read the report: {e}")
    if report.get("schema") != "unbake.report/1":
        print(f"warning: {args.report}: schema is {report.get('schema')!r}, expected 'unbake.report/1'", file=sys.stderr)

    result = score(report, args.corpus, args.top, args.diversity_top, args.cache_dir)
    result["report"] = args.report
    result["corpus"] = str(args.corpus)
    to_stdout = args.json == "-"
    describe(result, sys.stderr if to_stdout else sys.stdout)
    if args.json:
        text = json.dumps(result, indent=2, allow_nan=True) + "\n"
        if to_stdout:
            sys.stdout.write(text)
        else:
            Path(args.json).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

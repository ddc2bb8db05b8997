#!/usr/bin/python3
"""Self-test of score_topics.py on a tiny hand-made corpus whose scores are worked out by hand.

Run: /usr/bin/python3 bench/test_score_topics.py
"""

import math
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import score_topics as st  # noqa: E402

# Four documents in two labelled folders, plus things the lister must skip.
# Tokens per document (lowercased, split on apostrophes and punctuation):
#   a/1.txt  {apple, banana, don, t}
#   a/2.txt  {apple, banana, cherry}
#   b/1.txt  {apple, cherry}
#   b/2.txt  {date, café}          (Latin-1 bytes, decoded by the fallback)
CORPUS = {
    "a/1.txt": b"Apple, BANANA! Don't.",
    "a/2.txt": b"apple banana cherry apple",
    "b/1.txt": b"apple_cherry",
    "b/2.txt": b"date caf\xe9",
    "README.md": b"not a document: apple date",
    ".hidden": b"date date",
    "b/.notes/x.txt": b"date",
}


def topic(words):
    # Weights descending so the report's order is the ranking.
    return {"words": [{"word": w, "weight": 1.0 - i / 100} for i, w in enumerate(words)]}


class ScorerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.root = Path(cls.tmp.name) / "corpus"
        for rel, data in CORPUS.items():
            path = cls.root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        cls.cache = Path(cls.tmp.name) / "cache"
        cls.terms = st.DocumentTerms.load(cls.root, cls.cache)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def npmi(self, words):
        return st.topic_coherences([topic(words)], self.terms, 10)[0]

    def test_listing_skips_readme_and_hidden_and_sorts_bytewise(self):
        self.assertEqual(self.terms.paths, ["a/1.txt", "a/2.txt", "b/1.txt", "b/2.txt"])

    def test_tokens_split_apostrophes_and_underscores_and_decode_latin1(self):
        self.assertEqual(st.tokenize("Don't apple_cherry"), ["don", "t", "apple", "cherry"])
        self.assertEqual(st.decode(b"caf\xe9"), "café")
        counts = self.terms.cooccurrence(["apple", "cherry", "café", "don"])
        self.assertEqual(list(counts.diagonal()), [3, 2, 1, 1])

    def test_npmi_by_hand(self):
        # P(apple)=3/4, P(banana)=2/4, P(apple,banana)=2/4:
        # log((1/2)/(3/4 * 1/2)) / -log(1/2) = log(4/3)/log(2) = 2 - log2(3)
        self.assertAlmostEqual(self.npmi(["apple", "banana"]), 2 - math.log2(3), places=12)
        # P(banana)=P(cherry)=1/2, together 1/4: log((1/4)/(1/4)) = 0, independent words
        self.assertAlmostEqual(self.npmi(["banana", "cherry"]), 0.0, places=12)
        # never together
        self.assertEqual(self.npmi(["banana", "date"]), -1.0)

    def test_topic_coherence_is_the_mean_over_pairs(self):
        # pairs: (apple,banana)=2-log2(3), (apple,cherry): P=3/4,2/4, joint 2/4 -> 2-log2(3),
        # (banana,cherry)=0  -> mean = 2*(2-log2(3))/3
        expected = 2 * (2 - math.log2(3)) / 3
        self.assertAlmostEqual(self.npmi(["apple", "banana", "cherry"]), expected, places=12)

    def test_unknown_words_and_terms_never_cooccur(self):
        self.assertEqual(self.npmi(["apple", "zebra"]), -1.0)
        self.assertEqual(self.npmi(["apple", "apple banana"]), -1.0)  # a bigram is not a token

    def test_pair_in_every_document_scores_one(self):
        terms = st.DocumentTerms(["x", "y"], {"p": 0, "q": 1}, st.sp.csc_matrix([[1, 1], [1, 1]]))
        self.assertEqual(st.topic_coherences([topic(["p", "q"])], terms, 10), [1.0])

    def test_single_word_topic_has_no_coherence(self):
        self.assertIsNone(self.npmi(["apple"]))

    def test_top_limits_the_words_used(self):
        words = ["apple", "banana", "date"]
        self.assertAlmostEqual(
            st.topic_coherences([topic(words)], self.terms, 2)[0], 2 - math.log2(3), places=12
        )

    def test_diversity(self):
        # top-3 of each: {apple, banana, cherry} and {apple, date, café}: 5 distinct of 6
        topics = [topic(["apple", "banana", "cherry", "x"]), topic(["apple", "date", "café", "y"])]
        self.assertEqual(st.diversity(topics, 3), (5 / 6, 6))

    def test_clustering_scores_exclude_null_and_root_documents(self):
        documents = [
            {"path": "a/1.txt", "dominant": 1},
            {"path": "a/2.txt", "dominant": 1},
            {"path": "b/1.txt", "dominant": 0},
            {"path": "b/2.txt", "dominant": None},
            {"path": "README.md", "dominant": 0},
        ]
        r = st.clustering_scores(documents)
        self.assertEqual((r["nmi"], r["ari"]), (1.0, 1.0))
        self.assertEqual((r["scored_documents"], r["excluded_no_dominant"], r["excluded_no_label"]), (3, 1, 1))
        # Every document in one topic carries no information about the label.
        r = st.clustering_scores([{"path": p, "dominant": 0} for p in ["a/1", "a/2", "b/1", "b/2"]])
        self.assertEqual((r["nmi"], r["ari"]), (0.0, 0.0))

    def test_cache_is_reused_and_matches_a_fresh_read(self):
        cached = st.DocumentTerms.load(self.root, self.cache)
        self.assertEqual(len(list(self.cache.glob("doc-terms-*.pickle"))), 1)
        fresh = st.DocumentTerms.build(self.root, st.list_documents(self.root))
        words = ["apple", "banana", "cherry", "date", "café"]
        self.assertTrue((cached.cooccurrence(words) == fresh.cooccurrence(words)).all())

    def test_cache_is_rebuilt_when_a_file_changes(self):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "c"
            (root / "l").mkdir(parents=True)
            (root / "l" / "d").write_bytes(b"alpha")
            cache = Path(tmp) / "cache"
            self.assertIn("alpha", st.DocumentTerms.load(root, cache).vocabulary)
            (root / "l" / "d").write_bytes(b"beta gamma")
            again = st.DocumentTerms.load(root, cache)
            self.assertNotIn("alpha", again.vocabulary)
            self.assertIn("gamma", again.vocabulary)

    def test_whole_report(self):
        report = {
            "schema": "unbake.report/1",
            "topics": [topic(["apple", "banana"]), topic(["date", "café"])],
            "documents": [
                {"path": "a/1.txt", "dominant": 0},
                {"path": "a/2.txt", "dominant": 0},
                {"path": "b/1.txt", "dominant": 1},
                {"path": "b/2.txt", "dominant": 1},
            ],
        }
        r = st.score(report, self.root, top=10, diversity_top=25, cache_dir=self.cache)
        # (apple,banana) = 2-log2(3); (date,café) both only in b/2: P=P=joint=1/4 -> log 4 / log 4 = 1
        self.assertAlmostEqual(r["npmi"], ((2 - math.log2(3)) + 1.0) / 2, places=12)
        self.assertEqual((r["nmi"], r["ari"], r["diversity"]), (1.0, 1.0, 1.0))
        self.assertEqual((r["corpus_documents_not_in_report"], r["report_documents_not_in_corpus"]), (0, 0))


if __name__ == "__main__":
    unittest.main()

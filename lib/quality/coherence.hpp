#pragma once
// Topic quality measured on the corpus itself, from the document-term matrix
// already in memory (no second pass over the files).
#include <vector>

#include "nmf/types.hpp"

namespace unbake::quality {

// NPMI coherence of each topic's top words over document co-occurrence
// (Bouma 2009; the NPMI measure of Röder et al. 2015): for each pair of top
// words, P(w) = share of documents containing w, P(a, b) = share containing
// both; NPMI = ln(P(a,b) / (P(a) P(b))) / −ln P(a,b), and −1 for a pair that
// never co-occurs. A topic's coherence is the mean over its pairs.
// `V` is the documents × terms matrix (any non-zero counts as "contains");
// `top_terms[t]` are topic t's top term columns, best first.
std::vector<double> npmi_coherence(const nmf::SparseMatrix& V, const std::vector<std::vector<long>>& top_terms);

// Unique terms among all topics' top-`n` lists divided by n·k (Dieng et al.
// 2020): 1 when no two topics share a top word.
double topic_diversity(const std::vector<std::vector<long>>& top_terms, long n = 25);

// Per topic: the mean over its top terms of the share of the term's weight
// (across all topics' rows of H) that falls in this topic. 1 = the topic owns
// its words outright.
std::vector<double> exclusivity(const nmf::Matrix& H, const std::vector<std::vector<long>>& top_terms);

}  // namespace unbake::quality

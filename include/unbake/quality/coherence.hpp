#pragma once
// Topic quality measured on the corpus itself, from the document-term matrix
// already in memory (no second pass over the files).
#include <vector>

#include <unbake/nmf/types.hpp>

namespace unbake::quality {

// NPMI coherence of each topic's top words over document co-occurrence
// (Bouma 2009; the NPMI measure of Röder et al. 2015): for each pair of top
// words, P(w) = share of documents containing w, P(a, b) = share containing
// both; NPMI = ln(P(a,b) / (P(a) P(b))) / −ln P(a,b). Edge cases:
//  - "documents" are ALL rows of V, empty rows included (they contain no word,
//    so they lower every P);
//  - a pair that never co-occurs scores −1 (the limit of the formula);
//  - a pair present in every document (P(a,b) = 1, formula 0/0) scores 1, the
//    limit of perfect co-occurrence;
//  - a topic with fewer than two words has no pair and scores 0 (neutral).
// A topic's coherence is the mean over its pairs. Only the documents of the
// listed words are collected (one sorted list per distinct word, pairs by
// merging two lists), so memory follows those words, not the vocabulary².
// `V` is the documents × terms matrix (any non-zero counts as "contains");
// `top_terms[t]` are topic t's top term columns, best first. Throws
// UsageError for a column outside V.
std::vector<double> npmi_coherence(const nmf::SparseMatrix& V,
                                   const std::vector<std::vector<long>>& top_terms);

// Distinct terms among all topics' first `n` terms divided by the number of
// terms looked at (Dieng et al. 2020): n·k when every topic lists n or more.
// 1 when no two topics share a top word, 1/k when all topics list the same
// words; 0 when no topic lists any word.
double topic_diversity(const std::vector<std::vector<long>>& top_terms, long n = 25);

// Per topic: the mean over its top terms of the share of the term's weight
// (across all topics' rows of H) that falls in this topic. 1 = the topic owns
// its words outright, 1/k = every topic weighs them alike. Row t of `H` is
// topic t, so the shares depend on how the rows are scaled (fit scales them
// to unit L2 norm). A topic without terms scores 0. Throws UsageError when
// `top_terms` does not have one list per row of H or names a column outside H.
std::vector<double> exclusivity(const nmf::Matrix& H, const std::vector<std::vector<long>>& top_terms);

}  // namespace unbake::quality

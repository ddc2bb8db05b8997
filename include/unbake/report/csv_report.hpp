#pragma once
// Spreadsheet forms of the report: one row per document with its mixture, and
// one row per (topic, rank) with the word and its weight.
#include <ostream>
#include <vector>

#include <unbake/report/topics.hpp>

namespace unbake::report {

// document, topic_1 ... topic_k
void write_mixtures_csv(std::ostream& out, const std::vector<DocumentMixture>& documents, int k);
void write_mixtures_csv(std::ostream& out, const TopicSummary& topics);
// topic, rank, word, weight (topic and rank 1-based)
void write_topics_csv(std::ostream& out, const TopicSummary& topics, int top_words);

}  // namespace unbake::report

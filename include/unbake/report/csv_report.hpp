#pragma once
// Spreadsheet forms of the report: one row per document with its mixture, and
// one row per (topic, rank) with the word and its weight.
#include <ostream>
#include <vector>

#include <unbake/report/fit_report.hpp>
#include <unbake/report/transform_report.hpp>

namespace unbake::report {

// document, topic_1 ... topic_k: the fit's documents, or transform's.
void write_mixtures_csv(std::ostream& out, const FitReport& report);
void write_mixtures_csv(std::ostream& out, const TransformReport& report);
// topic, rank, word, weight (topic and rank 1-based), settings.topics.top_words words per topic
void write_topics_csv(std::ostream& out, const FitReport& report);

}  // namespace unbake::report

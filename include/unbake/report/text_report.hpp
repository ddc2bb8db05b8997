#pragma once
// The report a person reads in the terminal: topics, most prevalent first,
// each with its label, words and documents, then one summary block. Lines are
// wrapped to fit 80 columns.
#include <ostream>

#include <unbake/report/fit_report.hpp>
#include <unbake/report/topics.hpp>
#include <unbake/report/transform_report.hpp>

namespace unbake::report {

void write_text_report(std::ostream& out, const FitReport& report);

// Just the topics block (also used by transform for new documents' mixtures).
void write_topics_text(std::ostream& out, const TopicSummary& topics, const TopicsOptions& options);

// Documents and their dominant topics (transform's text form).
void write_mixtures_text(std::ostream& out, const TransformReport& report);

}  // namespace unbake::report

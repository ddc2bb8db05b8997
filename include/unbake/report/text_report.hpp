#pragma once
// The report a person reads in the terminal: topics, most prevalent first,
// each with its label, words and documents, then one summary block. Lines are
// wrapped to fit 80 columns.
#include <ostream>

#include <unbake/nmf/result.hpp>
#include <unbake/report/run_summary.hpp>
#include <unbake/report/topics.hpp>

namespace unbake::report {

void write_text_report(std::ostream& out, const TopicSummary& topics, const TopicsOptions& options,
                       const CorpusSummary& corpus, const nmf::NmfResult& model, const StageSeconds& seconds);

// Just the topics block (also used by transform for new documents' mixtures).
void write_topics_text(std::ostream& out, const TopicSummary& topics, const TopicsOptions& options);

// Documents and their dominant topics (transform's text form).
void write_mixtures_text(std::ostream& out, const std::vector<DocumentMixture>& documents,
                         const std::vector<std::string>& topic_labels);

}  // namespace unbake::report

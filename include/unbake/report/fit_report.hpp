#pragma once
// One value per job. A fit's report holds everything the job found and the
// settings it ran with; every renderer (text, JSON, CSV, HTML) takes this one
// value, so that no two of them can disagree about what the run was.
#include <optional>
#include <string>

#include <unbake/nmf/config.hpp>
#include <unbake/nmf/result.hpp>
#include <unbake/quality/label_agreement.hpp>
#include <unbake/report/prevalence.hpp>
#include <unbake/report/run_summary.hpp>
#include <unbake/report/topics.hpp>
#include <unbake/text/vectorizer_options.hpp>

namespace unbake::report {

// Every setting of a topic fit: how documents become V, how V is factored,
// and how topics are read off the factors.
struct FitSettings {
  text::VectorizerOptions vectorizer;
  nmf::NmfConfig nmf;
  TopicsOptions topics;
  void validate() const;  // throws UsageError (k is checked against V once it exists)
};

struct FitReport {
  FitSettings settings;
  CorpusSummary corpus;
  nmf::NmfResult nmf;   // the solver's record; relative_error is that of the reported factors
  TopicSummary topics;  // topics, documents' mixtures, quality
  StageSeconds seconds;
  // The topics against the labels the documents came with (--labels).
  std::optional<quality::LabelAgreement> labels;
  // Each topic's prevalence per period (--time-column) and group (--group-column).
  std::optional<PrevalenceTable> over_time;
  std::optional<PrevalenceTable> by_group;
  // Columns kept with each document (--meta, and the time and group columns), per document.
  std::vector<text::MetaColumn> meta;
};

// JSON of the report schema "unbake.report/1" (schemas/report.schema.json).
std::string to_json_string(const FitReport& report);

// The settings alone, as the report and sweep write them.
std::string to_json_string(const FitSettings& settings);
void from_json_string(const std::string& text, FitSettings& settings);  // throws InputError

}  // namespace unbake::report

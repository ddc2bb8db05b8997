#pragma once
// The main job end to end: folder -> TF-IDF -> NMF -> topics and mixtures,
// plus the model that maps new documents onto the same topics.
#include <string>
#include <vector>

#include <unbake/core/execution.hpp>
#include <unbake/model/topic_model.hpp>
#include <unbake/nmf/result.hpp>
#include <unbake/report/run_summary.hpp>
#include <unbake/report/topics.hpp>
#include <unbake/text/vectorizer.hpp>

namespace unbake::model {

struct FitOptions {
  text::VectorizerOptions vectorizer;
  nmf::NmfConfig nmf;
  report::TopicsOptions topics;
  void validate() const;  // throws UsageError (k is checked against V once it exists)
};

struct FitOutcome {
  report::CorpusSummary corpus;
  nmf::NmfResult nmf;  // the solver's record; relative_error is that of the reported factors
  report::TopicSummary topics;
  report::StageSeconds seconds;
  TopicModel model;
};

// After the solver stops, W is solved once more exactly (non-negative least
// squares per document) for the final H. The reported mixtures are then the
// best mixtures for the reported topics, and `transform` of a training
// document reproduces its mixture from fit — which solvers that stop early
// on W do not guarantee.
FitOutcome fit_topics(const std::string& root, const FitOptions& options, const Execution& exec = {});

struct TransformOutcome {
  std::vector<report::DocumentMixture> documents;  // paths relative to the input given
  std::vector<text::SkippedFile> skipped;
  long empty_documents = 0;
};

// Maps the documents under each input (a folder or a file) onto the model's
// topics: same tokenizer and weighting as fit, exact NNLS with H fixed.
TransformOutcome transform(const TopicModel& model, const std::vector<std::string>& inputs,
                           const Execution& exec = {});

// JSON of the report schema "unbake.report/1" (README documents it).

}  // namespace unbake::model

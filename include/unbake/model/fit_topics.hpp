#pragma once
// The main job end to end: documents -> TF-IDF -> NMF -> topics and mixtures,
// plus the model that maps new documents onto the same topics.
#include <string>
#include <vector>

#include <unbake/core/execution.hpp>
#include <unbake/model/topic_model.hpp>
#include <unbake/report/fit_report.hpp>
#include <unbake/report/transform_report.hpp>
#include <unbake/text/vectorizer.hpp>

namespace unbake::model {

// The settings of a fit (vectorizer, nmf, topics) are the report's.
using FitOptions = report::FitSettings;

struct FitOutcome {
  report::FitReport report;  // what every renderer takes
  TopicModel model;          // for transform and save_model
  // Per column of model.H, the word reports show (with --stem the most
  // frequent word behind each stem; otherwise model.terms).
  std::vector<std::string> words;
};

// After the solver stops, W is solved once more exactly (non-negative least
// squares per document) for the final H. The reported mixtures are then the
// best mixtures for the reported topics, and `transform` of a training
// document reproduces its mixture from fit — which solvers that stop early
// on W do not guarantee.
FitOutcome fit_topics(const text::DocumentSource& documents, const FitOptions& options,
                      const Execution& exec = {});
// The documents of a folder (or one file), as `unbake fit DIR` reads them.
FitOutcome fit_topics(const std::string& root, const FitOptions& options, const Execution& exec = {});

// An already vectorized corpus (text::vectorize, text::vectorize_cached);
// `options.vectorizer` must be the settings it was made with (the model
// stores them for transform).
FitOutcome fit_topics(text::VectorizedCorpus corpus, const FitOptions& options, const Execution& exec = {});

// Maps documents onto the model's topics: same tokenizer and weighting as
// fit, exact NNLS with H fixed.
report::TransformReport transform(const TopicModel& model, const text::DocumentSource& documents,
                                  const Execution& exec = {});
// The documents under each input (a folder or a file); paths are relative to
// the input given.
report::TransformReport transform(const TopicModel& model, const std::vector<std::string>& inputs,
                                  const Execution& exec = {});

}  // namespace unbake::model

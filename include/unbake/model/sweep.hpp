#pragma once
// Choosing k: vectorize once, then for each k fit the full corpus and judge
// the topics by reconstruction error, NPMI coherence, diversity and
// stability under resampling (Greene, O'Callaghan & Cunningham 2014), and
// recommend a k (quality/choose_k.hpp).
#include <string>
#include <vector>

#include <unbake/core/execution.hpp>
#include <unbake/nmf/config.hpp>
#include <unbake/quality/stability.hpp>
#include <unbake/text/vectorizer.hpp>

namespace unbake::model {

struct SweepOptions {
  text::VectorizerOptions vectorizer;
  nmf::NmfConfig nmf;   // every setting but k, which each entry of `ks` replaces
  std::vector<int> ks;  // ascending, distinct (quality::parse_k_range)
  quality::StabilityOptions stability;
  void validate() const;  // throws UsageError naming the field
};

struct SweepTopic {
  std::string label;
  double coherence = 0, stability = 0;
  std::vector<std::string> words;  // the top 10, best first
};

struct SweepResult {
  int k = 0;
  double relative_error = 0, coherence = 0, diversity = 0, stability = 0, seconds = 0;
  std::vector<double> resample_stability;  // each resample's mean agreement with the full fit
  std::vector<SweepTopic> topics;
};

struct SweepReport {
  std::string root;
  long documents = 0, terms = 0;
  SweepOptions options;
  std::vector<SweepResult> results;  // one per k, in the order of options.ks
  std::size_t recommended = 0;       // index into results
  std::string reason;                // one sentence for the user
  bool recommended_at_edge = false;  // the smallest or largest k swept (quality::KChoice::at_edge)
  int recommended_k() const { return results.at(recommended).k; }
};

// Reports the task "Fitting" (one step per full fit and per resample) and
// checks exec.cancel between iterations. Refuses (UsageError) before the
// first fit whatever the largest k would refuse: too large for the corpus,
// too large for a resample, more memory than there is.
SweepReport sweep(const std::string& root, const SweepOptions& options, const Execution& exec = {});
SweepReport sweep(const text::VectorizedCorpus& corpus, const SweepOptions& options,
                  const Execution& exec = {});

// JSON of the schema "unbake.sweep/1" (schemas/sweep.schema.json).
std::string to_json_string(const SweepReport& report);

}  // namespace unbake::model

#pragma once
// Topic stability under resampling (Greene, O'Callaghan & Cunningham 2014):
// fit the full corpus, then models on random subsets of the documents; match
// each resample's topics to the full model's by their top-t word lists with an
// optimal assignment, and average the agreement.
#include <cstdint>
#include <functional>
#include <vector>

#include <unbake/core/execution.hpp>
#include <unbake/nmf/config.hpp>
#include <unbake/nmf/types.hpp>

namespace unbake::quality {

struct StabilityOptions {
  int resamples = 10;
  double sample_fraction = 0.8;
  int top_terms = 20;  // t: length of the word lists compared
  std::uint64_t seed = 0;
  void validate() const;  // throws UsageError
};

struct StabilityResult {
  double stability = 0;              // mean over topics
  std::vector<double> per_topic;     // in the full model's topic order
  std::vector<double> per_resample;  // mean agreement of each resample
};

// Average Jaccard agreement of two ranked lists over their prefixes of depth
// 1..t (Greene et al.'s "AJ"); 1 for identical lists.
// Lists of different lengths are compared to the shorter one's depth.
double average_jaccard(const std::vector<long>& a, const std::vector<long>& b);

// Each row of H's top-`t` columns by weight, largest first, ties by lower
// column (t is capped at H's column count).
std::vector<std::vector<long>> top_term_columns(const nmf::Matrix& H, long t);

// Throws UsageError when a resample of a `rows`-document corpus is too small
// to fit k topics, so that a sweep refuses before its first fit, not midway.
void check_sample_size(long rows, int k, const StabilityOptions& options);

// `reference_top[t]` is the full model's topic t top-term list (term columns).
// Each resample fits `config` (with one thread each: resamples run side by
// side instead) on round(sample_fraction · rows) rows of V drawn without
// replacement, seeded by options.seed and the resample's number; up to
// exec.threads resamples run at once. `on_resample`, if given, is called
// (from any thread, one call at a time) after each resample is fitted.
StabilityResult stability(const nmf::SparseMatrix& V, const nmf::NmfConfig& config,
                          const std::vector<std::vector<long>>& reference_top,
                          const StabilityOptions& options, const Execution& exec = {},
                          const std::function<void()>& on_resample = {});

}  // namespace unbake::quality

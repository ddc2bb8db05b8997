#include <unbake/model/sweep.hpp>

#include <chrono>
#include <cstdint>
#include <numeric>
#include <string>

#include <nlohmann/json.hpp>

#include <unbake/core/errors.hpp>
#include <unbake/nmf/fit.hpp>
#include <unbake/nmf/memory_estimate.hpp>
#include <unbake/quality/choose_k.hpp>
#include <unbake/quality/coherence.hpp>
#include "core/log.hpp"
#include "core/progress_task.hpp"
#include "model/json.hpp"
#include "nmf/warnings.hpp"

namespace unbake::model {
namespace {

// Coherence is scored on each topic's top 10 words and diversity on its top
// 25, the depths their authors used; stability compares top_terms words.
constexpr long kCoherenceWords = 10;
constexpr long kDiversityWords = 25;
constexpr long kLabelWords = 3;

double mean(const std::vector<double>& v) {
  return v.empty() ? 0.0 : std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

SweepResult sweep_one(const text::VectorizedCorpus& corpus, const nmf::NmfConfig& config,
                      const quality::StabilityOptions& stability_options, const Execution& exec,
                      ProgressTask& progress) {
  const auto t0 = std::chrono::steady_clock::now();
  SweepResult row;
  row.k = config.k;
  const nmf::NmfResult full = nmf::fit(corpus.V, config, exec.silent());
  nmf::warn_if_worse_than_zero(full);
  progress.advance();
  row.relative_error = full.relative_error;

  const auto top_coherence = quality::top_term_columns(full.H, kCoherenceWords);
  const auto top_diversity = quality::top_term_columns(full.H, kDiversityWords);
  const auto top_stability = quality::top_term_columns(full.H, stability_options.top_terms);
  const std::vector<double> coherence = quality::npmi_coherence(corpus.V, top_coherence);
  row.coherence = mean(coherence);
  row.diversity = quality::topic_diversity(top_diversity, kDiversityWords);
  const auto stable = quality::stability(corpus.V, config, top_stability, stability_options, exec.silent(),
                                         [&] { progress.advance(); });
  row.stability = stable.stability;
  row.resample_stability = stable.per_resample;

  for (std::size_t t = 0; t < top_coherence.size(); ++t) {
    SweepTopic topic;
    for (long column : top_coherence[t])
      topic.words.push_back(corpus.shown_terms()[static_cast<std::size_t>(column)]);
    for (std::size_t w = 0; w < topic.words.size() && w < static_cast<std::size_t>(kLabelWords); ++w)
      topic.label += (w ? ", " : "") + topic.words[w];
    topic.coherence = coherence[t];
    topic.stability = stable.per_topic[t];
    row.topics.push_back(std::move(topic));
  }
  row.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return row;
}

}  // namespace

void SweepOptions::validate() const {
  vectorizer.validate();
  stability.validate();
  if (ks.empty()) throw UsageError("ks", "is empty: give at least one k to try");
  for (std::size_t i = 0; i < ks.size(); ++i) {
    if (ks[i] < 1) throw UsageError("ks", "must all be at least 1, got " + std::to_string(ks[i]));
    if (i > 0 && ks[i] <= ks[i - 1]) throw UsageError("ks", "must be ascending and distinct");
  }
}

SweepReport sweep(const std::string& root, const SweepOptions& options, const Execution& exec) {
  options.validate();
  const text::VectorizedCorpus corpus = text::vectorize(root, options.vectorizer, exec);
  return sweep(corpus, options, exec);
}

SweepReport sweep(const text::VectorizedCorpus& corpus, const SweepOptions& options, const Execution& exec) {
  options.validate();
  const long m = corpus.V.rows(), n = corpus.V.cols();
  const int k_max = options.ks.back();
  if (k_max > std::min(m, n))
    throw UsageError(
        "ks", "must be between 1 and " + std::to_string(std::min(m, n)) + " (" + corpus.root + " has " +
                  (m <= n ? std::to_string(m) + " documents" : std::to_string(n) + " vocabulary terms") +
                  "), got up to " + std::to_string(k_max));
  // Refuse bad solver settings before the first fit rather than midway.
  nmf::NmfConfig largest = options.nmf;
  largest.k = k_max;
  largest.validate(m, n);
  quality::check_sample_size(m, k_max, options.stability);
  // The largest k needs the most memory: refuse it now, not after the smaller ones.
  nmf::check_memory(m, n, m, n, corpus.V.nonZeros(), largest);

  SweepReport report;
  report.root = corpus.root;
  report.documents = m;
  report.terms = n;
  report.options = options;
  {
    ProgressTask progress(exec, "Fitting",
                          options.ks.size() * static_cast<std::uint64_t>(1 + options.stability.resamples));
    for (int k : options.ks) {
      nmf::NmfConfig config = options.nmf;
      config.k = k;
      report.results.push_back(sweep_one(corpus, config, options.stability, exec, progress));
      log().debug("sweep: k = {} done in {:.1f} s", k, report.results.back().seconds);
    }
  }
  std::vector<quality::KScore> scores;
  for (const auto& r : report.results) scores.push_back({r.k, r.stability, r.coherence});
  const quality::KChoice choice = quality::choose_k(scores);
  report.recommended = choice.index;
  report.reason = choice.reason;
  report.recommended_at_edge = choice.at_edge;
  return report;
}

void to_json(nlohmann::json& j, const SweepTopic& t) {
  j = {{"label", t.label}, {"coherence", t.coherence}, {"stability", t.stability}, {"words", t.words}};
}

void to_json(nlohmann::json& j, const SweepResult& r) {
  j = {{"k", r.k},
       {"relative_error", r.relative_error},
       {"coherence", r.coherence},
       {"diversity", r.diversity},
       {"stability", r.stability},
       {"resample_stability", r.resample_stability},
       {"seconds", r.seconds},
       {"topics", r.topics}};
}

void to_json(nlohmann::json& j, const SweepReport& r) {
  nlohmann::json nmf_json = r.options.nmf;
  nmf_json.erase("k");  // each result has its own
  j = {{"schema", "unbake.sweep/1"},
       {"recommended_k", r.recommended_k()},
       {"reason", r.reason},
       {"recommended_at_edge", r.recommended_at_edge},
       {"results", r.results},
       {"vectorizer", r.options.vectorizer},
       {"nmf", std::move(nmf_json)},
       {"resamples", r.options.stability.resamples},
       {"sample_fraction", r.options.stability.sample_fraction},
       {"top_terms", r.options.stability.top_terms}};
}

std::string to_json_string(const SweepReport& report) { return nlohmann::json(report).dump(1); }

}  // namespace unbake::model

// `unbake sweep DIR -k 2:30`: helps choose k. Vectorizes once, then for each k
// fits the full corpus and judges the topics by reconstruction error, NPMI
// coherence, diversity and stability under resampling (Greene, O'Callaghan &
// Cunningham 2014), prints a table and a chart, and recommends a k.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "text/json.hpp"
#include "nmf/json.hpp"

#include "command.hpp"
#include <unbake/core/errors.hpp>
#include "core/log.hpp"
#include <unbake/core/printable.hpp>
#include <unbake/core/progress.hpp>
#include <unbake/core/threads.hpp>
#include <unbake/io/atomic_file.hpp>
#include <unbake/io/output_guard.hpp>
#include <unbake/nmf/fit.hpp>
#include <unbake/nmf/memory_estimate.hpp>
#include "nmf_flags.hpp"
#include "number_flags.hpp"
#include "output_checks.hpp"
#include <unbake/quality/choose_k.hpp>
#include <unbake/quality/coherence.hpp>
#include <unbake/quality/k_range.hpp>
#include <unbake/quality/stability.hpp>
#include <unbake/text/vectorizer.hpp>
#include "vectorizer_flags.hpp"

namespace unbake::app {
namespace {

// Coherence is scored on each topic's top 10 words and diversity on its top
// 25, the depths their authors used; stability compares --top-terms words.
constexpr long kCoherenceWords = 10;
constexpr long kDiversityWords = 25;
constexpr long kLabelWords = 3;

struct SweepTopic {
  std::string label;
  double coherence = 0, stability = 0;
  std::vector<std::string> words;
};

struct SweepRow {
  int k = 0;
  double relative_error = 0, coherence = 0, diversity = 0, stability = 0, seconds = 0;
  std::vector<SweepTopic> topics;
};

double mean(const std::vector<double>& v) {
  return v.empty() ? 0.0 : std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

SweepRow sweep_one(const text::VectorizedCorpus& corpus, nmf::NmfConfig config,
                   const quality::StabilityOptions& stability_options, Progress& progress) {
  auto t0 = std::chrono::steady_clock::now();
  SweepRow row;
  row.k = config.k;
  nmf::NmfResult full = nmf::fit(corpus.V, config);
  warn_if_worse_than_zero(full);
  progress.advance();
  row.relative_error = full.relative_error;

  auto top_coherence = quality::top_term_columns(full.H, kCoherenceWords);
  auto top_diversity = quality::top_term_columns(full.H, kDiversityWords);
  auto top_stability = quality::top_term_columns(full.H, stability_options.top_terms);
  std::vector<double> coherence = quality::npmi_coherence(corpus.V, top_coherence);
  row.coherence = mean(coherence);
  row.diversity = quality::topic_diversity(top_diversity, kDiversityWords);
  auto stable = quality::stability(corpus.V, config, top_stability, stability_options, &progress);
  row.stability = stable.stability;

  for (std::size_t t = 0; t < top_coherence.size(); ++t) {
    SweepTopic topic;
    for (long column : top_coherence[t])
      topic.words.push_back(corpus.terms[static_cast<std::size_t>(column)]);
    for (std::size_t w = 0; w < topic.words.size() && w < static_cast<std::size_t>(kLabelWords); ++w)
      topic.label += (w ? ", " : "") + topic.words[w];
    topic.coherence = coherence[t];
    topic.stability = stable.per_topic[t];
    row.topics.push_back(std::move(topic));
  }
  row.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return row;
}

std::string bar(double fraction, int width, char fill) {
  const int n = static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * width));
  return std::string(static_cast<std::size_t>(n), fill) +
         std::string(static_cast<std::size_t>(width - n), ' ');
}

void print_table(std::ostream& out, const std::vector<SweepRow>& rows) {
  char line[128];
  out << "    k  rel.error  coherence  diversity  stability   seconds\n";
  for (const auto& r : rows) {
    std::snprintf(line, sizeof line, "%5d  %9.4f  %9.4f  %9.4f  %9.4f  %8.1f\n", r.k, r.relative_error,
                  r.coherence, r.diversity, r.stability, r.seconds);
    out << line;
  }
}

// Error bars span the observed range (errors differ little in absolute
// terms); stability bars span 0..1.
void print_chart(std::ostream& out, const std::vector<SweepRow>& rows) {
  constexpr int kWidth = 26;
  double lo = rows.front().relative_error, hi = lo;
  for (const auto& r : rows) {
    lo = std::min(lo, r.relative_error);
    hi = std::max(hi, r.relative_error);
  }
  char line[160];
  std::snprintf(
      line, sizeof line, "    k  %-*s  %s\n", kWidth + 7,
      ("error (" + std::to_string(lo).substr(0, 5) + " .. " + std::to_string(hi).substr(0, 5) + ")").c_str(),
      "stability (0 .. 1)");
  out << '\n' << line;
  for (const auto& r : rows) {
    const double e = hi > lo ? 0.1 + 0.9 * (r.relative_error - lo) / (hi - lo) : 1.0;
    std::snprintf(line, sizeof line, "%5d  %s %.3f  %s %.3f\n", r.k, bar(e, kWidth, '#').c_str(),
                  r.relative_error, bar(r.stability, kWidth, '*').c_str(), r.stability);
    out << line;
  }
}

// Words of `text` on lines of at most 80 columns, continuation lines indented.
void print_wrapped(std::ostream& out, const std::string& text) {
  constexpr std::size_t kColumns = 80;
  std::istringstream words(text);
  std::string word, line;
  out << '\n';
  while (words >> word) {
    if (!line.empty() && line.size() + 1 + word.size() > kColumns) {
      out << line << '\n';
      line = "  ";
    } else if (!line.empty() && line != "  ") {
      line += ' ';
    }
    line += word;
  }
  out << line << '\n';
}

nlohmann::json rows_json(const std::vector<SweepRow>& rows) {
  nlohmann::json results = nlohmann::json::array();
  for (const auto& r : rows) {
    nlohmann::json topics = nlohmann::json::array();
    for (const auto& t : r.topics)
      topics.push_back(
          {{"label", t.label}, {"coherence", t.coherence}, {"stability", t.stability}, {"words", t.words}});
    results.push_back({{"k", r.k},
                       {"relative_error", r.relative_error},
                       {"coherence", r.coherence},
                       {"diversity", r.diversity},
                       {"stability", r.stability},
                       {"seconds", r.seconds},
                       {"topics", std::move(topics)}});
  }
  return results;
}

class SweepCommand : public Command {
 public:
  CLI::App* setup(CLI::App& root) override {
    auto* app =
        root.add_subcommand("sweep", "Try a range of topic counts and recommend one (stability, coherence)");
    app->add_option("DIR", root_, "Folder of documents (or one file)")->required();
    app->add_option("-k", k_spec_, "Topic counts to try: LO:HI, LO:HI:STEP or a list 5,10,20")->required();
    add_nmf_flags(*app, nmf_, /*with_k=*/false);
    // One --threads serves every stage: the vectorizer's flag replaces the NMF one.
    app->remove_option(app->get_option("--threads"));
    add_vectorizer_flags(*app, vectorizer_);
    add_number(*app, "--resamples", stability_.resamples, "Models fitted on random subsets per k");
    add_number(*app, "--sample-fraction", stability_.sample_fraction,
               "Share of the documents in each subset");
    add_number(*app, "--top-terms", stability_.top_terms, "Words per topic compared between models");
    app->add_option("--json", json_, "Write the results as JSON to FILE ('-' = stdout)");
    return app;
  }

  void run() override {
    const std::vector<int> ks = quality::parse_k_range(k_spec_);
    io::OutputGuard guard;
    guard_documents(guard, root_, vectorizer_);
    guard.output("", json_ == "-" ? "" : "-");  // the table
    guard.output("--json", json_);
    guard.check();
    vectorizer_.validate();
    stability_.threads = vectorizer_.threads;
    stability_.seed = nmf_.seed;
    stability_.validate();

    text::VectorizedCorpus corpus = text::vectorize(root_, vectorizer_);
    const long m = corpus.V.rows(), n = corpus.V.cols();
    if (ks.back() > std::min(m, n))
      throw UsageError("k = " + std::to_string(ks.back()) + " is larger than the " +
                       (m <= n ? std::to_string(m) + " documents" : std::to_string(n) + " vocabulary terms") +
                       " of " + root_);
    // Refuse bad solver settings before the first fit rather than midway.
    nmf::NmfConfig largest = nmf_;
    largest.k = ks.back();
    largest.validate(m, n);
    quality::check_sample_size(m, ks.back(), stability_);
    // The largest k needs the most memory: refuse it now, not after the smaller ones.
    nmf::check_memory(m, n, m, n, corpus.V.nonZeros(), largest);

    std::vector<SweepRow> rows;
    {
      Progress progress("Fitting", ks.size() * static_cast<std::uint64_t>(1 + stability_.resamples));
      for (int k : ks) {
        nmf::NmfConfig config = nmf_;
        config.k = k;
        if (config.threads == 0) config.threads = resolve_threads(vectorizer_.threads);
        rows.push_back(sweep_one(corpus, config, stability_, progress));
        log().debug("sweep: k = {} done in {:.1f} s", k, rows.back().seconds);
      }
    }
    std::vector<quality::KScore> scores;
    for (const auto& r : rows) scores.push_back({r.k, r.stability, r.coherence});
    const quality::KChoice choice = quality::choose_k(scores);
    const std::size_t pick = choice.index;
    const std::string& reason = choice.reason;

    io::write_in_order({
        {json_ == "-" ? "" : "-",
         [&] {
           io::write_atomically("-", [&](std::ostream& out) {
             out << "Sweep of " << printable(root_) << ": " << m << " documents, " << n << " terms\n"
                 << "Stability: " << stability_.resamples << " resamples of "
                 << std::lround(100 * stability_.sample_fraction) << "% of the documents per k, top-"
                 << stability_.top_terms << " words compared\n\n";
             print_table(out, rows);
             print_chart(out, rows);
             print_wrapped(out, "Recommended k = " + std::to_string(rows[pick].k) + ": " + printable(reason));
           });
         }},
        {json_,
         [&] {
           nmf::NmfConfig recorded = nmf_;
           recorded.threads = 0;  // how the run went, not what it computed
           nlohmann::json nmf_json = recorded;
           nmf_json.erase("k");
           text::VectorizerOptions vectorizer = vectorizer_;
           vectorizer.threads = 0;
           nlohmann::json vectorizer_json = vectorizer;
           nlohmann::json j = {{"schema", "unbake.sweep/1"},
                               {"recommended_k", rows[pick].k},
                               {"reason", reason},
                               {"results", rows_json(rows)},
                               {"vectorizer", std::move(vectorizer_json)},
                               {"nmf", std::move(nmf_json)},
                               {"resamples", stability_.resamples},
                               {"sample_fraction", stability_.sample_fraction},
                               {"top_terms", stability_.top_terms}};
           io::write_atomically(json_, [&](std::ostream& out) { out << j.dump(1) << '\n'; });
         }},
    });
  }

 private:
  std::string root_, k_spec_, json_;
  text::VectorizerOptions vectorizer_;
  nmf::NmfConfig nmf_;
  quality::StabilityOptions stability_;
};

}  // namespace

std::unique_ptr<Command> make_sweep_command() { return std::make_unique<SweepCommand>(); }

}  // namespace unbake::app

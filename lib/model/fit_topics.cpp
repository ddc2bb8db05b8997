#include <unbake/model/fit_topics.hpp>

#include <algorithm>
#include <chrono>

#include <unbake/core/errors.hpp>
#include <unbake/core/version.hpp>
#include <unbake/nmf/fit.hpp>
#include <unbake/nmf/nnls.hpp>
#include <unbake/quality/coherence.hpp>
#include <unbake/report/topics.hpp>
#include <unbake/text/tokenizer.hpp>
#include "core/log.hpp"
#include "nmf/primitives.hpp"

namespace unbake::model {
namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// ||V - W H||_F / ||V||_F without forming W H (the NMF core's trace formula).
double relative_error(const nmf::SparseMatrix& V, const nmf::Matrix& W, const nmf::Matrix& H) {
  const double vv = nmf::squared_norm(V);
  if (vv == 0) return 0;
  const double cross = W.cwiseProduct(nmf::Matrix(V * H.transpose())).sum();
  return std::sqrt(nmf::frobenius_sq(vv, cross, W.transpose() * W, H * H.transpose()) / vv);
}

// Coherence and exclusivity look at each topic's top 10 words, a fixed number
// (not --top-words) so that runs compare, and the usual NPMI@10 of the
// literature; diversity looks at the top 25, as in Dieng et al. 2020.
constexpr long kCoherenceWords = 10;
constexpr long kDiversityWords = 25;

// `H` has the topics' rows in id order. Reads V's pattern once; a small cost
// beside the factorization.
void add_quality(report::TopicSummary& topics, const nmf::SparseMatrix& V, const nmf::Matrix& H) {
  std::vector<std::vector<long>> top_diversity, top_coherence;
  for (long t = 0; t < H.rows(); ++t) {
    top_diversity.push_back(report::top_terms(H, t, kDiversityWords));
    const auto& all = top_diversity.back();
    top_coherence.emplace_back(all.begin(),
                               all.begin() + std::min(kCoherenceWords, static_cast<long>(all.size())));
  }
  auto coherence = quality::npmi_coherence(V, top_coherence);
  auto exclusivity = quality::exclusivity(H, top_coherence);
  double sum = 0;
  for (auto& topic : topics.topics) {
    topic.coherence = coherence[static_cast<std::size_t>(topic.id)];
    topic.exclusivity = exclusivity[static_cast<std::size_t>(topic.id)];
    sum += topic.coherence;
  }
  topics.coherence = topics.topics.empty() ? 0.0 : sum / static_cast<double>(topics.topics.size());
  topics.diversity = quality::topic_diversity(top_diversity, kDiversityWords);
}

FitOutcome fit_corpus(text::VectorizedCorpus corpus, const FitOptions& options, const Execution& exec,
                      std::chrono::steady_clock::time_point t0) {
  const std::string& root = corpus.root;
  const long m = corpus.V.rows(), n = corpus.V.cols();
  if (options.nmf.k > std::min(m, n))
    throw UsageError(
        "k", "must be between 1 and " + std::to_string(std::min(m, n)) + " (" + root + " has " +
                 (m <= n ? std::to_string(m) + " documents" : std::to_string(n) + " vocabulary terms") +
                 "), got " + std::to_string(options.nmf.k));

  // More topics than a tenth of the documents: each topic then rests on a
  // handful of documents, and the start alone (an SVD of k vectors) is slow.
  // Up to 20 topics a small corpus is a test or a toy, not a mistake.
  if (options.nmf.k > 20 && static_cast<long>(options.nmf.k) * 10 > m)
    log().warn(
        "k = {} is more than a tenth of the {} documents: most topics will rest on a few documents each, "
        "and the fit is slow (sweep -k finds a k that the corpus supports)",
        options.nmf.k, m);

  FitOutcome fitted;
  report::FitReport& out = fitted.report;
  out.settings = options;
  out.settings.nmf = options.nmf.resolved();
  auto t_factor = std::chrono::steady_clock::now();
  const nmf::NmfConfig& config = options.nmf;
  out.nmf = nmf::fit(corpus.V, config, exec);
  // Topics are scaled to unit L2 norm, the norm of V's rows: a document that
  // is exactly one topic then has weight 1 on it, so mixtures compare topics
  // in the units the documents are measured in (scaling H's rows to sum 1
  // instead would inflate broad topics with many small word weights).
  nmf::Matrix H = out.nmf.H;
  for (long t = 0; t < H.rows(); ++t) {
    double norm = H.row(t).norm();
    if (norm > 0) H.row(t) /= norm;
  }
  nmf::Matrix W = nmf::solve_w(corpus.V, H, exec);
  out.nmf.relative_error = relative_error(corpus.V, W, H);
  double factor_seconds = seconds_since(t_factor);

  out.topics = report::summarize_topics(W, H, corpus.shown_terms(), corpus.doc_ids, options.topics);

  out.corpus.root = root;
  out.corpus.documents = m;
  out.corpus.empty_documents = static_cast<long>(corpus.empty_documents);
  out.corpus.skipped = corpus.skipped;
  out.corpus.not_read = corpus.not_read;
  out.corpus.duplicates = corpus.duplicates;
  out.corpus.deduplicated = corpus.deduplicated;
  out.corpus.stopwords = corpus.stopwords;
  out.corpus.languages = corpus.languages;
  if (!corpus.labels.empty()) {
    std::vector<std::optional<int>> dominant;
    dominant.reserve(out.topics.documents.size());
    for (const auto& d : out.topics.documents) dominant.push_back(d.dominant);
    out.labels =
        quality::label_agreement(dominant, corpus.labels, options.nmf.k, options.vectorizer.reader.labels);
  }
  const auto& reader = options.vectorizer.reader;
  for (const auto& column : corpus.meta) {
    if (column.name == reader.time_column)
      out.over_time =
          report::prevalence_over_time(out.topics.documents, column.values, options.nmf.k, column.name);
    if (column.name == reader.group_column)
      out.by_group =
          report::prevalence_by_group(out.topics.documents, column.values, options.nmf.k, column.name);
  }
  out.meta = corpus.meta;
  out.corpus.vocabulary = n;
  out.corpus.nnz = static_cast<long>(corpus.V.nonZeros());

  // The model carries its effective stopword list, so it stands alone.
  fitted.model.vectorizer = options.vectorizer;
  text::TokenizerOptions applied = options.vectorizer.tokenizer;
  // "auto" as it was resolved for this corpus; a corpus built by hand without
  // that record keeps the lists the options name.
  if (!corpus.stopwords.empty()) applied.stopwords = corpus.stopwords;
  std::erase(applied.stopwords, std::string("auto"));
  fitted.model.vectorizer.tokenizer.stopword_words = text::Tokenizer(applied).stopwords();
  fitted.model.vectorizer.tokenizer.stopwords = {"none"};
  fitted.model.nmf = out.nmf.config;  // resolved: the tol and extrapolation it ran with
  fitted.words = corpus.shown_terms();
  fitted.model.terms = std::move(corpus.terms);
  fitted.model.idf = corpus.idf;
  fitted.model.generator_version = kVersion;
  fitted.model.H.resize(H.rows(), n);
  for (const auto& t : out.topics.topics) {
    fitted.model.H.row(t.id) = H.row(t.factor);
    fitted.model.labels.push_back(t.label);
  }
  auto t_quality = std::chrono::steady_clock::now();
  add_quality(out.topics, corpus.V, fitted.model.H);
  log().debug("topic quality: {:.3f} s", seconds_since(t_quality));

  out.seconds.read = corpus.seconds_reading;
  out.seconds.vectorize = corpus.seconds_weighting;
  out.seconds.factor = factor_seconds;
  out.seconds.total = seconds_since(t0);
  return fitted;
}

}  // namespace

FitOutcome fit_topics(const text::DocumentSource& documents, const FitOptions& options,
                      const Execution& exec) {
  options.validate();
  const auto t0 = std::chrono::steady_clock::now();
  return fit_corpus(text::vectorize(documents, options.vectorizer, exec), options, exec, t0);
}

FitOutcome fit_topics(const std::string& root, const FitOptions& options, const Execution& exec) {
  options.validate();
  const auto t0 = std::chrono::steady_clock::now();
  return fit_corpus(text::vectorize(root, options.vectorizer, exec), options, exec, t0);
}

FitOutcome fit_topics(text::VectorizedCorpus corpus, const FitOptions& options, const Execution& exec) {
  options.validate();
  // The corpus was read before this call: its own timings stand for that
  // part of the total.
  const auto before =
      std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(
          corpus.seconds_listing + corpus.seconds_reading + corpus.seconds_weighting));
  const auto t0 = std::chrono::steady_clock::now() - before;
  return fit_corpus(std::move(corpus), options, exec, t0);
}

namespace {

void add_mapped(report::TransformReport& out, const TopicModel& model, text::VectorizedCorpus corpus,
                const Execution& exec) {
  nmf::Matrix W = nmf::solve_w(corpus.V, model.H, exec);
  auto docs = report::mixtures(W, corpus.doc_ids);
  out.documents.insert(out.documents.end(), std::make_move_iterator(docs.begin()),
                       std::make_move_iterator(docs.end()));
  out.skipped.insert(out.skipped.end(), corpus.skipped.begin(), corpus.skipped.end());
  out.empty_documents += static_cast<long>(corpus.empty_documents);
}

}  // namespace

report::TransformReport transform(const TopicModel& model, const text::DocumentSource& documents,
                                  const Execution& exec) {
  report::TransformReport out;
  out.topics = model.labels;
  add_mapped(out, model,
             text::vectorize_with_vocabulary(documents, model.vectorizer, model.terms, model.idf, exec),
             exec);
  return out;
}

report::TransformReport transform(const TopicModel& model, const std::vector<std::string>& inputs,
                                  const Execution& exec) {
  report::TransformReport out;
  out.topics = model.labels;
  for (const auto& input : inputs)
    add_mapped(out, model,
               text::vectorize_with_vocabulary(input, model.vectorizer, model.terms, model.idf, exec), exec);
  return out;
}

}  // namespace unbake::model

#include <unbake/report/topics.hpp>

#include <algorithm>
#include <numeric>

#include <nlohmann/json.hpp>

#include "report/json.hpp"

#include <unbake/core/errors.hpp>
#include "core/json_number.hpp"
#include "core/json_text.hpp"

namespace unbake::report {

void TopicsOptions::validate() const {
  if (top_words < 1) throw UsageError("top_words", "must be at least 1, got " + std::to_string(top_words));
  if (json_words < 1) throw UsageError("json_words", "must be at least 1, got " + std::to_string(json_words));
  if (top_docs < 0) throw UsageError("top_docs", "must be at least 0, got " + std::to_string(top_docs));
  if (label_words < 1)
    throw UsageError("label_words", "must be at least 1, got " + std::to_string(label_words));
}

namespace {

// Indices of the `count` largest values of `score(i)` for i in [0, n), ties by
// index (so by term bytes for columns of H, by reading order for documents).
template <class Score>
std::vector<long> top_indices(long n, long count, Score score) {
  std::vector<long> idx(static_cast<std::size_t>(n));
  std::iota(idx.begin(), idx.end(), 0L);
  count = std::min(count, n);
  auto better = [&](long a, long b) {
    double sa = score(a), sb = score(b);
    return sa != sb ? sa > sb : a < b;
  };
  std::partial_sort(idx.begin(), idx.begin() + count, idx.end(), better);
  idx.resize(static_cast<std::size_t>(count));
  return idx;
}

DocumentMixture mixture_of(const nmf::Matrix& W, long row, const std::string& path,
                           const std::vector<int>& id_of_factor) {
  const long k = W.cols();
  DocumentMixture doc;
  doc.path = path;
  doc.mixture.assign(static_cast<std::size_t>(k), 0.0);
  double total = W.row(row).sum();
  if (!(total > 0)) return doc;
  double best = -1;
  for (long f = 0; f < k; ++f) {
    int id = id_of_factor[static_cast<std::size_t>(f)];
    double share = W(row, f) / total;
    doc.mixture[static_cast<std::size_t>(id)] = share;
  }
  for (long t = 0; t < k; ++t) {
    double share = doc.mixture[static_cast<std::size_t>(t)];
    if (share > best) {
      best = share;
      doc.dominant = static_cast<int>(t);
    }
  }
  return doc;
}

}  // namespace

std::vector<long> top_terms(const nmf::Matrix& H, long row, long count) {
  auto columns = top_indices(H.cols(), count, [&](long c) { return H(row, c); });
  // A topic never lists words it does not use.
  auto used = std::find_if(columns.begin(), columns.end(), [&](long c) { return !(H(row, c) > 0); });
  columns.erase(used, columns.end());
  return columns;
}

std::vector<DocumentMixture> mixtures(const nmf::Matrix& W, const std::vector<std::string>& doc_ids) {
  std::vector<int> identity(static_cast<std::size_t>(W.cols()));
  std::iota(identity.begin(), identity.end(), 0);
  std::vector<DocumentMixture> docs;
  docs.reserve(doc_ids.size());
  for (long i = 0; i < W.rows(); ++i)
    docs.push_back(mixture_of(W, i, doc_ids[static_cast<std::size_t>(i)], identity));
  return docs;
}

TopicSummary summarize_topics(const nmf::Matrix& W_scaled, const nmf::Matrix& H,
                              const std::vector<std::string>& terms, const std::vector<std::string>& doc_ids,
                              const TopicsOptions& options) {
  options.validate();
  const long k = H.rows();
  const long m = W_scaled.rows();

  // Prevalence: each non-empty document contributes its mixture (sum 1), so a
  // topic's prevalence is the share of documents' attention it holds, and
  // long documents do not dominate.
  std::vector<double> mass(static_cast<std::size_t>(k), 0.0);
  long non_empty = 0;
  for (long i = 0; i < m; ++i) {
    double total = W_scaled.row(i).sum();
    if (!(total > 0)) continue;
    ++non_empty;
    for (long f = 0; f < k; ++f) mass[static_cast<std::size_t>(f)] += W_scaled(i, f) / total;
  }
  auto order = top_indices(k, k, [&](long f) { return mass[static_cast<std::size_t>(f)]; });
  std::vector<int> id_of_factor(static_cast<std::size_t>(k));
  for (long t = 0; t < k; ++t)
    id_of_factor[static_cast<std::size_t>(order[static_cast<std::size_t>(t)])] = static_cast<int>(t);

  TopicSummary summary;
  summary.documents.reserve(static_cast<std::size_t>(m));
  for (long i = 0; i < m; ++i)
    summary.documents.push_back(mixture_of(W_scaled, i, doc_ids[static_cast<std::size_t>(i)], id_of_factor));

  const long words = std::max(options.top_words, options.json_words);
  for (long t = 0; t < k; ++t) {
    long f = order[static_cast<std::size_t>(t)];
    Topic topic;
    topic.id = static_cast<int>(t);
    topic.factor = static_cast<int>(f);
    topic.prevalence =
        non_empty > 0 ? mass[static_cast<std::size_t>(f)] / static_cast<double>(non_empty) : 0.0;
    double row_sum = H.row(f).sum();
    for (long j : top_terms(H, f, words))
      topic.words.push_back({terms[static_cast<std::size_t>(j)], row_sum > 0 ? H(f, j) / row_sum : 0.0});
    for (std::size_t w = 0; w < topic.words.size() && w < static_cast<std::size_t>(options.label_words);
         ++w) {
      if (w > 0) topic.label += ", ";
      topic.label += topic.words[w].word;
    }
    // Ranked by the topic's absolute weight in the document (W·diag(d)), which
    // favours documents that are substantially about the topic over short
    // ones that merely contain nothing else.
    for (long i : top_indices(m, options.top_docs, [&](long r) { return W_scaled(r, f); })) {
      double share = summary.documents[static_cast<std::size_t>(i)].mixture[static_cast<std::size_t>(t)];
      if (!(share > 0)) break;
      topic.top_documents.push_back({doc_ids[static_cast<std::size_t>(i)], share});
    }
    summary.topics.push_back(std::move(topic));
  }
  for (const auto& d : summary.documents)
    if (d.dominant) ++summary.topics[static_cast<std::size_t>(*d.dominant)].dominant_documents;
  return summary;
}

void to_json(nlohmann::json& j, const TopicWord& w) { j = {{"word", w.word}, {"weight", w.weight}}; }
void to_json(nlohmann::json& j, const TopicDocument& d) { j = {{"path", d.path}, {"weight", d.weight}}; }
void to_json(nlohmann::json& j, const DocumentMixture& d) {
  j = {{"path", d.path}, {"mixture", d.mixture}, {"dominant", nullptr}};
  if (d.dominant) j["dominant"] = *d.dominant;
}
void to_json(nlohmann::json& j, const TopicsOptions& o) {
  j = {{"top_words", o.top_words},
       {"json_words", o.json_words},
       {"top_docs", o.top_docs},
       {"label_words", o.label_words}};
}
void from_json(const nlohmann::json& j, TopicsOptions& o) {
  read_whole_number(j, "top_words", o.top_words);
  read_whole_number(j, "json_words", o.json_words);
  read_whole_number(j, "top_docs", o.top_docs);
  read_whole_number(j, "label_words", o.label_words);
}

std::string to_json_string(const TopicsOptions& options) { return nlohmann::json(options).dump(1); }

void from_json_string(const std::string& text, TopicsOptions& options) {
  from_json_text(text, options, "topics settings");
}

}  // namespace unbake::report

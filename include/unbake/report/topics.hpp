#pragma once
// Reading topics off a factorization: ranked words per topic (rows of H),
// each document's mixture (rows of W·diag(d), scaled to sum to 1), the
// documents most made of each topic, and topic prevalence. Topics are ordered
// by prevalence (largest first) and numbered by that position.
#include <optional>
#include <string>
#include <vector>

#include <unbake/nmf/types.hpp>

namespace unbake::report {

struct TopicsOptions {
  int top_words = 10;   // words per topic in the text report and CSV
  int json_words = 25;  // words per topic in JSON (enough for diversity@25)
  int top_docs = 3;     // documents per topic
  int label_words = 3;  // words joined into a topic's label
  void validate() const;
};

struct TopicWord {
  std::string word;
  double weight = 0;  // share of the topic's word weight (a topic's weights sum to 1 over the vocabulary)
};

struct TopicDocument {
  std::string path;
  double weight = 0;  // the document's mixture share of this topic
};

struct Topic {
  int id = 0;             // position in prevalence order
  int factor = 0;         // row of H / column of W it came from
  std::string label;      // top label_words words, joined by ", "
  double prevalence = 0;  // share of all documents' topic weight
  std::vector<TopicWord> words;
  std::vector<TopicDocument> top_documents;
  int dominant_documents = 0;  // documents whose dominant topic this is
  double coherence = 0;        // NPMI of its top words (filled by model::fit_topics)
  double exclusivity = 0;      // how much its top words belong to it alone (idem)
};

struct DocumentMixture {
  std::string path;
  std::vector<double> mixture;  // k numbers summing to 1; all zero for an empty document
  std::optional<int> dominant;  // topic id, none for an empty document
};

struct TopicSummary {
  std::vector<Topic> topics;
  std::vector<DocumentMixture> documents;
  double coherence = 0;  // mean of the topics' coherence (filled by model::fit_topics)
  double diversity = 0;  // distinct share of all topics' top words (idem)
};

// Columns of row `row` of H with the largest weights, best first, ties by
// column (= term bytes); never a column of zero weight, so possibly fewer than
// `count`. The one ranking of a topic's words.
std::vector<long> top_terms(const nmf::Matrix& H, long row, long count);

// W_scaled (m x k) holds each document's weight on each topic for H (k x n,
// any row scaling; word weights are reported as shares of the row). `terms`
// names H's columns, `doc_ids` names W's rows. Words are ranked by weight, ties
// by term bytes; documents by mixture share, ties by reading order.
TopicSummary summarize_topics(const nmf::Matrix& W_scaled, const nmf::Matrix& H,
                              const std::vector<std::string>& terms, const std::vector<std::string>& doc_ids,
                              const TopicsOptions& options);

// Mixtures of new documents (rows of W from transform), with dominant topic ids.
std::vector<DocumentMixture> mixtures(const nmf::Matrix& W, const std::vector<std::string>& doc_ids);

// The one JSON form of the settings.
std::string to_json_string(const TopicsOptions& options);
void from_json_string(const std::string& text, TopicsOptions& options);  // throws InputError

}  // namespace unbake::report

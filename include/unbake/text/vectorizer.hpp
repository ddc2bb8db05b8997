#pragma once
// Folder -> TF-IDF matrix. Documents are listed first, then read and
// tokenized in parallel; each worker keeps only (term id, count) pairs per
// document, so memory follows the matrix, not the corpus bytes. The result is
// byte-identical for any thread count and any scheduling.
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <Eigen/Core>

#include <unbake/core/execution.hpp>
#include <unbake/text/language.hpp>
#include <unbake/text/reader.hpp>
#include <unbake/text/tfidf.hpp>
#include <unbake/text/vectorizer_options.hpp>

namespace unbake::text {

struct Duplicate {
  std::string id;
  std::string same_as;  // the first document with this text
};

// The values of one named column (table) or field (JSON lines), one per
// document, as text.
struct MetaColumn {
  std::string name;
  std::vector<std::string> values;
};

struct VectorizedCorpus {
  std::string root;
  std::vector<std::string> doc_ids;  // row order: reading order, sorted ids
  std::vector<std::string> terms;    // column order: bytewise
  // With stemming: per column, the word to show for it, the most frequent
  // word behind the stem ("company" for "compani"; for a pair, each part's).
  // Empty without stemming, or for a fixed vocabulary.
  std::vector<std::string> display_terms;
  std::vector<std::uint32_t> df;     // documents (rows) containing each term
  Eigen::VectorXd idf;               // per column (all ones when use_idf is false)
  SparseMatrix V;                    // rows = doc_ids, columns = terms, sorted within rows
  std::vector<SkippedFile> skipped;  // not rows; sorted by path
  NotRead not_read;                  // files left out by rule (extension, README, --exclude)
  // Documents whose text equals an earlier one's (in row order): rows unless
  // deduplicated, then not rows.
  std::vector<Duplicate> duplicates;
  bool deduplicated = false;
  // The stopword entries applied ("auto" replaced by the lists it chose) and,
  // under "auto", the languages found.
  std::vector<std::string> stopwords;
  LanguageSummary languages;
  std::vector<std::string> labels;  // per row (doc_ids) when labels were read, else empty
  std::vector<MetaColumn> meta;     // per row, the columns of ReaderOptions::meta_columns()
  std::size_t empty_documents = 0;  // rows with no kept term (all zero)
  std::uint64_t bytes_read = 0;
  double seconds_listing = 0;    // walking the folder (0 for documents in memory)
  double seconds_reading = 0;    // reading + tokenizing
  double seconds_weighting = 0;  // merging, pruning, weighting

  // What reports show for each column: display_terms when stemming, else terms.
  const std::vector<std::string>& shown_terms() const {
    return display_terms.empty() ? terms : display_terms;
  }
};

// Where the texts come from: a listed folder, or memory (tests, stdin). `read`
// is called from several threads at once.
struct DocumentSource {
  std::string root;                  // for messages
  std::vector<std::string> ids;      // in row order
  std::vector<SkippedFile> skipped;  // already skipped before reading
  NotRead not_read;
  std::vector<std::string> labels;  // per id when ReaderOptions::labels is set, else empty
  std::vector<MetaColumn> meta;     // per id: ReaderOptions::meta_columns() of a table
  std::function<ReadOutcome(std::size_t)> read;
};
DocumentSource folder_documents(const std::string& root, const ReaderOptions& options);
DocumentSource memory_documents(std::vector<std::pair<std::string, std::string>> id_and_text);

// Learns the vocabulary and idf from the documents. Throws InputError when no
// document could be read, UsageError when pruning leaves no term.
VectorizedCorpus vectorize(const DocumentSource& documents, const VectorizerOptions& options,
                           const Execution& exec = {});
VectorizedCorpus vectorize(const std::string& root, const VectorizerOptions& options,
                           const Execution& exec = {});

// New documents against a fixed vocabulary (sorted bytewise) and idf, e.g. of
// a saved model: terms outside it are ignored; min_df, max_df and max_features
// do not apply. `df` of the result counts the new documents. The stopwords
// must be named (UsageError for "auto"): those the vocabulary was made with.
VectorizedCorpus vectorize_with_vocabulary(const DocumentSource& documents, const VectorizerOptions& options,
                                           const std::vector<std::string>& terms, const Eigen::VectorXd& idf,
                                           const Execution& exec = {});
VectorizedCorpus vectorize_with_vocabulary(const std::string& root, const VectorizerOptions& options,
                                           const std::vector<std::string>& terms, const Eigen::VectorXd& idf,
                                           const Execution& exec = {});

}  // namespace unbake::text

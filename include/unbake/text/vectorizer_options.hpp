#pragma once
// Every setting of the folder -> TF-IDF pipeline, in one struct that the
// vectorize, fit, transform and sweep commands share and models store.
#include <cstddef>
#include <string>

#include <unbake/text/reader.hpp>
#include <unbake/text/tfidf.hpp>
#include <unbake/text/tokenizer.hpp>
#include <unbake/text/vocabulary.hpp>

namespace unbake::text {

struct VectorizerOptions {
  ReaderOptions reader;
  TokenizerOptions tokenizer;
  double min_df = 2;             // a document count when >= 1, a fraction of documents when < 1
  double max_df = 0.95;          // a fraction of documents when <= 1, a count when > 1
  std::size_t max_features = 0;  // 0 = no limit
  // 1 + ln(count): a word said ten times in a document weighs about three
  // times one said once, not ten times (bench/README.md, "Term frequency").
  bool sublinear_tf = true;
  bool use_idf = true;
  Norm norm = Norm::l2;
  void validate() const;  // throws UsageError

  PruneSettings prune() const { return {min_df, max_df, max_features}; }
  Weighting weighting() const { return {sublinear_tf, use_idf, norm}; }
};

// The one JSON form of the settings (as in models, reports and sweeps).
std::string to_json_string(const VectorizerOptions& options);
void from_json_string(const std::string& text, VectorizerOptions& options);  // throws InputError, UsageError

}  // namespace unbake::text

#pragma once
// What a fit run did, as plain numbers: the corpus side, the factorization
// side, and the time of each stage. Both the text report and the JSON report
// are rendered from it.
#include <string>
#include <vector>

#include <unbake/text/reader.hpp>
#include <unbake/text/vectorizer.hpp>

namespace unbake::report {

struct CorpusSummary {
  std::string root;
  long documents = 0;  // rows of V (documents read)
  long empty_documents = 0;
  std::vector<text::SkippedFile> skipped;
  text::NotRead not_read;
  std::vector<text::Duplicate> duplicates;
  bool deduplicated = false;
  std::vector<std::string> stopwords;  // the lists applied ("auto" resolved)
  text::LanguageSummary languages;     // what "auto" found (automatic = false otherwise)
  long vocabulary = 0;
  long nnz = 0;
};

struct StageSeconds {
  double read = 0;       // listing, reading, decoding, tokenizing
  double vectorize = 0;  // vocabulary, pruning, weighting
  double factor = 0;     // NMF
  double total = 0;
};

}  // namespace unbake::report

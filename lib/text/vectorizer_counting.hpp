#pragma once
// The parallel half of the vectorizer: read and tokenize every document,
// keeping per document only its (term id, count) pairs. Ids are local to the
// worker that read the document (or ids of a fixed dictionary), so the result
// still depends on scheduling until the vectorizer maps ids to columns.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <unbake/core/execution.hpp>
#include <unbake/text/tokenizer.hpp>
#include <unbake/text/vectorizer.hpp>
#include <unbake/text/vocabulary.hpp>

namespace unbake::text {

struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class V>
using StringMap = std::unordered_map<std::string, V, TransparentHash, std::equal_to<>>;
// stem -> the folded words it was stemmed from, with their counts.
using SurfaceCounts = StringMap<StringMap<std::uint64_t>>;

struct WorkerCounts {
  TermDictionary dictionary;  // stays empty when counting against a fixed dictionary
  std::vector<std::uint32_t> ids;
  std::vector<std::uint32_t> counts;
  SurfaceCounts surfaces;  // filled only when stemming and learning the vocabulary
};

struct DocumentCounts {
  struct Row {
    std::uint32_t worker = 0;
    std::uint64_t begin = 0;  // into the worker's ids and counts
    std::uint32_t length = 0;
    // Of the decoded text: equal texts have equal ones (duplicates are found
    // by these, then confirmed on the counts).
    std::uint64_t text_hash = 0;
    std::uint64_t text_bytes = 0;
  };
  std::vector<WorkerCounts> workers;
  std::vector<Row> rows;                  // one per source document
  std::vector<std::string> skip_reasons;  // per source document; empty = read
  std::uint64_t bytes = 0;
};

// `fixed`: count only the terms of this dictionary, by its ids; nullptr: each
// worker collects every term into its own dictionary. Exceptions from any
// worker are rethrown (the one of the earliest document).
// Reports the task "Reading" and checks exec.cancel before each document.
DocumentCounts count_terms(const DocumentSource& documents, const TokenizerOptions& options,
                           const Execution& exec, const TermDictionary* fixed);

}  // namespace unbake::text

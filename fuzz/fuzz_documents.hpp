#pragma once
// Shared by the fuzz targets of document sources: every listed document must
// read, or be skipped with a reason, without throwing.
#include <unbake/text/vectorizer.hpp>
#include "fuzz_input.hpp"

namespace unbake::fuzz {

inline void read_every_document(const text::DocumentSource& source) {
  for (std::size_t i = 0; i < source.ids.size(); ++i) {
    const auto outcome = source.read(i);
    if (!outcome.text && outcome.skip_reason.empty()) broken("a document skipped without a reason");
  }
}

}  // namespace unbake::fuzz

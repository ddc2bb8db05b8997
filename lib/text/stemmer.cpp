#include "text/stemmer.hpp"

#include <libstemmer.h>

#include <algorithm>
#include <cctype>
#include <new>

#include <unbake/core/errors.hpp>

namespace unbake::text {

namespace {

sb_stemmer* open_stemmer(const std::string& language) {
  std::string name = language;
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  sb_stemmer* stemmer = sb_stemmer_new(name.c_str(), "UTF_8");
  if (stemmer) return stemmer;
  std::string known;
  for (const char** algorithm = sb_stemmer_list(); *algorithm; ++algorithm) {
    if (!known.empty()) known += ", ";
    known += *algorithm;
  }
  throw UsageError("stem", "'" + language + "' is not a stemming language (available: " + known +
                               ", or their ISO 639 codes)");
}

}  // namespace

void check_stemmer_language(const std::string& language) { sb_stemmer_delete(open_stemmer(language)); }

Stemmer::Stemmer(const std::string& language) : stemmer_(open_stemmer(language)) {}

Stemmer::~Stemmer() { sb_stemmer_delete(stemmer_); }

std::string_view Stemmer::stem(std::string_view word) {
  const sb_symbol* out = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
                                         static_cast<int>(word.size()));
  // libstemmer returns null only when it cannot allocate.
  if (!out) throw std::bad_alloc();
  return {reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(stemmer_))};
}

}  // namespace unbake::text

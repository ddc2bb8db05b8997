#pragma once
// Normalises one token: NFKC with full Unicode case folding (ICU's "nfkc_cf"),
// and optionally accent stripping (decompose, drop nonspacing marks,
// recompose). Tokens and stopwords go through the same folding so that they
// compare equal. Not thread-safe (reuses its buffers).
#include <cstddef>
#include <string>
#include <string_view>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace unbake::text {

class TokenFolder {
 public:
  explicit TokenFolder(bool strip_accents);

  // The folded UTF-8 text; valid until the next call.
  std::string_view fold(std::string_view utf8);

 private:
  bool strip_accents_;
  const icu::Normalizer2* nfkc_cf_;
  const icu::Normalizer2* nfd_;
  const icu::Normalizer2* nfc_;
  icu::UnicodeString in_, out_;
  std::string utf8_;
};

// Code points in valid UTF-8 (bytes that do not start a sequence are not counted).
std::size_t count_code_points(std::string_view utf8);

// The length min_token_length is compared with: code points, except that a
// Han character counts as two. One Han character is often a whole word (库,
// 汤, 球) where one letter of an alphabet is not, so the default limit of two
// keeps them while it still drops stray letters.
std::size_t token_length(std::string_view utf8);

}  // namespace unbake::text

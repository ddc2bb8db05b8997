#pragma once
// Snowball stemming through libstemmer. One stemmer per Tokenizer: libstemmer
// objects are not thread-safe.
#include <string>
#include <string_view>

struct sb_stemmer;

namespace unbake::text {

// Throws UsageError listing the available algorithms when libstemmer knows no
// algorithm by that name (it accepts "english" as well as "en" and "eng").
void check_stemmer_language(const std::string& language);

class Stemmer {
 public:
  explicit Stemmer(const std::string& language);
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // The stem of a folded UTF-8 word; valid until the next call.
  std::string_view stem(std::string_view word);

 private:
  sb_stemmer* stemmer_;
};

}  // namespace unbake::text

#pragma once
// Text to terms. Word segments come from ICU's word BreakIterator (dictionary
// based for Chinese, Japanese, Thai, ...); a segment is kept when it contains a
// letter (or is a number and numbers are kept). Tokens are NFKC-normalised and
// fully case-folded; apostrophes split a segment (possessives, elisions:
// "company's" -> "company" + "s", "l'homme" -> "l" + "homme"; one-letter parts
// then fall to min_token_length), as scikit-learn's default
// token pattern does; so do '@' and, in segments with a letter, '.' (e-mail
// addresses and host names become their parts; 3.14 stays whole). Pure-ASCII runs take a fast path that
// yields exactly the tokens ICU would (tests/text/test_tokenizer_fast_path.cpp proves it on whole corpora).
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace unbake::text {

struct TokenizerOptions {
  bool strip_accents = false;
  int min_token_length = 2;  // in code points, after folding
  bool keep_numbers = false;
  // Each entry: a language code with a list in stopwords/ ("en"), a file path,
  // "none", or "auto": the lists of the languages the documents are written
  // in, found by vectorize() before it tokenizes (text/language.hpp). Lists
  // add up. A Tokenizer itself has no documents: given "auto" it throws.
  std::vector<std::string> stopwords{"auto"};
  // Literal stopwords added to the lists. A saved model stores its whole
  // effective list here (with stopwords = {"none"}), so it maps new documents
  // the same way even if the lists shipped with unbake change.
  std::vector<std::string> stopword_words;
  std::string stem;       // "" = no stemming, else a Snowball language ("english", "en", ...)
  int ngram = 1;          // 1 = words, 2 = words plus bigrams of adjacent kept words
  void validate() const;  // throws UsageError
};

class Tokenizer;
namespace detail {
// Test hook (tests/text/test_tokenizer_fast_path.cpp): segment and fold everything
// with ICU, bypassing the ASCII fast path, to prove both give the same terms.
void set_icu_only(Tokenizer& tokenizer, bool icu_only);
}  // namespace detail

// Not thread-safe: each worker owns one Tokenizer (each builds its own small
// stopword table and stemmer).
class Tokenizer {
 public:
  explicit Tokenizer(const TokenizerOptions& options);
  ~Tokenizer();
  Tokenizer(Tokenizer&&) noexcept;
  Tokenizer& operator=(Tokenizer&&) noexcept;

  // Calls `emit` once per term, in document order. The view is valid only
  // during the call. Input must be valid UTF-8 (the reader guarantees it).
  void tokenize(std::string_view utf8, const std::function<void(std::string_view term)>& emit);

  // Convenience for tests and small inputs.
  std::vector<std::string> terms(std::string_view utf8);

  // With stemming, called for each single-word term with the folded word it
  // was stemmed from (views valid during the call), so that reports can show
  // "company" where the model keeps "compani". Never called without stemming.
  void set_surface_listener(std::function<void(std::string_view term, std::string_view word)> listener);

  // The stopword set in use (folded the same way tokens are), for the model file.
  const std::vector<std::string>& stopwords() const;

 private:
  friend void detail::set_icu_only(Tokenizer& tokenizer, bool icu_only);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace unbake::text

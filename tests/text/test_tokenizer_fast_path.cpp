// The ASCII fast path must give exactly the terms that ICU segmentation and
// ICU folding give. Both paths run over whole corpora and over random strings
// built from the characters the UAX #29 word rules treat specially.
#include <doctest/doctest.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <unbake/text/tokenizer.hpp>

namespace {

using unbake::text::Tokenizer;
using unbake::text::TokenizerOptions;

// Every segment that holds a letter or a digit becomes a term, so any
// segmentation difference shows.
TokenizerOptions everything() {
  TokenizerOptions o;
  o.min_token_length = 1;
  o.keep_numbers = true;
  o.stopwords = {"none"};
  return o;
}

bool valid_utf8(const std::string& s) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

// Every other option at its non-default value: stopwords, stemming and
// bigrams run after segmentation and must see the same tokens too.
TokenizerOptions everything_else() {
  TokenizerOptions o;
  o.strip_accents = true;
  o.stopwords = {"en", "fr"};
  o.stem = "english";
  o.ngram = 2;
  return o;
}

struct Comparison {
  Tokenizer fast;
  Tokenizer icu;
  int mismatches = 0;

  explicit Comparison(const TokenizerOptions& options = everything()) : fast(options), icu(options) {
    unbake::text::detail::set_icu_only(icu, true);
  }

  void check(const std::string& text, const std::string& name) {
    const auto expected = icu.terms(text);
    const auto got = fast.terms(text);
    if (got == expected) return;
    ++mismatches;
    if (mismatches > 5) return;  // enough to diagnose
    const auto diff = std::mismatch(got.begin(), got.end(), expected.begin(), expected.end());
    const auto at = static_cast<std::size_t>(diff.first - got.begin());
    INFO("document: " << name);
    INFO("first difference at term " << at << ": fast path '"
                                     << (diff.first != got.end() ? *diff.first : "<end>") << "', ICU '"
                                     << (diff.second != expected.end() ? *diff.second : "<end>") << "'");
    CHECK(got == expected);
  }
};

void compare_corpus(const std::filesystem::path& root) {
  if (!std::filesystem::is_directory(root)) {
    MESSAGE("skipped: no corpus at " << root.string());
    return;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  Comparison comparison;
  std::size_t compared = 0;
  std::size_t skipped = 0;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    if (!valid_utf8(s)) {
      ++skipped;
      continue;
    }
    comparison.check(s, file.string());
    ++compared;
  }
  MESSAGE(root.string() << ": " << compared << " documents compared, " << skipped
                        << " not valid UTF-8 skipped");
  CHECK(comparison.mismatches == 0);
}

}  // namespace

TEST_CASE("Tokenizer fast path equals ICU on random tricky strings") {
  // ASCII characters with their own word-break roles, plus a few non-ASCII ones
  // (accented letter, right quote, CJK, combining mark, no-break space, a
  // halfwidth sound mark that is a letter, fullwidth digit) to exercise the
  // hand-over between the paths.
  // clang-format off
  const std::vector<std::string> alphabet = {
      "a", "B", "z", "0", "7", ".", ",", ";", ":", "'", "_", "-", "/", "@", "$", "\"", "!", "?", "(",
      "#", "&", "+", " ", "\t", "\n", "\r\n", "\v", "\f", "\x7F",
      "é", "’", "中", "文", "ß", "ﬁ",
      "\xCC\x81",      // combining acute accent
      "\xC2\xA0",      // no-break space
      "\xEF\xBE\x9E",  // halfwidth voiced sound mark: Word_Break Extend, yet a letter (Lm)
      "\xEF\xBC\x91",  // fullwidth digit one
      "ア", "プ", "ー", "・",  // katakana, which adjacent segments join
      "\xE3\x82\x99",      // combining voiced sound mark
  };
  // clang-format on
  std::mt19937 random(12345);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<int> length(0, 40);
  std::uniform_int_distribution<int> ascii_only(0, 1);
  Comparison comparison;
  Comparison other_options(everything_else());
  for (int n = 0; n < 4000; ++n) {
    std::string s;
    const bool ascii = ascii_only(random) == 0;
    for (int k = length(random); k > 0; --k) {
      std::size_t c = pick(random);
      while (ascii && static_cast<unsigned char>(alphabet[c][0]) >= 0x80) c = pick(random);
      s += alphabet[c];
    }
    comparison.check(s, "random string '" + s + "'");
    other_options.check(s, "random string '" + s + "' (stopwords, stemming, bigrams)");
  }
  CHECK(comparison.mismatches == 0);
  CHECK(other_options.mismatches == 0);
}

TEST_CASE("Tokenizer fast path equals ICU on corpora/default") {
  compare_corpus(std::filesystem::path(UNBAKE_SOURCE_DIR) / "corpora" / "default");
}

TEST_CASE("Tokenizer fast path equals ICU on BBC") {
  compare_corpus(std::filesystem::path(UNBAKE_SOURCE_DIR "/../shared/corpora/bbc"));
}

TEST_CASE("Tokenizer fast path equals ICU on 20 Newsgroups train") {
  compare_corpus(std::filesystem::path(UNBAKE_SOURCE_DIR "/../shared/corpora/20news/train"));
}

TEST_CASE("Tokenizer fast path equals ICU on hand-picked cases") {
  Comparison comparison;
  for (const std::string s :
       {"mathew@mantis.co.uk wrote:", "U.S.A. e.g. 3.14 1,000,000 a.b.c a:b 12:30 x_1 _y 90's rock’n’roll",
        "a \xCC\x81"
        "b",
        "x \xEF\xBE\x9E"
        "y \t\xEF\xBE\x9E",
        "caf\xC3\xA9 cafe\xCC\x81 na\xC3\xAFve's", "ok\xC2\xA0ok"}) {
    comparison.check(s, s);
  }
  CHECK(comparison.mismatches == 0);
}

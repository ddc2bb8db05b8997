#include <unbake/text/tokenizer.hpp>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <optional>

#include <nlohmann/json.hpp>

#include "text/json.hpp"

#include <unbake/core/errors.hpp>
#include <unbake/text/stopwords.hpp>
#include "core/json_number.hpp"
#include "text/ascii_words.hpp"
#include "text/icu_words.hpp"
#include "text/stemmer.hpp"
#include "text/token_folder.hpp"

namespace unbake::text {

void TokenizerOptions::validate() const {
  if (min_token_length < 1)
    throw UsageError("min_token_length", "must be at least 1, got " + std::to_string(min_token_length));
  if (ngram != 1 && ngram != 2) throw UsageError("ngram", "must be 1 or 2, got " + std::to_string(ngram));
  for (const auto& entry : stopwords) check_stopword_entry(entry);
  if (!stem.empty()) check_stemmer_language(stem);
}

void to_json(nlohmann::json& j, const TokenizerOptions& o) {
  j = nlohmann::json{{"strip_accents", o.strip_accents},
                     {"min_token_length", o.min_token_length},
                     {"keep_numbers", o.keep_numbers},
                     {"stopwords", o.stopwords},
                     {"stopword_words", o.stopword_words},
                     {"stem", o.stem},
                     {"ngram", o.ngram}};
}

void from_json(const nlohmann::json& j, TokenizerOptions& o) {
  j.at("strip_accents").get_to(o.strip_accents);
  read_whole_number(j, "min_token_length", o.min_token_length);
  j.at("keep_numbers").get_to(o.keep_numbers);
  j.at("stopwords").get_to(o.stopwords);
  j.at("stopword_words").get_to(o.stopword_words);
  j.at("stem").get_to(o.stem);
  read_whole_number(j, "ngram", o.ngram);
}

namespace {

constexpr std::string_view kRightQuote = "\xE2\x80\x99";  // U+2019, used as an apostrophe

// Offset of the first byte >= 0x80 at or after `from`, or s.size().
std::size_t find_non_ascii(std::string_view s, std::size_t from) {
  std::size_t i = from;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    if (word & 0x8080808080808080ull) break;
  }
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

constexpr unsigned kLetterFlag = 1;  // A-Z a-z only: '@' may be word-like for ICU, but it is no letter
constexpr unsigned kDigitFlag = 2;
constexpr unsigned kSplitFlag = 4;  // a character that may split a word: ' @ . (see splits_word)

constexpr std::array<std::uint8_t, 256> make_ascii_flags() {
  std::array<std::uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLetterFlag;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kLetterFlag;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigitFlag;
  for (const char c : {'\'', '@', '.'}) t[static_cast<unsigned char>(c)] = kSplitFlag;
  return t;
}
constexpr std::array<std::uint8_t, 256> kAsciiFlags = make_ascii_flags();

constexpr std::array<char, 256> make_ascii_lower() {
  std::array<char, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  return t;
}
constexpr std::array<char, 256> kAsciiLower = make_ascii_lower();

// Word segments are cut at apostrophes (possessives, elisions: "company's",
// "l'homme"), at '@', and — when the segment has a letter — at '.', so that
// e-mail addresses and host names ("mathew@mantis.co.uk") become their parts,
// as scikit-learn's token pattern has them, instead of one-off terms that
// crowd topics; numbers such as 3.14 stay whole. U+2019 is handled by the
// caller (it is three bytes).
bool splits_word(char c, bool segment_has_letter) {
  return c == '\'' || c == '@' || (c == '.' && segment_has_letter);
}

bool contains_letter(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if ((U_GET_GC_MASK(c) & U_GC_L_MASK) != 0) return true;
  }
  return false;
}

// Katakana letters, the prolonged sound mark and the voicing marks, combining
// or not (decomposed text spells ガ as カ + U+3099), but not the middle dot ・,
// which separates words: full width, its phonetic extensions, half width.
bool is_katakana_word(std::string_view segment) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(segment.data());
  const auto length = static_cast<int32_t>(segment.size());
  if (length == 0) return false;
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    const bool katakana = (c >= 0x30A1 && c <= 0x30FA) || (c >= 0x30FC && c <= 0x30FF) ||
                          (c >= 0x3099 && c <= 0x309C) || (c >= 0x31F0 && c <= 0x31FF) ||
                          (c >= 0xFF66 && c <= 0xFF9F);
    if (!katakana) return false;
  }
  return true;
}

}  // namespace

struct Tokenizer::Impl {
  explicit Impl(const TokenizerOptions& o)
      : options(o), min_length(static_cast<std::size_t>(o.min_token_length)), folder(o.strip_accents) {
    options.validate();
    stopwords = StopwordSet(options.stopwords, options.stopword_words, folder);
    if (!options.stem.empty()) stemmer.emplace(options.stem);
  }

  TokenizerOptions options;
  const ascii::WordRules& rules = ascii::WordRules::icu();
  std::size_t min_length;
  TokenFolder folder;
  StopwordSet stopwords;
  std::optional<Stemmer> stemmer;
  IcuWordSegmenter icu;
  bool icu_only = false;

  const std::function<void(std::string_view)>* emit = nullptr;
  std::function<void(std::string_view, std::string_view)> surface;
  std::string lowered;   // fast-path token buffer, reused
  std::string previous;  // last kept term, for bigrams
  bool has_previous = false;
  std::string bigram;

  void run(std::string_view text);
  void run_icu(std::string_view text);
  void icu_segment(std::string_view segment);
  void icu_part(std::string_view part);
  void ascii_word(std::string_view word);
  void accept(std::string_view folded);
};

void Tokenizer::Impl::run(std::string_view text) {
  has_previous = false;
  if (icu_only) {
    run_icu(text);
    return;
  }
  // ICU never joins a word across ASCII whitespace (only spaces to spaces, and
  // marks to the space before them), so chunks between whitespace can be
  // segmented independently: ASCII stretches by the fast path, each run of
  // adjacent chunks holding non-ASCII bytes by ICU in one call.
  const char* s = text.data();
  const std::size_t n = text.size();
  const auto segment_ascii = [this](std::string_view ascii) {
    rules.for_each_word(ascii, [this](std::string_view word) { ascii_word(word); });
  };
  const auto is_space = [&](std::size_t i) { return rules.class_of(s[i]) == ascii::kSpace; };
  std::size_t pos = 0;
  while (pos < n) {
    const std::size_t high = find_non_ascii(text, pos);
    if (high == n) {
      segment_ascii(text.substr(pos));
      break;
    }
    std::size_t start = high;
    while (start > pos && !is_space(start - 1)) --start;
    if (start > pos) {
      segment_ascii(text.substr(pos, start - pos));
    }
    std::size_t end = high;
    while (end < n && !is_space(end)) ++end;
    for (std::size_t next = end; next < n;) {
      while (next < n && is_space(next)) ++next;
      const std::size_t next_start = next;
      while (next < n && !is_space(next)) ++next;
      if (find_non_ascii(text.substr(0, next), next_start) == next) break;
      end = next;
    }
    run_icu(text.substr(start, end - start));
    pos = end;
  }
}

void Tokenizer::Impl::run_icu(std::string_view text) {
  icu.reset(text);
  // ICU's dictionary cuts katakana loanwords at the words it knows
  // (プラグイン -> プラグ + イン, デスクトップ -> デスク + トップ); written
  // together they are one word, so adjacent katakana segments are joined.
  // Segments are consecutive slices of `text`, so joining widens the view.
  // A segment that starts with white space (ICU attaches a space to a mark
  // after it) starts a new word, as the fast path, which hands ICU only the
  // text after the space, sees it too.
  std::string_view segment;
  std::string_view katakana;
  while (icu.next(segment)) {
    const std::size_t first = segment.find_first_not_of(" \t\n\v\f\r");
    const std::string_view word = first == std::string_view::npos ? segment : segment.substr(first);
    if (first != std::string_view::npos && is_katakana_word(word)) {
      if (first > 0 && !katakana.empty()) {
        icu_segment(katakana);
        katakana = {};
      }
      katakana = katakana.empty() ? word : std::string_view(katakana.data(), katakana.size() + word.size());
      continue;
    }
    if (!katakana.empty()) icu_segment(katakana);
    katakana = {};
    icu_segment(segment);
  }
  if (!katakana.empty()) icu_segment(katakana);
}

void Tokenizer::Impl::icu_segment(std::string_view segment) {
  // A mark after ASCII whitespace makes ICU attach the whitespace to it (WB4);
  // whitespace never belongs to a token.
  const std::size_t first = segment.find_first_not_of(" \t\n\v\f\r");
  if (first == std::string_view::npos) return;
  segment = segment.substr(first, segment.find_last_not_of(" \t\n\v\f\r") - first + 1);
  if (segment.size() == 1 && !ascii::is_word_class(rules.class_of(segment[0]))) return;
  const bool letters = contains_letter(segment);
  std::size_t start = 0;
  for (std::size_t i = 0; i < segment.size();) {
    const bool quote = segment.compare(i, kRightQuote.size(), kRightQuote) == 0;
    if (quote || splits_word(segment[i], letters)) {
      icu_part(segment.substr(start, i - start));
      i += quote ? kRightQuote.size() : 1;
      start = i;
    } else {
      ++i;
    }
  }
  icu_part(segment.substr(start));
}

void Tokenizer::Impl::icu_part(std::string_view part) {
  if (part.empty()) return;
  if (!icu_only && find_non_ascii(part, 0) == part.size()) {
    ascii_word(part);
    return;
  }
  bool letter = false;
  bool digit = false;
  const auto* bytes = reinterpret_cast<const uint8_t*>(part.data());
  const auto length = static_cast<int32_t>(part.size());
  for (int32_t i = 0; i < length && !letter;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    const uint32_t mask = U_GET_GC_MASK(c);
    letter = (mask & U_GC_L_MASK) != 0;
    digit |= (mask & U_GC_ND_MASK) != 0;
  }
  if (!letter && !(digit && options.keep_numbers)) return;
  const std::string_view folded = folder.fold(part);
  if (token_length(folded) < min_length) return;
  accept(folded);
}

void Tokenizer::Impl::ascii_word(std::string_view word) {
  // NFKC and case folding of ASCII are plain lowercasing, and keep the length.
  // Apostrophes, '@' and (in words with letters) '.' split the word into parts.
  if (lowered.size() < word.size()) lowered.resize(2 * word.size());
  char* const buffer = lowered.data();
  // One pass lowercases the whole word and gathers its flags: almost every
  // word has no splitting character and is done right here.
  unsigned all = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    all |= kAsciiFlags[c];
    buffer[i] = kAsciiLower[c];
  }
  if (!(all & kSplitFlag)) {
    const bool keep = (all & kLetterFlag) || ((all & kDigitFlag) && options.keep_numbers);
    if (keep && word.size() >= min_length) accept(std::string_view(buffer, word.size()));
    return;
  }
  const bool letters = (all & kLetterFlag) != 0;
  const char* p = word.data();
  const char* const end = p + word.size();
  while (true) {
    char* out = buffer;
    unsigned flags = 0;
    for (; p != end && !splits_word(*p, letters); ++p) {
      const auto c = static_cast<unsigned char>(*p);
      flags |= kAsciiFlags[c];
      *out++ = kAsciiLower[c];
    }
    const auto length = static_cast<std::size_t>(out - buffer);
    const bool keep = (flags & kLetterFlag) || ((flags & kDigitFlag) && options.keep_numbers);
    if (keep && length >= min_length) accept(std::string_view(buffer, length));
    if (p == end) return;
    ++p;
  }
}

void Tokenizer::Impl::accept(std::string_view folded) {
  if (stopwords.contains(folded)) return;
  const std::string_view term = stemmer ? stemmer->stem(folded) : folded;
  (*emit)(term);
  if (stemmer && surface) surface(term, folded);
  if (options.ngram == 2) {
    if (has_previous) {
      bigram.assign(previous);
      bigram += ' ';
      bigram += term;
      (*emit)(bigram);
    }
    previous.assign(term);
    has_previous = true;
  }
}

Tokenizer::Tokenizer(const TokenizerOptions& options) : impl_(std::make_unique<Impl>(options)) {}
Tokenizer::~Tokenizer() = default;
Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;

void Tokenizer::tokenize(std::string_view utf8, const std::function<void(std::string_view term)>& emit) {
  impl_->emit = &emit;
  impl_->run(utf8);
  impl_->emit = nullptr;
}

std::vector<std::string> Tokenizer::terms(std::string_view utf8) {
  std::vector<std::string> out;
  tokenize(utf8, [&out](std::string_view term) { out.emplace_back(term); });
  return out;
}

const std::vector<std::string>& Tokenizer::stopwords() const { return impl_->stopwords.words(); }

void Tokenizer::set_surface_listener(std::function<void(std::string_view, std::string_view)> listener) {
  impl_->surface = std::move(listener);
}

namespace detail {
void set_icu_only(Tokenizer& tokenizer, bool icu_only) { tokenizer.impl_->icu_only = icu_only; }
}  // namespace detail

}  // namespace unbake::text

#pragma once
// Word segmentation of pure-ASCII text, identical to what ICU's root word
// BreakIterator returns for the same bytes (tests/text/test_tokenizer_fast_path.cpp
// checks this on whole corpora). Between ASCII characters only the UAX #29
// rules WB5-WB13b can fire, so each ASCII character needs just its word-break
// class. Letters and digits are fixed; punctuation is classified once by
// asking ICU itself, because ICU tailors it between versions (ICU drops ':'
// from MidLetter; ICU 72 made '@' an ALetter to keep e-mail addresses whole).
// Callers hand over text without ASCII whitespace; only word segments (those
// starting with a letter, digit or connector) are reported, since the other
// segments are single punctuation characters no caller needs.
#include <array>
#include <cstdint>
#include <string_view>

namespace unbake::text::ascii {

enum Class : std::uint8_t {
  kOther = 0,
  kLetter = 1,     // A-Z a-z
  kAlphaSign = 2,  // punctuation ICU treats as ALetter (e.g. '@' in ICU 72), but not a \p{L} letter
  kDigit = 3,
  kConnector = 4,  // ExtendNumLet ('_'): joins anything word-like on either side (WB13a, WB13b)
  kMidLetter = 5,  // joins two letters (WB6, WB7)
  kMidNumLet = 6,  // joins two letters or two digits ('.', '\'')
  kMidNum = 7,     // joins two digits (WB11, WB12)
  kSpace = 8,      // ASCII whitespace: the caller's chunk separator
  kHigh = 9,       // byte >= 0x80: not ASCII
};

inline bool is_word_class(Class c) { return c >= kLetter && c <= kConnector; }
inline bool is_alphabetic(Class c) { return c == kLetter || c == kAlphaSign; }

class WordRules {
 public:
  // The classes ICU's root word rules give to ASCII characters (computed once).
  static const WordRules& icu();

  Class class_of(char c) const { return static_cast<Class>(classes_[static_cast<unsigned char>(c)]); }

  // Calls on_word(std::string_view) for each word segment of `chunk` (pure
  // ASCII, no whitespace), in order.
  template <class OnWord>
  void for_each_word(std::string_view chunk, OnWord&& on_word) const {
    const char* s = chunk.data();
    const std::size_t n = chunk.size();
    std::size_t i = 0;
    while (true) {
      while (i < n && !is_word_class(class_of(s[i]))) ++i;
      if (i == n) return;
      const std::size_t start = i;
      while (true) {
        ++i;
        while (i < n && is_word_class(class_of(s[i]))) ++i;
        if (i + 1 >= n) break;
        // A middle character joins only two letters (WB6, WB7) or two digits (WB11, WB12).
        const Class c = class_of(s[i]);
        if (c < kMidLetter || c > kMidNum) break;
        const Class last = class_of(s[i - 1]);
        const Class next = class_of(s[i + 1]);
        const bool letters = is_alphabetic(last) && is_alphabetic(next) && c != kMidNum;
        const bool digits = last == kDigit && next == kDigit && c != kMidLetter;
        if (!letters && !digits) break;
        ++i;  // onto `next`, a word character
      }
      on_word(std::string_view(s + start, i - start));
    }
  }

 private:
  WordRules();
  std::array<std::uint8_t, 256> classes_{};
};

}  // namespace unbake::text::ascii

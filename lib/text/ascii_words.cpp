#include "text/ascii_words.hpp"

#include <string>

#include "text/icu_words.hpp"

namespace unbake::text::ascii {

namespace {

// True when ICU returns `text` as a single segment.
bool one_segment(IcuWordSegmenter& icu, const std::string& text) {
  icu.reset(text);
  std::string_view segment;
  return icu.next(segment) && segment.size() == text.size();
}

// Which UAX #29 class ICU gives punctuation character p, from how it joins.
Class probe(IcuWordSegmenter& icu, char p) {
  const std::string one(1, p);
  const bool between_letters = one_segment(icu, "a" + one + "a");
  const bool between_digits = one_segment(icu, "1" + one + "1");
  const bool after_letter = one_segment(icu, "a" + one);
  if (after_letter) {
    // ALetter joins across a middle character ("@.@"); ExtendNumLet does not ("_._").
    return one_segment(icu, one + "." + one) ? kAlphaSign : kConnector;
  }
  if (between_letters && between_digits) return kMidNumLet;
  if (between_letters) return kMidLetter;
  if (between_digits) return kMidNum;
  return kOther;
}

}  // namespace

WordRules::WordRules() {
  IcuWordSegmenter icu;
  for (int c = 0; c < 0x80; ++c) classes_[c] = probe(icu, static_cast<char>(c));
  for (int c = 'a'; c <= 'z'; ++c) classes_[c] = kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) classes_[c] = kLetter;
  for (int c = '0'; c <= '9'; ++c) classes_[c] = kDigit;
  for (const char c : {' ', '\t', '\n', '\v', '\f', '\r'}) classes_[static_cast<unsigned char>(c)] = kSpace;
  for (int c = 0x80; c < 256; ++c) classes_[c] = kHigh;
}

const WordRules& WordRules::icu() {
  static const WordRules rules;
  return rules;
}

}  // namespace unbake::text::ascii

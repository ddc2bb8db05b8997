// word_key must determine a word of up to 8 bytes (with its length): the
// stopword table and the term dictionary skip comparing bytes on that promise.
#include <doctest/doctest.h>

#include <map>
#include <random>
#include <string>
#include <utility>

#include <unbake/text/stopwords.hpp>
#include "text/token_folder.hpp"
#include "text/word_key.hpp"

using unbake::text::word_key;

TEST_CASE("word_key is injective on words of up to 8 bytes, given the length") {
  std::mt19937 rng(7);
  // A small alphabet makes near-misses (one byte apart) common.
  const std::string alphabet = "abe\x01\xff";
  std::map<std::pair<std::uint64_t, std::size_t>, std::string> seen;
  for (int i = 0; i < 200000; ++i) {
    std::string w(rng() % 9, ' ');
    for (char& c : w) c = alphabet[rng() % alphabet.size()];
    const auto [it, fresh] = seen.emplace(std::make_pair(word_key(w), w.size()), w);
    if (!fresh) REQUIRE(it->second == w);
  }
  CHECK(seen.size() > 50000);
}

TEST_CASE("stopword lookups tell apart words that differ in one inner byte") {
  unbake::text::TokenFolder folder(false);
  const unbake::text::StopwordSet set({"none"}, {"abcde", "wxyz", "ab", "abcdefghij"}, folder);
  CHECK(set.contains("abcde"));
  CHECK_FALSE(set.contains("abxde"));
  CHECK_FALSE(set.contains("abcdf"));
  CHECK(set.contains("wxyz"));
  CHECK_FALSE(set.contains("wxxz"));
  CHECK(set.contains("ab"));
  CHECK_FALSE(set.contains("ac"));
  CHECK(set.contains("abcdefghij"));
  CHECK_FALSE(set.contains("abcdefghix"));
  CHECK_FALSE(set.contains("abcdxfghij"));
}

#include <unbake/text/tokenizer.hpp>

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "text/json.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <unbake/core/errors.hpp>

namespace {

using unbake::text::Tokenizer;
using unbake::text::TokenizerOptions;
using Terms = std::vector<std::string>;

TokenizerOptions no_stopwords() {
  TokenizerOptions o;
  o.stopwords = {"none"};
  return o;
}

Terms terms(const std::string& text, const TokenizerOptions& o = no_stopwords()) {
  Tokenizer t(o);
  return t.terms(text);
}

std::size_t code_points(const std::string& utf8) {
  std::size_t n = 0;
  for (const char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool contains(const Terms& terms, const std::string& term) {
  for (const auto& t : terms) {
    if (t == term) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("Tokenizer splits words and lowercases ASCII") {
  CHECK(terms("Hello, World! The quick-brown fox.") ==
        Terms{"hello", "world", "the", "quick", "brown", "fox"});
  CHECK(terms("") == Terms{});
  CHECK(terms("  \n\t ") == Terms{});
}

TEST_CASE("Tokenizer folds case fully (German sharp s, Greek final sigma)") {
  CHECK(terms("STRASSE Straße") == Terms{"strasse", "strasse"});
  // Full case folding maps final sigma to the ordinary sigma, so both spellings meet.
  CHECK(terms("ΟΔΟΣ οδος οδοσ") == Terms{"οδοσ", "οδοσ", "οδοσ"});
  CHECK(terms("ÉCOLE école") == Terms{"école", "école"});
}

TEST_CASE("Tokenizer applies NFKC (ligatures, fullwidth letters)") {
  CHECK(terms("\uFB01nance") == Terms{"finance"});  // "ﬁ" ligature
  CHECK(terms("ＡＢＣ ｄｅｆ") == Terms{"abc", "def"});
}

TEST_CASE("Tokenizer keeps or strips accents") {
  CHECK(terms("café naïve") == Terms{"café", "naïve"});
  TokenizerOptions strip = no_stopwords();
  strip.strip_accents = true;
  CHECK(terms("café naïve Ærø", strip) == Terms{"cafe", "naive", "ærø"});
  // Decomposed input folds to the same term as precomposed input.
  CHECK(terms("cafe\u0301") == terms("café"));
}

TEST_CASE("Tokenizer splits at apostrophes (ASCII and U+2019)") {
  CHECK(terms("company's") == Terms{"company"});
  CHECK(terms("company’s") == Terms{"company"});
  CHECK(terms("l'homme l’homme") == Terms{"homme", "homme"});
  TokenizerOptions one = no_stopwords();
  one.min_token_length = 1;
  CHECK(terms("company's l’homme", one) == Terms{"company", "s", "l", "homme"});
  CHECK(terms("don't", one) == Terms{"don", "t"});
}

TEST_CASE("Tokenizer drops or keeps numbers") {
  CHECK(terms("in 1999 we paid 3.50 for 1,000 mp3 files") ==
        Terms{"in", "we", "paid", "for", "mp3", "files"});
  TokenizerOptions numbers = no_stopwords();
  numbers.keep_numbers = true;
  CHECK(terms("in 1999 we paid 3.50 for 1,000 mp3 files", numbers) ==
        Terms{"in", "1999", "we", "paid", "3.50", "for", "1,000", "mp3", "files"});
  CHECK(terms("ＭＰ３ 4x4") == Terms{"mp3", "4x4"});
}

TEST_CASE("Tokenizer applies the minimum length in code points") {
  CHECK(terms("a an ant é éé") == Terms{"an", "ant", "éé"});
  TokenizerOptions three = no_stopwords();
  three.min_token_length = 3;
  CHECK(terms("a an ant ééé", three) == Terms{"ant", "ééé"});
}

TEST_CASE("Tokenizer segments Chinese and Japanese into dictionary words") {
  for (const std::string text : {"我们在北京大学学习", "私は東京に住んでいます"}) {
    TokenizerOptions one = no_stopwords();
    one.min_token_length = 1;
    const Terms words = terms(text, one);
    INFO(text);
    CHECK(words.size() >= 3);
    std::size_t multi = 0;
    std::size_t chars = 0;
    for (const auto& w : words) {
      const std::size_t n = code_points(w);
      chars += n;
      multi += n >= 2;
    }
    CHECK(multi >= 2);                  // not one term per character
    CHECK(words.size() < chars);        // ... and some words span characters
    CHECK(chars == code_points(text));  // nothing lost: every character is a letter
  }
  const Terms chinese = terms("我们在北京大学学习");
  CHECK(contains(chinese, "北京"));
  CHECK(contains(terms("私は東京に住んでいます"), "東京"));
}

TEST_CASE("Tokenizer refuses 'auto': only the vectorizer, with the documents, can resolve it") {
  TokenizerOptions o;
  CHECK(o.stopwords == std::vector<std::string>{"auto"});
  CHECK_NOTHROW(o.validate());
  CHECK_THROWS_AS(Tokenizer{o}, unbake::UsageError);
}

TEST_CASE("Tokenizer removes stopwords after folding") {
  TokenizerOptions en;
  en.stopwords = {"en"};
  CHECK(Tokenizer(en).terms("The Cat and THE hat isn't here") == Terms{"cat", "hat"});
  const Tokenizer tokenizer(en);
  const auto& words = tokenizer.stopwords();
  CHECK(std::is_sorted(words.begin(), words.end()));
  CHECK(contains(words, "the"));
}

TEST_CASE("Tokenizer stems with Snowball") {
  TokenizerOptions o = no_stopwords();
  o.stem = "english";
  CHECK(Tokenizer(o).terms("running runs easily") == Terms{"run", "run", "easili"});
  o.stem = "en";
  CHECK(Tokenizer(o).terms("running") == Terms{"run"});
  o.stem = "fr";
  CHECK(Tokenizer(o).terms("continuellement") == Terms{"continuel"});
  o.stem = "klingon";
  CHECK_THROWS_AS(o.validate(), unbake::UsageError);
  CHECK_THROWS_AS(Tokenizer{o}, unbake::UsageError);
}

TEST_CASE("Tokenizer emits bigrams of adjacent kept terms") {
  TokenizerOptions o;
  o.stopwords = {"en"};
  o.ngram = 2;
  CHECK(Tokenizer(o).terms("the cat sat on the mat") == Terms{"cat", "sat", "cat sat", "mat", "sat mat"});
  o.stem = "english";
  CHECK(Tokenizer(o).terms("cats running") == Terms{"cat", "run", "cat run"});
  // Bigrams never cross documents.
  Tokenizer t(o);
  CHECK(t.terms("alpha") == Terms{"alpha"});
  CHECK(t.terms("beta") == Terms{"beta"});
}

TEST_CASE("TokenizerOptions validate and round-trip through JSON") {
  TokenizerOptions o;
  CHECK_NOTHROW(o.validate());
  o.ngram = 3;
  CHECK_THROWS_AS(o.validate(), unbake::UsageError);
  o.ngram = 2;
  o.min_token_length = 0;
  CHECK_THROWS_AS(o.validate(), unbake::UsageError);
  o.min_token_length = 3;
  o.strip_accents = true;
  o.keep_numbers = true;
  o.stopwords = {"fr", "de"};
  o.stem = "french";
  nlohmann::json j = o;
  const auto back = j.get<TokenizerOptions>();
  CHECK(back.strip_accents);
  CHECK(back.keep_numbers);
  CHECK(back.min_token_length == 3);
  CHECK(back.ngram == 2);
  CHECK(back.stopwords == std::vector<std::string>{"fr", "de"});
  CHECK(back.stem == "french");
  j.erase("stem");
  CHECK_THROWS(j.get<TokenizerOptions>());
}

TEST_CASE("tokenizer: e-mail addresses and host names split into parts, decimals stay whole") {
  unbake::text::TokenizerOptions o;
  o.stopwords = {"none"};
  o.keep_numbers = true;
  unbake::text::Tokenizer tok(o);
  CHECK(tok.terms("mathew@mantis.co.uk wrote") ==
        std::vector<std::string>{"mathew", "mantis", "co", "uk", "wrote"});
  CHECK(tok.terms("visit example.com or 3.14") ==
        std::vector<std::string>{"visit", "example", "com", "or", "3.14"});
  CHECK(tok.terms("café.menu") == std::vector<std::string>{"café", "menu"});
}

TEST_CASE("Tokenizer keeps one-character Han words: the length limit counts a Han character as two") {
  const Terms chinese = terms("我用这个库。一碗汤很好喝。");
  CHECK(contains(chinese, "库"));
  CHECK(contains(chinese, "汤"));
  TokenizerOptions o = no_stopwords();
  o.min_token_length = 3;  // a lone Han character (2) falls below 3; a pair (4) does not
  CHECK_FALSE(contains(terms("一碗汤", o), "汤"));
  CHECK(contains(terms("我们在北京大学学习", o), "北京"));
  // Other scripts count each character once: lone kana and letters still fall to the default 2.
  CHECK_FALSE(contains(terms("これは本です"), "は"));
  CHECK_FALSE(contains(terms("a b c"), "a"));
  CHECK(contains(terms("これは本です"), "本"));
}

TEST_CASE("Tokenizer joins adjacent katakana segments into one word, and the middle dot still separates") {
  // ICU's dictionary splits these loanwords at words it knows.
  CHECK(contains(terms("プラグインをインストールします"), "プラグイン"));
  CHECK(contains(terms("デスクトップの設定"), "デスクトップ"));
  CHECK(contains(terms("ゴールキーパーが止めた"), "ゴールキーパー"));
  CHECK_FALSE(contains(terms("プラグインをインストールします"), "プラグ"));
  const Terms dotted = terms("トム・クルーズ");
  CHECK(contains(dotted, "トム"));
  CHECK(contains(dotted, "クルーズ"));
  // Decomposed voicing marks (as PDF and macOS text often has them) join too.
  CHECK(contains(terms("\u30D5\u309A\u30E9\u30AF\u3099\u30A4\u30F3"), "プラグイン"));
  // Half-width katakana fold to full width and join the same way.
  CHECK(contains(terms("ﾌﾟﾗｸﾞｲﾝ"), "プラグイン"));
}

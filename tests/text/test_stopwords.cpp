#include <unbake/text/stopwords.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unbake/core/errors.hpp>
#include <unbake/text/tokenizer.hpp>
#include "text/token_folder.hpp"

namespace {

using unbake::text::StopwordSet;
using unbake::text::TokenFolder;

StopwordSet load(const std::vector<std::string>& entries, bool strip_accents = false) {
  TokenFolder folder(strip_accents);
  return StopwordSet(entries, {}, folder);
}

}  // namespace

TEST_CASE("Tokenizer stopwords: every embedded language loads with function words") {
  const std::vector<std::pair<std::string, std::string>> samples = {
      {"en", "the"},   {"de", "und"}, {"fr", "avec"}, {"es", "para"},
      {"it", "della"}, {"pt", "não"}, {"nl", "niet"}};
  for (const auto& [lang, word] : samples) {
    INFO(lang);
    const auto set = load({lang});
    CHECK(set.words().size() >= 150);
    CHECK(set.contains(word));
    CHECK_FALSE(set.contains("computer"));
  }
  // English covers contraction fragments, since apostrophes split tokens.
  const auto en = load({"en"});
  for (const char* fragment : {"don", "isn", "ll", "ve", "re", "doesn"}) CHECK(en.contains(fragment));
}

TEST_CASE("Tokenizer stopwords: lists add up, none is empty") {
  const auto en = load({"en"});
  const auto de = load({"de"});
  const auto both = load({"en", "de"});
  CHECK(both.contains("the"));
  CHECK(both.contains("und"));
  CHECK(both.words().size() > std::max(en.words().size(), de.words().size()));
  CHECK(load({"none"}).words().empty());
  CHECK(load({}).words().empty());
}

TEST_CASE("Tokenizer stopwords: words are folded like tokens") {
  const auto de = load({"de"});
  CHECK(de.contains("dass"));  // listed as "dass"; "daß" folds to it too
  CHECK(de.contains("für"));
  CHECK_FALSE(de.contains("fur"));
  const auto stripped = load({"de"}, true);
  CHECK(stripped.contains("fur"));
  CHECK_FALSE(stripped.contains("für"));
}

TEST_CASE("Tokenizer stopwords: a file in the same format") {
  const auto path = std::filesystem::temp_directory_path() / "unbake_test_stopwords.txt";
  {
    std::ofstream out(path);
    out << "# my list\n\nFoo\n  bar  # trailing comment\nÉTÉ\n";
  }
  const auto set = load({path.string()});
  CHECK(set.words() == std::vector<std::string>{"bar", "foo", "été"});
  unbake::text::TokenizerOptions o;
  o.stopwords = {path.string(), "en"};
  CHECK(unbake::text::Tokenizer(o).terms("The foo and bar were wonderful") ==
        std::vector<std::string>{"wonderful"});
  std::filesystem::remove(path);
}

TEST_CASE("Tokenizer stopwords: unknown language is a usage error naming the choices") {
  try {
    load({"xx"});
    FAIL("expected a UsageError");
  } catch (const unbake::UsageError& e) {
    const std::string message = e.what();
    CHECK(message.find("'xx'") != std::string::npos);
    CHECK(message.find("en") != std::string::npos);
    CHECK(message.find("nl") != std::string::npos);
  }
  unbake::text::TokenizerOptions o;
  o.stopwords = {"en", "klingon"};
  CHECK_THROWS_AS(o.validate(), unbake::UsageError);
}

TEST_CASE("Tokenizer stopwords: parsing skips comments and blank lines") {
  CHECK(unbake::text::parse_stopword_text("# c\n a \n\n\tb\t# x\r\n#\nc") ==
        std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("stopwords: literal words add to the lists and are folded like tokens") {
  unbake::text::TokenizerOptions o;
  o.stopwords = {"none"};
  o.stopword_words = {"Apple", "BANANA"};
  unbake::text::Tokenizer tok(o);
  CHECK(tok.terms("apple banana cherry") == std::vector<std::string>{"cherry"});
  CHECK(tok.stopwords() == std::vector<std::string>{"apple", "banana"});
}

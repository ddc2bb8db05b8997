// --stopwords auto: identifying each document's language, choosing the lists,
// and resolving the option before tokenizing.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <unbake/core/errors.hpp>
#include <unbake/text/language.hpp>
#include <unbake/text/stopwords.hpp>
#include <unbake/text/tokenizer.hpp>
#include <unbake/text/vectorizer.hpp>

using namespace unbake::text;

namespace {

bool has_detector() { return !language_detector().empty(); }

const std::vector<std::pair<std::string, std::string>>& samples() {
  static const std::vector<std::pair<std::string, std::string>> s{
      {"en",
       "The committee met on Tuesday to discuss the budget, and most members agreed that the "
       "new library should open before the winter."},
      {"de",
       "Der Ausschuss hat am Dienstag über den Haushalt beraten, und die meisten Mitglieder waren "
       "sich einig, dass die neue Bibliothek vor dem Winter öffnen soll."},
      {"fr",
       "Le comité s'est réuni mardi pour discuter du budget, et la plupart des membres ont convenu "
       "que la nouvelle bibliothèque devait ouvrir avant l'hiver."},
      {"ru",
       "Комитет собрался во вторник, чтобы обсудить бюджет, и большинство членов согласились, что "
       "новая библиотека должна открыться до зимы."},
      {"ja",
       "委員会は火曜日に予算について話し合い、ほとんどの委員は新しい図書館を冬の前に開くべきだという"
       "ことで合意しました。"},
      {"zh", "委员会星期二开会讨论了预算，大多数委员都认为新的图书馆应该在冬天之前开放。我们都很高兴。"},
      {"ko",
       "위원회는 화요일에 예산을 논의했고, 대부분의 위원들은 새 도서관이 겨울 전에 문을 열어야 한다는 "
       "데 동의했습니다."},
  };
  return s;
}

}  // namespace

TEST_CASE("language: CLD2 names the language of a sentence by the code its stopword list has") {
  if (!has_detector()) {
    MESSAGE("skipped: built without a language detector (CLD2)");
    return;
  }
  for (const auto& [code, text] : samples()) {
    CAPTURE(code);
    CHECK(detect_language(text) == code);
  }
  CHECK(detect_language("") == "und");
  // A document in two languages names both, the main one first.
  const auto both = detect_languages(samples()[5].second + " " + samples()[0].second);
  CHECK(both == std::vector<std::string>{"zh", "en"});
  CHECK(detect_language("12345 67.89 -- ++ ==") == "und");
}

TEST_CASE(
    "language: a code needs 5% of the sampled documents, and und or an unlisted language applies no list") {
  std::vector<std::vector<std::string>> codes(100, {"de"});
  for (int i = 0; i < 7; ++i) codes[static_cast<std::size_t>(i)] = {"en"};
  for (int i = 7; i < 10; ++i) codes[static_cast<std::size_t>(i)] = {"de", "en"};  // counts for both
  for (int i = 10; i < 14; ++i) codes[static_cast<std::size_t>(i)] = {"fr"};       // 4%: below the share
  for (int i = 14; i < 30; ++i) codes[static_cast<std::size_t>(i)] = {"und"};
  for (int i = 30; i < 36; ++i) codes[static_cast<std::size_t>(i)] = {"th"};  // no list for Thai
  const LanguageSummary s = summarize_languages(codes);
  CHECK(s.automatic);
  CHECK(s.sampled == 100);
  REQUIRE(s.counts.size() == 5);
  CHECK(s.counts[0].code == "de");
  CHECK(s.counts[0].documents == 67);
  CHECK(s.counts[1].code == "und");  // most documents first
  CHECK(s.applied == std::vector<std::string>{"de", "en"});
  CHECK(s.without_list == std::vector<std::string>{"th"});
  LanguageSummary found = s;
  found.detector = "cld2";  // the line of a build that identifies languages
  const std::string line = describe_stopwords(found, {"de", "en"});
  CHECK(line.find("de 67") != std::string::npos);
  CHECK(line.find("stopwords de, en") != std::string::npos);
  CHECK(line.find("no list for th") != std::string::npos);
  found.detector.clear();
  CHECK(describe_stopwords(found, {"en"}).find("identifies no languages") != std::string::npos);
}

TEST_CASE("language: lists exist for every language auto can pick, each with words listed once") {
  for (const char* code : {"en", "de", "fr", "es", "it", "nl", "pt", "ja", "zh", "ko", "ru", "uk",
                           "pl", "cs", "sv", "da", "nb", "fi", "tr", "ar", "he", "el", "hu", "ro"}) {
    CAPTURE(code);
    const auto& lists = embedded_stopword_lists();
    const auto it = std::find_if(lists.begin(), lists.end(), [&](const auto& e) { return e.first == code; });
    REQUIRE(it != lists.end());
    std::vector<std::string> words = parse_stopword_text(it->second);
    CHECK(words.size() >= 100);
    std::sort(words.begin(), words.end());
    CHECK(std::adjacent_find(words.begin(), words.end()) == words.end());  // each word once
  }
}

TEST_CASE("language: auto is resolved from the documents, the same for any thread count") {
  if (!has_detector()) {
    MESSAGE("skipped: built without a language detector (CLD2)");
    return;
  }
  std::vector<std::pair<std::string, std::string>> docs;
  for (int i = 0; i < 30; ++i)  // 20 German, 10 Japanese: both lists
    docs.push_back({"d" + std::to_string(i), samples()[i % 3 == 2 ? 4 : 1].second});
  docs.push_back({"english", samples()[0].second});  // 1 of 31: under 5%, no list
  const DocumentSource source = memory_documents(docs);
  TokenizerOptions options;
  options.stopwords = {"auto"};
  const ResolvedStopwords one = resolve_stopwords(source, options, {1});
  const ResolvedStopwords two = resolve_stopwords(source, options, {2});
  CHECK(one.tokenizer.stopwords == std::vector<std::string>{"de", "ja"});
  CHECK(two.tokenizer.stopwords == one.tokenizer.stopwords);
  CHECK(one.languages.sampled == 31);
  REQUIRE(two.languages.counts.size() == one.languages.counts.size());
  for (std::size_t i = 0; i < one.languages.counts.size(); ++i) {
    CHECK(one.languages.counts[i].code == two.languages.counts[i].code);
    CHECK(one.languages.counts[i].documents == two.languages.counts[i].documents);
  }

  options.stopwords = {"none"};  // named lists are kept as they are, with nothing detected
  const ResolvedStopwords named = resolve_stopwords(source, options);
  CHECK(named.tokenizer.stopwords == std::vector<std::string>{"none"});
  CHECK_FALSE(named.languages.automatic);

  VectorizerOptions v;
  v.min_df = 1;
  const VectorizedCorpus corpus = vectorize(source, v, {1});
  CHECK(corpus.stopwords == std::vector<std::string>{"de", "ja"});
  CHECK(std::find(corpus.terms.begin(), corpus.terms.end(), "und") == corpus.terms.end());
  CHECK(std::find(corpus.terms.begin(), corpus.terms.end(), "bibliothek") != corpus.terms.end());
}

TEST_CASE("language: a large corpus is sampled evenly, 2,000 documents") {
  if (!has_detector()) {
    MESSAGE("skipped: built without a language detector (CLD2)");
    return;
  }
  std::vector<std::pair<std::string, std::string>> docs;
  for (int i = 0; i < 5000; ++i) docs.push_back({"d" + std::to_string(i), samples()[1].second});
  TokenizerOptions options;
  const ResolvedStopwords r = resolve_stopwords(memory_documents(docs), options);
  CHECK(r.languages.sampled == kLanguageSample);
  CHECK(r.tokenizer.stopwords == std::vector<std::string>{"de"});
}

TEST_CASE("language: auto next to a file or list keeps them, and a corpus in no known language gets none") {
  if (!has_detector()) {
    MESSAGE("skipped: built without a language detector (CLD2)");
    return;
  }
  const DocumentSource numbers = memory_documents({{"a", "12 34 56"}, {"b", "78 90"}});
  TokenizerOptions options;
  options.stopwords = {"en", "auto"};
  CHECK(resolve_stopwords(numbers, options).tokenizer.stopwords == std::vector<std::string>{"en"});
  const DocumentSource german = memory_documents({{"a", samples()[1].second}, {"b", samples()[1].second}});
  options.stopwords = {"de", "auto", "auto"};  // each list once
  CHECK(resolve_stopwords(german, options).tokenizer.stopwords == std::vector<std::string>{"de"});
  options.stopwords = {"auto"};
  CHECK(resolve_stopwords(numbers, options).tokenizer.stopwords == std::vector<std::string>{"none"});
}

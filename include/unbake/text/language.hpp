#pragma once
// Which languages a corpus is written in, for `--stopwords auto`: each
// document of a first pass (all of them, or an even sample of 2,000) is
// identified by CLD2; the lists of the languages found in at least 5% of them
// are applied to every document.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <unbake/core/execution.hpp>
#include <unbake/text/tokenizer.hpp>

namespace unbake::text {

struct DocumentSource;

// "cld2" when this build identifies languages, else "" (then auto applies the
// English list and says so).
std::string_view language_detector();

// The ISO 639-1 code of the text's language ("de", "ja", "zh", "nb", "he"),
// or "und" when it cannot be told (too short, no letters, no detector).
// Thread-safe. Reads the first kilobyte.
std::string detect_language(std::string_view utf8);

// Every language that makes up at least kLanguagePart of that text, the main
// one first (a Chinese manual page with English examples gives zh and en);
// {"und"} when none can be told.
std::vector<std::string> detect_languages(std::string_view utf8);
inline constexpr int kLanguagePart = 20;  // percent of the text

struct LanguageCount {
  std::string code;
  std::size_t documents = 0;
};

struct LanguageSummary {
  bool automatic = false;   // stopwords held "auto"; the rest is empty otherwise
  std::string detector;     // as language_detector()
  std::size_t sampled = 0;  // documents identified
  // Documents per language, most first, then by code; "und" included. A
  // document written in two languages counts for both.
  std::vector<LanguageCount> counts;
  std::vector<std::string> applied;       // the languages whose lists were applied, by code
  std::vector<std::string> without_list;  // found in >= 5% but unbake has no list for them
};

// At most this many documents are identified; larger corpora are sampled
// evenly (document floor(i * n / kLanguageSample)), the same on every run.
inline constexpr std::size_t kLanguageSample = 2000;
// A language counts when at least this share of the sampled documents is
// (partly, as detect_languages tells) in it.
inline constexpr double kLanguageShare = 0.05;

// The tokenizer options with "auto" replaced by the lists of the corpus's
// languages, and what was found. Options without "auto" come back unchanged
// with an empty summary.
struct ResolvedStopwords {
  TokenizerOptions tokenizer;
  LanguageSummary languages;
};
ResolvedStopwords resolve_stopwords(const DocumentSource& documents, const TokenizerOptions& options,
                                    const Execution& exec = {});

// One line for summaries: "de 8412, en 250 of 8662 documents; stopwords de, en"
// (or just "stopwords en" when they were named). Mentions languages found
// without a list, and a build without a detector.
std::string describe_stopwords(const LanguageSummary& languages, const std::vector<std::string>& stopwords);

// The languages picked from each document's codes, as resolve_stopwords does:
// exposed for tests.
LanguageSummary summarize_languages(const std::vector<std::vector<std::string>>& codes);

}  // namespace unbake::text

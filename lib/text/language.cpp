#include <unbake/text/language.hpp>

#include <algorithm>
// Before compact_lang_det.h, which uses FILE without including <cstdio>.
#include <cstdio>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <unbake/text/stopwords.hpp>
#include <unbake/text/vectorizer.hpp>
#include "core/progress_task.hpp"
#include "text/json.hpp"
#include "text/vectorizer_workers.hpp"

#ifdef UNBAKE_HAVE_CLD2
#include <cld2/public/compact_lang_det.h>
namespace CLD2 {
const char* LanguageCode(Language lang);  // lang_script.h, not in the public header
}
#endif

namespace unbake::text {
namespace {

// CLD2 reads a document's opening well enough; the rest costs time and
// changes nothing for a corpus-level decision.
constexpr std::size_t kDetectBytes = 1024;

// CLD2's codes where they differ from ISO 639-1 as the stopword lists are named.
std::string iso_code(std::string_view code) {
  if (code == "un" || code.empty()) return "und";
  code = code.substr(0, code.find('-'));  // zh-Hant -> zh
  if (code == "iw") return "he";
  if (code == "no" || code == "nn") return "nb";
  if (code == "in") return "id";
  return std::string(code);
}

// The longest prefix of at most `limit` bytes that ends on a code point.
std::string_view utf8_prefix(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

bool has_embedded_list(std::string_view code) {
  for (const auto& entry : embedded_stopword_lists())
    if (entry.first == code) return true;
  return false;
}

}  // namespace

std::string_view language_detector() {
#ifdef UNBAKE_HAVE_CLD2
  return "cld2";
#else
  return "";
#endif
}

std::vector<std::string> detect_languages(std::string_view utf8) {
  std::vector<std::string> out;
#ifdef UNBAKE_HAVE_CLD2
  // A copy: CLD2 reads a byte past the end it is given, which a view's
  // memory need not have.
  const std::string text(utf8_prefix(utf8, kDetectBytes));
  bool reliable = false;
  CLD2::Language top3[3];
  int percent3[3];
  int text_bytes = 0;
  const CLD2::Language language = CLD2::ExtDetectLanguageSummary(
      text.data(), static_cast<int>(text.size()), true, top3, percent3, &text_bytes, &reliable);
  out.push_back(iso_code(CLD2::LanguageCode(language)));
  for (int i = 0; i < 3; ++i) {
    const std::string code = iso_code(CLD2::LanguageCode(top3[i]));
    if (percent3[i] >= kLanguagePart && code != "und" && std::find(out.begin(), out.end(), code) == out.end())
      out.push_back(code);
  }
  if (out.size() > 1 && out.front() == "und") out.erase(out.begin());
#else
  (void)utf8;
  out.emplace_back("und");
#endif
  return out;
}

std::string detect_language(std::string_view utf8) { return detect_languages(utf8).front(); }

LanguageSummary summarize_languages(const std::vector<std::vector<std::string>>& codes) {
  LanguageSummary out;
  out.automatic = true;
  out.detector = std::string(language_detector());
  out.sampled = codes.size();
  std::map<std::string, std::size_t> counts;
  for (const auto& document : codes)
    for (const auto& code : document) ++counts[code];
  for (const auto& [code, n] : counts) out.counts.push_back({code, n});
  std::stable_sort(out.counts.begin(), out.counts.end(),
                   [](const LanguageCount& a, const LanguageCount& b) { return a.documents > b.documents; });
  for (const auto& [code, n] : counts) {  // by code
    if (code == "und" || static_cast<double>(n) < kLanguageShare * static_cast<double>(codes.size()))
      continue;
    (has_embedded_list(code) ? out.applied : out.without_list).push_back(code);
  }
  return out;
}

ResolvedStopwords resolve_stopwords(const DocumentSource& documents, const TokenizerOptions& options,
                                    const Execution& exec) {
  ResolvedStopwords out{options, {}};
  const auto is_auto = [](const std::string& entry) { return entry == "auto"; };
  if (std::none_of(options.stopwords.begin(), options.stopwords.end(), is_auto)) return out;

  const std::size_t n = documents.ids.size();
  std::vector<std::size_t> sample;
  if (n <= kLanguageSample) {
    for (std::size_t i = 0; i < n; ++i) sample.push_back(i);
  } else {
    for (std::size_t i = 0; i < kLanguageSample; ++i) sample.push_back(i * n / kLanguageSample);
  }
  std::vector<std::vector<std::string>> codes(sample.size());
  std::vector<char> read(sample.size(), 0);
  if (!language_detector().empty()) {
    const int threads = resolve_threads(exec.threads);
    ProgressTask progress(exec, "Identifying languages", sample.size());
    run_workers(threads, [&](int w) {
      for (std::size_t s = static_cast<std::size_t>(w); s < sample.size();
           s += static_cast<std::size_t>(threads)) {
        exec.throw_if_cancelled();
        const ReadOutcome outcome = documents.read(sample[s]);
        if (outcome.text) {
          codes[s] = detect_languages(*outcome.text);
          read[s] = 1;
        }
        progress.advance(1, outcome.text ? outcome.text->size() : 0);
      }
    });
    progress.finish();
  }
  std::vector<std::vector<std::string>> found;
  for (std::size_t s = 0; s < sample.size(); ++s)
    if (read[s]) found.push_back(std::move(codes[s]));
  out.languages = summarize_languages(found);
  std::vector<std::string> entries;
  for (const auto& entry : options.stopwords) {
    if (!is_auto(entry)) {
      entries.push_back(entry);
    } else if (language_detector().empty()) {
      entries.emplace_back("en");  // no detector in this build: today's English default
    } else {
      for (const auto& code : out.languages.applied) entries.push_back(code);
    }
  }
  if (language_detector().empty()) out.languages.applied = {"en"};
  // Each list once, in the order first named ("auto" may repeat one).
  std::vector<std::string> unique;
  for (auto& entry : entries)
    if (std::find(unique.begin(), unique.end(), entry) == unique.end()) unique.push_back(std::move(entry));
  entries = std::move(unique);
  if (entries.empty()) entries.emplace_back("none");
  out.tokenizer.stopwords = std::move(entries);
  return out;
}

std::string describe_stopwords(const LanguageSummary& languages, const std::vector<std::string>& stopwords) {
  std::string lists;
  for (const auto& entry : stopwords) lists += (lists.empty() ? "" : ", ") + entry;
  if (lists.empty()) lists = "none";
  if (!languages.automatic) return "stopwords " + lists;
  if (languages.detector.empty()) return "stopwords " + lists + " (auto: this build identifies no languages)";
  std::string found;
  constexpr std::size_t kShown = 6;
  for (std::size_t i = 0; i < languages.counts.size() && i < kShown; ++i)
    found += fmt::format("{}{} {}", found.empty() ? "" : ", ", languages.counts[i].code,
                         languages.counts[i].documents);
  if (languages.counts.size() > kShown) found += fmt::format(", {} more", languages.counts.size() - kShown);
  std::string out = fmt::format("{} of {} documents; stopwords {}", found.empty() ? "none" : found,
                                languages.sampled, lists);
  if (!languages.without_list.empty()) {
    std::string missing;
    for (const auto& code : languages.without_list) missing += (missing.empty() ? "" : ", ") + code;
    out += " (no list for " + missing + ": name one with --stopwords FILE)";
  }
  return out;
}

void to_json(nlohmann::json& j, const LanguageSummary& s) {
  nlohmann::json counts = nlohmann::json::object();
  for (const auto& c : s.counts) counts[c.code] = c.documents;
  j = {{"automatic", s.automatic}, {"detector", s.detector}, {"sampled", s.sampled},
       {"counts", counts},         {"applied", s.applied},   {"without_list", s.without_list}};
}

void from_json(const nlohmann::json& j, LanguageSummary& s) {
  j.at("automatic").get_to(s.automatic);
  j.at("detector").get_to(s.detector);
  j.at("sampled").get_to(s.sampled);
  s.counts.clear();
  for (const auto& [code, n] : j.at("counts").items()) s.counts.push_back({code, n.get<std::size_t>()});
  std::stable_sort(s.counts.begin(), s.counts.end(),
                   [](const LanguageCount& a, const LanguageCount& b) { return a.documents > b.documents; });
  j.at("applied").get_to(s.applied);
  j.at("without_list").get_to(s.without_list);
}

}  // namespace unbake::text

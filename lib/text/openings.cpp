#include <unbake/text/openings.hpp>

#include <unordered_map>

#include <unbake/core/errors.hpp>
#include <unbake/core/threads.hpp>
#include <unbake/text/table_documents.hpp>
#include <unbake/text/vectorizer.hpp>
#include "text/vectorizer_workers.hpp"

namespace unbake::text {

std::string opening(const std::string& text, std::size_t chars) {
  std::string out;
  std::size_t count = 0;
  bool space = false;
  std::size_t i = 0;
  for (; i < text.size() && count < chars;) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v') {
      space = !out.empty();
      ++i;
      continue;
    }
    if (space) {
      out += ' ';
      ++count;
      space = false;
      if (count >= chars) break;
    }
    std::size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i + length > text.size()) length = text.size() - i;
    out.append(text, i, length);
    i += length;
    ++count;
  }
  // Cut short: say so, unless only white space was left.
  if (text.find_first_not_of(" \n\r\t\f\v", i) != std::string::npos) {
    if (!out.empty() && out.back() == ' ') out.pop_back();
    out += "\u2026";
  }
  return out;
}

std::vector<std::string> document_openings(const std::string& input, const ReaderOptions& options,
                                           const std::vector<std::string>& ids, std::size_t chars,
                                           const Execution& exec) {
  if (input == "-" || ids.empty() || chars == 0) return std::vector<std::string>(ids.size());
  return document_openings(open_documents(input, options), ids, chars, exec);
}

std::vector<std::string> document_openings(const DocumentSource& source, const std::vector<std::string>& ids,
                                           std::size_t chars, const Execution& exec) {
  std::vector<std::string> out(ids.size());
  if (ids.empty() || chars == 0) return out;
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < source.ids.size(); ++i) index.emplace(source.ids[i], i);
  const int threads = resolve_threads(exec.threads);
  run_workers(threads, [&](int w) {
    for (std::size_t i = static_cast<std::size_t>(w); i < ids.size();
         i += static_cast<std::size_t>(threads)) {
      exec.throw_if_cancelled();
      const auto it = index.find(ids[i]);
      if (it == index.end()) continue;
      try {
        ReadOutcome outcome = source.read(it->second);
        if (outcome.text) out[i] = opening(*outcome.text, chars);
      } catch (const InputError&) {
        // It was read once; if it cannot be now, the report shows no opening.
      }
    }
  });
  return out;
}

}  // namespace unbake::text

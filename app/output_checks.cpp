#include "output_checks.hpp"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <unbake/text/reader.hpp>
#include <unbake/text/stopwords.hpp>

namespace unbake::app {

void guard_documents(io::OutputGuard& guard, const std::string& root,
                     const text::VectorizerOptions& options) {
  const text::ReaderOptions reader = options.reader;
  guard.input_documents(
      root, [reader](const std::filesystem::path& relative) { return text::would_list(relative, reader); },
      [root, reader] {
        std::vector<std::string> paths;
        for (const auto& doc : text::list_documents(root, reader).documents)
          paths.push_back(doc.path.string());
        return paths;
      });
  // A stopword entry is a file when it is not a compiled-in language.
  const auto& languages = text::embedded_stopword_lists();
  for (const auto& entry : options.tokenizer.stopwords) {
    const bool language = std::any_of(languages.begin(), languages.end(),
                                      [&](const auto& list) { return list.first == entry; });
    if (!language && entry != "none") guard.input_file(entry);
  }
}

}  // namespace unbake::app

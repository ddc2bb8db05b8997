#include <unbake/text/stopwords.hpp>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unbake/core/errors.hpp>
#include "text/token_folder.hpp"
#include "text/word_key.hpp"

namespace unbake::text {

namespace {

const std::string_view* find_embedded(std::string_view code) {
  for (const auto& [lang, text] : embedded_stopword_lists()) {
    if (lang == code) return &text;
  }
  return nullptr;
}

std::string read_list_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) throw InputError(path + ": cannot read stopword file");
  return text.str();
}

}  // namespace

std::string available_stopword_languages() {
  std::vector<std::string_view> langs;
  for (const auto& entry : embedded_stopword_lists()) langs.push_back(entry.first);
  std::sort(langs.begin(), langs.end());
  std::string out;
  for (const auto lang : langs) {
    if (!out.empty()) out += ", ";
    out += lang;
  }
  return out;
}

void check_stopword_entry(const std::string& entry) {
  if (entry == "none" || entry == "auto" || find_embedded(entry)) return;
  std::error_code ec;
  if (std::filesystem::is_regular_file(entry, ec)) return;
  throw UsageError("stopwords", "'" + entry + "' is neither 'auto', a language with a list (available: " +
                                    available_stopword_languages() + ") nor an existing file");
}

std::vector<std::string> parse_stopword_text(std::string_view text) {
  std::vector<std::string> words;
  while (!text.empty()) {
    const std::size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
    line = line.substr(0, line.find('#'));
    const auto first = line.find_first_not_of(" \t\r\v\f");
    if (first == std::string_view::npos) continue;
    const auto last = line.find_last_not_of(" \t\r\v\f");
    words.emplace_back(line.substr(first, last - first + 1));
  }
  return words;
}

StopwordSet::StopwordSet(const std::vector<std::string>& entries, const std::vector<std::string>& words,
                         TokenFolder& folder) {
  for (const auto& word : words) words_.emplace_back(folder.fold(word));
  for (const auto& entry : entries) {
    check_stopword_entry(entry);
    if (entry == "none") continue;
    if (entry == "auto")
      throw UsageError("stopwords",
                       "'auto' needs the documents to choose lists: vectorize() resolves it "
                       "(text::resolve_stopwords); a tokenizer on its own needs the languages named");
    std::string file_text;
    std::string_view text;
    if (const auto* embedded = find_embedded(entry)) {
      text = *embedded;
    } else {
      file_text = read_list_file(entry);
      text = file_text;
    }
    for (const auto& word : parse_stopword_text(text)) words_.emplace_back(folder.fold(word));
  }
  std::sort(words_.begin(), words_.end());
  words_.erase(std::unique(words_.begin(), words_.end()), words_.end());
  build_table();
}

void StopwordSet::build_table() {
  // Folding can empty a word (a lone accent when accents are stripped); no token is empty.
  words_.erase(std::remove(words_.begin(), words_.end(), std::string()), words_.end());
  // At most a third full, so a miss usually ends at the first or second probe.
  std::size_t size = 16;
  while (size < 3 * words_.size()) size *= 2;
  slots_.assign(size, Slot{});
  mask_ = size - 1;
  pool_.clear();
  lengths_by_first_.fill(0);
  for (const auto& word : words_) {
    lengths_by_first_[static_cast<unsigned char>(word[0])] |= 1u << (word.size() % 32);
    const Slot slot{word_hash(word), static_cast<std::uint32_t>(pool_.size()),
                    static_cast<std::uint32_t>(word.size())};
    pool_ += word;
    std::uint64_t i = slot.hash & mask_;
    while (slots_[i].length != 0) i = (i + 1) & mask_;
    slots_[i] = slot;
  }
}

bool StopwordSet::contains(std::string_view word) const {
  if (word.empty() ||
      !(lengths_by_first_[static_cast<unsigned char>(word[0])] & (1u << (word.size() % 32)))) {
    return false;
  }
  if (slots_.empty()) return false;  // default-constructed
  const std::uint64_t hash = word_hash(word);
  for (std::uint64_t i = hash & mask_;; i = (i + 1) & mask_) {
    const Slot& slot = slots_[i];
    if (slot.length == 0) return false;
    // Equal full hashes and lengths of words up to 8 bytes mean equal words
    // (word_hash is a bijection of word_key for a given length), so no bytes
    // need comparing.
    if (slot.hash == hash && slot.length == word.size() &&
        (word.size() <= 8 || std::memcmp(pool_.data() + slot.offset, word.data(), word.size()) == 0)) {
      return true;
    }
  }
}

}  // namespace unbake::text

#include <unbake/text/corpus_cache.hpp>

#include <sys/stat.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include <unbake/core/errors.hpp>
#include <unbake/core/version.hpp>
#include <unbake/io/binary_matrix.hpp>
#include <unbake/text/reader.hpp>
#include <unbake/text/tokenizer.hpp>
#include "text/json.hpp"

namespace unbake::text {
namespace {

constexpr const char* kFormat = "unbake.matrix/1";
// Part of the fingerprint: bumped when the header gains a field, so that a
// cache written before is rebuilt rather than rejected.
constexpr const char* kHeaderLayout = "corpus header 2: stopwords, languages, display_terms";

// FNV-1a, 64 bits: a stable hash of the fingerprint's text (std::hash may
// differ between standard libraries).
class Fnv {
 public:
  void add(std::string_view s) {
    for (unsigned char c : s) h_ = (h_ ^ c) * 0x100000001b3ULL;
    // A separator, so that ("ab", "c") and ("a", "bc") differ.
    h_ = (h_ ^ 0xff) * 0x100000001b3ULL;
  }
  void add(std::uint64_t v) { add(std::to_string(v)); }
  std::string hex() const {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h_));
    return buf;
  }

 private:
  std::uint64_t h_ = 0xcbf29ce484222325ULL;
};

std::uint64_t nanoseconds(const struct timespec& t) {
  return static_cast<std::uint64_t>(t.tv_sec) * 1000000000ULL + static_cast<std::uint64_t>(t.tv_nsec);
}

}  // namespace

std::string corpus_fingerprint(const std::string& root, const VectorizerOptions& options) {
  Fnv h;
  h.add(kFormat);
  h.add(kVersion);
  h.add(kHeaderLayout);
  h.add(to_json_string(options));
  // A stopword file named in the settings can change on its own.
  // ("auto" follows from the documents, which the listing below covers.)
  TokenizerOptions named = options.tokenizer;
  std::erase(named.stopwords, std::string("auto"));
  const Tokenizer tokenizer(named);
  for (const auto& word : tokenizer.stopwords()) h.add(word);
  const Listing listing = list_documents(root, options.reader);
  for (const auto& d : listing.documents) {
    h.add(d.id);
    struct stat st {};
    if (::stat(d.path.c_str(), &st) != 0) {
      h.add("unreadable");
      continue;
    }
    h.add(static_cast<std::uint64_t>(st.st_size));
    h.add(nanoseconds(st.st_mtim));
    h.add(nanoseconds(st.st_ctim));
    h.add(static_cast<std::uint64_t>(st.st_ino));
  }
  for (const auto& s : listing.skipped) {
    h.add(s.path);
    h.add(s.reason);
  }
  return h.hex();
}

void save_corpus(const std::string& path, const VectorizedCorpus& corpus, const std::string& fingerprint) {
  nlohmann::json skipped = nlohmann::json::array();
  for (const auto& s : corpus.skipped) skipped.push_back({{"path", s.path}, {"reason", s.reason}});
  nlohmann::json duplicates = nlohmann::json::array();
  for (const auto& d : corpus.duplicates) duplicates.push_back({d.id, d.same_as});
  nlohmann::json meta = nlohmann::json::array();
  for (const auto& column : corpus.meta) meta.push_back({{"name", column.name}, {"values", column.values}});
  io::BinaryMatrix file;
  file.header = nlohmann::json{{"format", kFormat},
                               {"generator", std::string("unbake ") + kVersion},
                               {"corpus",
                                {{"root", corpus.root},
                                 {"fingerprint", fingerprint},
                                 {"skipped", skipped},
                                 {"empty_documents", corpus.empty_documents},
                                 {"ignored", corpus.not_read.ignored},
                                 {"readme_files", corpus.not_read.readme_files},
                                 {"excluded", corpus.not_read.excluded},
                                 {"duplicates", duplicates},
                                 {"deduplicated", corpus.deduplicated},
                                 {"labels", corpus.labels},
                                 {"stopwords", corpus.stopwords},
                                 {"display_terms", corpus.display_terms},
                                 {"languages", corpus.languages},
                                 {"meta", meta},
                                 {"bytes_read", corpus.bytes_read}}}}
                    .dump();
  file.V = corpus.V;
  file.row_labels = corpus.doc_ids;
  file.column_labels = corpus.terms;
  Eigen::VectorXd df(static_cast<Eigen::Index>(corpus.df.size()));
  for (std::size_t j = 0; j < corpus.df.size(); ++j) df[static_cast<Eigen::Index>(j)] = corpus.df[j];
  file.column_data = {df, corpus.idf};
  io::write_binary_matrix(path, file);
}

LoadedCorpus load_corpus(const std::string& path) {
  io::BinaryMatrix file = io::read_binary_matrix(path);
  auto bad = [&](const std::string& what) {
    return InputError(path + ": not a corpus cache (" + what + ")");
  };
  nlohmann::json header;
  try {
    header = nlohmann::json::parse(file.header);
  } catch (const nlohmann::json::exception&) {
    throw bad("its header is not JSON");
  }
  if (!header.is_object() || !header.contains("corpus")) throw bad("it holds a matrix but no corpus");
  const auto cols = static_cast<std::size_t>(file.V.cols());
  if (file.row_labels.size() != static_cast<std::size_t>(file.V.rows()) ||
      file.column_labels.size() != cols || file.column_data.size() != 2)
    throw bad("it lacks the document ids, the terms or their df and idf");
  LoadedCorpus out;
  VectorizedCorpus& c = out.corpus;
  try {
    const auto& corpus = header.at("corpus");
    corpus.at("root").get_to(c.root);
    corpus.at("fingerprint").get_to(out.fingerprint);
    for (const auto& s : corpus.at("skipped"))
      c.skipped.push_back({s.at("path").get<std::string>(), s.at("reason").get<std::string>()});
    corpus.at("empty_documents").get_to(c.empty_documents);
    corpus.at("bytes_read").get_to(c.bytes_read);
    corpus.at("ignored").get_to(c.not_read.ignored);
    corpus.at("readme_files").get_to(c.not_read.readme_files);
    corpus.at("excluded").get_to(c.not_read.excluded);
    for (const auto& d : corpus.at("duplicates")) c.duplicates.push_back({d.at(0), d.at(1)});
    corpus.at("deduplicated").get_to(c.deduplicated);
    corpus.at("labels").get_to(c.labels);
    corpus.at("stopwords").get_to(c.stopwords);
    corpus.at("display_terms").get_to(c.display_terms);
    corpus.at("languages").get_to(c.languages);
    for (const auto& column : corpus.value("meta", nlohmann::json::array()))
      c.meta.push_back(
          {column.at("name").get<std::string>(), column.at("values").get<std::vector<std::string>>()});
  } catch (const nlohmann::json::exception& e) {
    throw bad(std::string("its header lacks a part: ") + e.what());
  }
  const Eigen::VectorXd& df = file.column_data[0];
  for (Eigen::Index j = 0; j < df.size(); ++j) {
    if (!(df[j] >= 0 && df[j] <= static_cast<double>(file.V.rows()) && df[j] == std::floor(df[j])))
      throw bad("a document frequency is not a count of its documents");
    c.df.push_back(static_cast<std::uint32_t>(df[j]));
  }
  c.idf = std::move(file.column_data[1]);
  if (!c.labels.empty() && c.labels.size() != file.row_labels.size())
    throw bad("its labels do not match its documents");
  for (const auto& column : c.meta)
    if (column.values.size() != file.row_labels.size()) throw bad("its metadata do not match its documents");
  if (!c.display_terms.empty() && c.display_terms.size() != file.column_labels.size())
    throw bad("its displayed words do not match its terms");
  c.doc_ids = std::move(file.row_labels);
  c.terms = std::move(file.column_labels);
  c.V = std::move(file.V);
  return out;
}

CachedVectorization vectorize_cached(const std::string& root, const VectorizerOptions& options,
                                     const std::string& cache_path, const Execution& exec) {
  options.validate();
  const auto start = std::chrono::steady_clock::now();
  const std::string fingerprint = corpus_fingerprint(root, options);
  CachedVectorization out;
  std::error_code ec;
  if (std::filesystem::exists(cache_path, ec)) {
    if (!io::is_binary_matrix_file(cache_path))
      throw InputError(cache_path +
                       ": exists and is not an unbake matrix file; not replacing it with a cache");
    try {
      LoadedCorpus loaded = load_corpus(cache_path);
      if (loaded.fingerprint == fingerprint) {
        out.corpus = std::move(loaded.corpus);
        out.corpus.root = root;
        // Listing, checking and loading the cache stand for reading the folder.
        out.corpus.seconds_reading =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        out.outcome = CacheOutcome::reused;
        return out;
      }
      out.why = "the folder's files or the settings changed";
    } catch (const InputError& e) {
      out.why = e.what();
    }
    out.outcome = CacheOutcome::replaced;
  }
  out.corpus = vectorize(root, options, exec);
  save_corpus(cache_path, out.corpus, fingerprint);
  return out;
}

}  // namespace unbake::text

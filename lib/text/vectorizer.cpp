#include <unbake/text/table_documents.hpp>
#include <unbake/text/vectorizer.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <unordered_map>

#include <fmt/format.h>

#include <unbake/core/errors.hpp>
#include <unbake/core/threads.hpp>
#include "core/log.hpp"
#include "text/vectorizer_counting.hpp"
#include "text/vectorizer_workers.hpp"

namespace unbake::text {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Column of a (worker, local id) pair, or -1 when the term was pruned.
struct ColumnMap {
  std::vector<std::vector<std::int32_t>> per_worker;
};

// Rows of the documents that were read, with local ids turned into columns
// and sorted. Rows are independent, so any split over threads gives the same
// arrays.
CountRows assemble_rows(const DocumentCounts& counts, const std::vector<std::size_t>& read_docs,
                        const ColumnMap& columns, std::size_t n_cols, int threads) {
  const std::size_t n = read_docs.size();
  CountRows rows;
  rows.n_cols = n_cols;
  rows.row_start.assign(n + 1, 0);
  auto block = [&](int w, auto&& per_row) {
    const std::size_t first = n * static_cast<std::size_t>(w) / static_cast<std::size_t>(threads);
    const std::size_t last = n * static_cast<std::size_t>(w + 1) / static_cast<std::size_t>(threads);
    for (std::size_t r = first; r < last; ++r) per_row(r, counts.rows[read_docs[r]]);
  };
  run_workers(threads, [&](int w) {
    block(w, [&](std::size_t r, const DocumentCounts::Row& row) {
      const auto& map = columns.per_worker[row.worker];
      const auto& ids = counts.workers[row.worker].ids;
      std::int64_t kept = 0;
      for (std::uint64_t i = row.begin; i < row.begin + row.length; ++i) kept += map[ids[i]] >= 0;
      rows.row_start[r + 1] = kept;
    });
  });
  for (std::size_t r = 0; r < n; ++r) rows.row_start[r + 1] += rows.row_start[r];
  rows.cols.resize(static_cast<std::size_t>(rows.row_start.back()));
  rows.counts.resize(rows.cols.size());
  run_workers(threads, [&](int w) {
    std::vector<std::uint64_t> packed;  // column << 32 | count: one sort orders both
    block(w, [&](std::size_t r, const DocumentCounts::Row& row) {
      const auto& map = columns.per_worker[row.worker];
      const auto& worker = counts.workers[row.worker];
      packed.clear();
      for (std::uint64_t i = row.begin; i < row.begin + row.length; ++i) {
        const std::int32_t col = map[worker.ids[i]];
        if (col >= 0) packed.push_back(static_cast<std::uint64_t>(col) << 32 | worker.counts[i]);
      }
      std::sort(packed.begin(), packed.end());
      auto at = static_cast<std::size_t>(rows.row_start[r]);
      for (std::uint64_t p : packed) {
        rows.cols[at] = static_cast<std::int32_t>(p >> 32);
        rows.counts[at] = static_cast<std::uint32_t>(p & 0xffffffffu);
        ++at;
      }
    });
  });
  return rows;
}

// Everything after counting that both entry points share: which documents
// were read, the skipped list, and the corpus fields that follow from them.
struct ReadSplit {
  std::vector<std::size_t> read_docs;
};

// The extensions as a message lists them: ".txt, .md, \"\"".
std::string extension_list(const std::vector<std::string>& extensions) {
  std::string out;
  for (const auto& e : extensions) out += (out.empty() ? "" : ", ") + (e.empty() ? std::string("\"\"") : e);
  return out;
}

ReadSplit split_read(const DocumentSource& documents, const ReaderOptions& reader,
                     const DocumentCounts& counts, VectorizedCorpus& out) {
  ReadSplit split;
  out.root = documents.root;
  out.skipped = documents.skipped;
  out.not_read = documents.not_read;
  out.deduplicated = reader.dedupe;
  for (const auto& column : documents.meta) out.meta.push_back({column.name, {}});
  // Exact duplicates by the decoded text's 64-bit hash and length (two
  // different texts agree on both with odds of about n² / 2^65).
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> seen;
  for (std::size_t d = 0; d < documents.ids.size(); ++d) {
    if (counts.skip_reasons[d].empty()) {
      const auto& row = counts.rows[d];
      auto& same_hash = seen[row.text_hash];
      const auto first = std::find_if(same_hash.begin(), same_hash.end(), [&](std::size_t e) {
        return counts.rows[e].text_bytes == row.text_bytes;
      });
      if (first != same_hash.end()) {
        out.duplicates.push_back({documents.ids[d], documents.ids[*first]});
        if (reader.dedupe) continue;
      } else {
        same_hash.push_back(d);
      }
      split.read_docs.push_back(d);
      out.doc_ids.push_back(documents.ids[d]);
      if (!documents.labels.empty()) out.labels.push_back(documents.labels[d]);
      for (std::size_t c = 0; c < documents.meta.size(); ++c)
        out.meta[c].values.push_back(documents.meta[c].values[d]);
    } else {
      out.skipped.push_back({documents.ids[d], counts.skip_reasons[d]});
    }
  }
  std::stable_sort(out.skipped.begin(), out.skipped.end(),
                   [](const SkippedFile& a, const SkippedFile& b) { return a.path < b.path; });
  out.bytes_read = counts.bytes;
  if (split.read_docs.empty() && documents.ids.empty() && out.skipped.empty())
    throw InputError(fmt::format("{}: no documents: no file has one of the extensions read ({})",
                                 documents.root, extension_list(reader.extensions)));
  if (split.read_docs.empty())
    throw InputError(fmt::format("{}: no readable documents ({} skipped, first: {}: {})", documents.root,
                                 out.skipped.size(), out.skipped.front().path, out.skipped.front().reason));
  return split;
}

void finish_matrix(const CountRows& rows, const VectorizerOptions& options, VectorizedCorpus& out) {
  out.V = weight_counts(rows, out.idf, options.weighting());
  out.empty_documents = 0;
  for (std::size_t r = 0; r < rows.rows(); ++r)
    out.empty_documents += rows.row_start[r] == rows.row_start[r + 1];
}

// The most frequent word behind a stem over all workers (ties: the bytewise
// smallest, so the choice does not depend on the split), or the stem itself.
std::string surface_of(std::string_view stem, const std::vector<WorkerCounts>& workers) {
  std::map<std::string_view, std::uint64_t> words;
  for (const auto& w : workers)
    if (const auto it = w.surfaces.find(stem); it != w.surfaces.end())
      for (const auto& [word, n] : it->second) words[word] += n;
  std::string_view best = stem;
  std::uint64_t most = 0;
  for (const auto& [word, n] : words)
    if (n > most) best = word, most = n;
  return std::string(best);
}

// `pairs`: --ngram 2, where a space joins two words (a single word can hold
// one too: NFKC folds U+202F to a space).
std::vector<std::string> display_terms(const std::vector<std::string>& terms,
                                       const std::vector<WorkerCounts>& workers, bool pairs) {
  std::vector<std::string> out;
  out.reserve(terms.size());
  for (const auto& term : terms) {
    const std::size_t space = pairs ? term.find(' ') : std::string::npos;
    out.push_back(space == std::string::npos
                      ? surface_of(term, workers)
                      : surface_of(std::string_view(term).substr(0, space), workers) + ' ' +
                            surface_of(std::string_view(term).substr(space + 1), workers));
  }
  return out;
}

}  // namespace

DocumentSource memory_documents(std::vector<std::pair<std::string, std::string>> id_and_text) {
  auto texts = std::make_shared<std::vector<std::string>>();
  DocumentSource source;
  source.root = "(memory)";
  for (auto& [id, text] : id_and_text) {
    source.ids.push_back(id);
    texts->push_back(std::move(text));
  }
  source.read = [texts](std::size_t i) {
    ReadOutcome outcome;
    outcome.text = (*texts)[i];
    return outcome;
  };
  return source;
}

VectorizedCorpus vectorize(const DocumentSource& documents, const VectorizerOptions& options,
                           const Execution& exec) {
  options.validate();
  const int threads = resolve_threads(exec.threads);
  VectorizedCorpus out;
  auto start = Clock::now();
  ResolvedStopwords resolved = resolve_stopwords(documents, options.tokenizer, exec);
  if (resolved.languages.automatic)
    log().debug("languages of {} documents identified in {:.3f} s", resolved.languages.sampled,
                seconds_since(start));
  DocumentCounts counts = count_terms(documents, resolved.tokenizer, exec, nullptr);
  out.stopwords = std::move(resolved.tokenizer.stopwords);
  out.languages = std::move(resolved.languages);
  out.seconds_reading = seconds_since(start);
  start = Clock::now();
  const ReadSplit split = split_read(documents, options.reader, counts, out);

  std::vector<const TermDictionary*> dictionaries;
  for (const auto& w : counts.workers) dictionaries.push_back(&w.dictionary);
  MergedVocabulary merged = merge_dictionaries(dictionaries, threads);
  log().debug("merged {} distinct terms in {:.3f} s", merged.terms.size(), seconds_since(start));
  for (auto& w : counts.workers) w.dictionary = TermDictionary();  // the merged copy is enough now

  std::vector<std::uint32_t> df(merged.terms.size(), 0);
  std::vector<std::uint64_t> corpus_count(merged.terms.size(), 0);
  for (std::size_t d : split.read_docs) {
    const auto& row = counts.rows[d];
    const auto& worker = counts.workers[row.worker];
    const auto& remap = merged.remap[row.worker];
    for (std::uint64_t i = row.begin; i < row.begin + row.length; ++i) {
      const std::uint32_t t = remap[worker.ids[i]];
      ++df[t];
      corpus_count[t] += worker.counts[i];
    }
  }
  if (merged.terms.empty())  // the input's fault, not the pruning settings'
    throw InputError(
        fmt::format("{}: no words in the {} documents read (empty, or only stopwords, numbers or "
                    "punctuation; {} files skipped)",
                    documents.root, split.read_docs.size(), out.skipped.size()));
  const std::vector<std::uint32_t> kept =
      select_terms(merged.terms, df, corpus_count, split.read_docs.size(), options.prune());

  std::vector<std::int32_t> column_of_term(merged.terms.size(), -1);
  out.terms.reserve(kept.size());
  out.df.reserve(kept.size());
  for (std::size_t c = 0; c < kept.size(); ++c) {
    column_of_term[kept[c]] = static_cast<std::int32_t>(c);
    out.terms.push_back(std::move(merged.terms[kept[c]]));
    out.df.push_back(df[kept[c]]);
  }
  ColumnMap columns;
  for (const auto& remap : merged.remap) {
    auto& map = columns.per_worker.emplace_back(remap.size());
    for (std::size_t i = 0; i < remap.size(); ++i) map[i] = column_of_term[remap[i]];
  }
  if (!resolved.tokenizer.stem.empty())
    out.display_terms = display_terms(out.terms, counts.workers, resolved.tokenizer.ngram == 2);
  log().debug("document frequencies and pruning done at {:.3f} s", seconds_since(start));
  const CountRows rows = assemble_rows(counts, split.read_docs, columns, kept.size(), threads);
  log().debug("rows assembled at {:.3f} s", seconds_since(start));
  out.idf = options.use_idf ? smooth_idf(out.df, split.read_docs.size())
                            : Eigen::VectorXd::Ones(static_cast<Eigen::Index>(kept.size()));
  finish_matrix(rows, options, out);
  out.seconds_weighting = seconds_since(start);
  return out;
}

VectorizedCorpus vectorize(const std::string& root, const VectorizerOptions& options, const Execution& exec) {
  options.validate();
  const auto start = Clock::now();
  const DocumentSource documents = open_documents(root, options.reader);
  const double listing = seconds_since(start);
  VectorizedCorpus out = vectorize(documents, options, exec);
  out.seconds_listing = listing;
  return out;
}

VectorizedCorpus vectorize_with_vocabulary(const DocumentSource& documents, const VectorizerOptions& options,
                                           const std::vector<std::string>& terms, const Eigen::VectorXd& idf,
                                           const Execution& exec) {
  options.validate();
  if (static_cast<std::size_t>(idf.size()) != terms.size())
    throw InputError(fmt::format("vocabulary has {} terms but idf has {} values", terms.size(), idf.size()));
  TermDictionary dictionary;
  for (std::size_t t = 0; t < terms.size(); ++t) {
    if (t > 0 && !(terms[t - 1] < terms[t]))
      throw InputError(fmt::format("vocabulary is not sorted and unique at term {} ('{}')", t + 1, terms[t]));
    dictionary.intern(terms[t]);
  }
  const int threads = resolve_threads(exec.threads);
  VectorizedCorpus out;
  auto start = Clock::now();
  // New documents must be read as the vocabulary's were: choosing lists from
  // them would make a document's row depend on the others given with it.
  if (std::find(options.tokenizer.stopwords.begin(), options.tokenizer.stopwords.end(), "auto") !=
      options.tokenizer.stopwords.end())
    throw UsageError("stopwords",
                     "'auto' is not for a fixed vocabulary: give the lists it was made with "
                     "(VectorizedCorpus::stopwords; a saved model holds its words)");
  ResolvedStopwords resolved = resolve_stopwords(documents, options.tokenizer, exec);
  DocumentCounts counts = count_terms(documents, resolved.tokenizer, exec, &dictionary);
  out.stopwords = std::move(resolved.tokenizer.stopwords);
  out.languages = std::move(resolved.languages);
  out.seconds_reading = seconds_since(start);
  start = Clock::now();
  const ReadSplit split = split_read(documents, options.reader, counts, out);

  ColumnMap columns;  // ids of the fixed dictionary are the columns already
  std::vector<std::int32_t> identity(terms.size());
  for (std::size_t t = 0; t < terms.size(); ++t) identity[t] = static_cast<std::int32_t>(t);
  columns.per_worker.assign(counts.workers.size(), identity);
  const CountRows rows = assemble_rows(counts, split.read_docs, columns, terms.size(), threads);
  out.terms = terms;
  out.df.assign(terms.size(), 0);
  for (std::int32_t c : rows.cols) ++out.df[static_cast<std::size_t>(c)];
  out.idf = options.use_idf ? idf : Eigen::VectorXd::Ones(idf.size());
  finish_matrix(rows, options, out);
  out.seconds_weighting = seconds_since(start);
  return out;
}

VectorizedCorpus vectorize_with_vocabulary(const std::string& root, const VectorizerOptions& options,
                                           const std::vector<std::string>& terms, const Eigen::VectorXd& idf,
                                           const Execution& exec) {
  options.validate();
  const auto start = Clock::now();
  const DocumentSource documents = open_documents(root, options.reader);
  const double listing = seconds_since(start);
  VectorizedCorpus out = vectorize_with_vocabulary(documents, options, terms, idf, exec);
  out.seconds_listing = listing;
  return out;
}

}  // namespace unbake::text

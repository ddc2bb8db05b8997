#include "text/vectorizer_counting.hpp"

#include <functional>
#include <string_view>

#include <atomic>
#include <exception>
#include <mutex>
#include <optional>

#include <unbake/core/threads.hpp>
#include "core/progress_task.hpp"
#include "text/vectorizer_workers.hpp"

namespace unbake::text {
namespace {

// Per-worker scratch that turns a stream of term ids into (id, count) pairs
// for one document without clearing anything between documents: an id's slot
// is valid only when its stamp equals the current document's.
class DocumentTally {
 public:
  void start(std::size_t begin) {
    ++stamp_now_;
    doc_begin_ = begin;
  }
  void add(std::uint32_t id, WorkerCounts& out) {
    if (id >= entries_.size()) entries_.resize(std::max<std::size_t>(id + 1, 2 * entries_.size()));
    Entry& e = entries_[id];
    if (e.stamp != stamp_now_) {
      e.stamp = stamp_now_;
      e.slot = static_cast<std::uint32_t>(out.ids.size() - doc_begin_);
      out.ids.push_back(id);
      out.counts.push_back(1);
    } else {
      ++out.counts[doc_begin_ + e.slot];
    }
  }

 private:
  struct Entry {
    std::uint32_t stamp = 0;
    std::uint32_t slot = 0;  // position within the current document's pairs
  };
  std::uint32_t stamp_now_ = 0;
  std::size_t doc_begin_ = 0;
  std::vector<Entry> entries_;
};

}  // namespace

DocumentCounts count_terms(const DocumentSource& documents, const TokenizerOptions& options,
                           const Execution& exec, const TermDictionary* fixed) {
  const int n_threads = resolve_threads(exec.threads);
  const auto n = static_cast<std::int64_t>(documents.ids.size());
  DocumentCounts out;
  out.workers.resize(static_cast<std::size_t>(n_threads));
  out.rows.resize(documents.ids.size());
  out.skip_reasons.resize(documents.ids.size());

  std::mutex error_mutex;
  std::exception_ptr error;
  std::int64_t error_doc = n + 1;
  std::atomic<bool> failed{false};
  auto record = [&](std::int64_t doc) {
    std::lock_guard lock(error_mutex);
    if (doc < error_doc) {
      error_doc = doc;
      error = std::current_exception();
    }
    failed = true;
  };

  ProgressTask progress(exec, "Reading", documents.ids.size());
  std::atomic<std::uint64_t> bytes{0};
  std::atomic<std::int64_t> next{0};
  constexpr std::int64_t kChunk = 4;  // documents taken at a time: small, so workers finish together
  run_workers(n_threads, [&](int w) {
    WorkerCounts& mine = out.workers[static_cast<std::size_t>(w)];
    std::optional<Tokenizer> tokenizer;
    try {
      tokenizer.emplace(options);
    } catch (...) {
      record(-1);
      return;
    }
    if (!options.stem.empty() && !fixed) {
      tokenizer->set_surface_listener([&mine](std::string_view term, std::string_view word) {
        auto stem = mine.surfaces.find(term);
        if (stem == mine.surfaces.end())
          stem = mine.surfaces.emplace(std::string(term), StringMap<std::uint64_t>{}).first;
        auto count = stem->second.find(word);
        if (count == stem->second.end())
          stem->second.emplace(std::string(word), 1);
        else
          ++count->second;
      });
    }
    DocumentTally tally;
    std::string bytes_of_doc;
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    std::vector<std::string_view> views;
    std::vector<std::uint32_t> ids;
    for (std::int64_t first = next.fetch_add(kChunk); first < n && !failed; first = next.fetch_add(kChunk)) {
      for (std::int64_t i = first; i < std::min(n, first + kChunk) && !failed; ++i) {
        try {
          exec.throw_if_cancelled();
          const auto doc = static_cast<std::size_t>(i);
          ReadOutcome outcome = documents.read(doc);
          std::uint64_t text_bytes = 0;
          if (!outcome.text) {
            out.skip_reasons[doc] = outcome.skip_reason.empty() ? "unreadable" : outcome.skip_reason;
          } else {
            auto& row = out.rows[doc];
            row.worker = static_cast<std::uint32_t>(w);
            row.begin = mine.ids.size();
            tally.start(row.begin);
            // Terms are gathered first and looked up together, which lets
            // the dictionary overlap its cache misses.
            bytes_of_doc.clear();
            spans.clear();
            tokenizer->tokenize(*outcome.text, [&](std::string_view term) {
              spans.emplace_back(bytes_of_doc.size(), term.size());
              bytes_of_doc.append(term);
            });
            views.clear();
            for (auto [offset, length] : spans) views.emplace_back(bytes_of_doc.data() + offset, length);
            if (fixed) {
              fixed->find_all(views, ids);
              for (std::uint32_t id : ids)
                if (id != TermDictionary::kNotFound) tally.add(id, mine);
            } else {
              mine.dictionary.intern_all(views, ids);
              for (std::uint32_t id : ids) tally.add(id, mine);
            }
            row.length = static_cast<std::uint32_t>(mine.ids.size() - row.begin);
            // libstdc++'s string hash is unseeded: the same on every run.
            row.text_hash = std::hash<std::string_view>{}(*outcome.text);
            row.text_bytes = outcome.text->size();
            bytes += outcome.text->size();
            text_bytes = outcome.text->size();
          }
          progress.advance(1, text_bytes);
        } catch (...) {
          record(i);
        }
      }
    }
  });
  progress.finish();
  if (error) std::rethrow_exception(error);
  out.bytes = bytes;
  return out;
}

}  // namespace unbake::text

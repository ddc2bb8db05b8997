#include "text/vectorizer_counting.hpp"

#include <omp.h>

#include <atomic>
#include <exception>
#include <mutex>
#include <optional>

#include "core/progress.hpp"
#include "core/threads.hpp"

namespace unbake::text {
namespace {

// Per-worker scratch that turns a stream of term ids into (id, count) pairs
// for one document without clearing anything between documents: an id's slot
// is valid only when its stamp equals the current document's.
class DocumentTally {
 public:
  void start() { ++stamp_now_; }
  void add(std::uint32_t id, WorkerCounts& out) {
    if (id >= stamp_.size()) {
      const std::size_t size = std::max<std::size_t>(id + 1, 2 * stamp_.size());
      stamp_.resize(size, 0);
      slot_.resize(size, 0);
    }
    if (stamp_[id] != stamp_now_) {
      stamp_[id] = stamp_now_;
      slot_[id] = out.ids.size();
      out.ids.push_back(id);
      out.counts.push_back(1);
    } else {
      ++out.counts[slot_[id]];
    }
  }

 private:
  std::uint64_t stamp_now_ = 0;
  std::vector<std::uint64_t> stamp_;
  std::vector<std::size_t> slot_;
};

}  // namespace

DocumentCounts count_terms(const DocumentSource& documents, const TokenizerOptions& options, int threads,
                           const TermDictionary* fixed) {
  const int n_threads = resolve_threads(threads);
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

  Progress progress("Reading", documents.ids.size(), true);
  std::atomic<std::uint64_t> bytes{0};
#pragma omp parallel num_threads(n_threads)
  {
    const int w = omp_get_thread_num();
    WorkerCounts& mine = out.workers[static_cast<std::size_t>(w)];
    std::optional<Tokenizer> tokenizer;
    try {
      tokenizer.emplace(options);
    } catch (...) {
      record(-1);
    }
    DocumentTally tally;
#pragma omp for schedule(dynamic, 4)
    for (std::int64_t i = 0; i < n; ++i) {
      if (failed) continue;
      try {
        const auto doc = static_cast<std::size_t>(i);
        ReadOutcome outcome = documents.read(doc);
        if (!outcome.text) {
          out.skip_reasons[doc] = outcome.skip_reason.empty() ? "unreadable" : outcome.skip_reason;
        } else {
          auto& row = out.rows[doc];
          row.worker = static_cast<std::uint32_t>(w);
          row.begin = mine.ids.size();
          tally.start();
          if (fixed) {
            tokenizer->tokenize(*outcome.text, [&](std::string_view term) {
              const std::uint32_t id = fixed->find(term);
              if (id != TermDictionary::kNotFound) tally.add(id, mine);
            });
          } else {
            tokenizer->tokenize(
                *outcome.text, [&](std::string_view term) { tally.add(mine.dictionary.intern(term), mine); });
          }
          row.length = static_cast<std::uint32_t>(mine.ids.size() - row.begin);
          bytes += outcome.text->size();
        }
        progress.advance(1, documents.sizes[doc]);
      } catch (...) {
        record(i);
      }
    }
  }
  progress.finish();
  if (error) std::rethrow_exception(error);
  out.bytes = bytes;
  return out;
}

}  // namespace unbake::text

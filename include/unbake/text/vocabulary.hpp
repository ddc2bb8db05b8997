#pragma once
// Terms of a corpus. Each reading worker fills its own TermDictionary (keyed
// on string_view: no allocation per token); the dictionaries are then merged
// into one vocabulary ordered by UTF-8 bytes, whatever the thread count or the
// scheduling, and pruned by document frequency and corpus count.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace unbake::text {

// Open-addressing hash table from term bytes to a dense id (order of first
// insertion). Terms live back to back in one buffer.
class TermDictionary {
 public:
  static constexpr std::uint32_t kNotFound = UINT32_MAX;

  TermDictionary();
  std::uint32_t intern(std::string_view term);      // id of term, inserting it when new
  std::uint32_t find(std::string_view term) const;  // id or kNotFound
  // The same for many terms at once (ids[i] for terms[i]). Faster than one
  // call per term: table lines are fetched ahead, so cache misses overlap.
  void intern_all(const std::vector<std::string_view>& terms, std::vector<std::uint32_t>& ids);
  void find_all(const std::vector<std::string_view>& terms, std::vector<std::uint32_t>& ids) const;
  std::string_view term(std::uint32_t id) const {
    return {bytes_.data() + offsets_[id], offsets_[id + 1] - offsets_[id]};
  }
  std::size_t size() const { return hashes_.size(); }

 private:
  // Per term: its length and first eight bytes, so comparing a short term
  // (most words) reads no other memory. Ids follow first occurrence, so the
  // frequent terms sit together at low ids and stay in cache.
  struct Entry {
    std::uint64_t head = 0;  // word_key(term): settles equality of terms up to 8 bytes
    std::uint32_t length = 0;
  };
  std::size_t probe(std::string_view term, std::uint64_t hash, std::uint64_t head) const;
  std::uint32_t insert_at(std::uint32_t& slot, std::string_view term, std::uint64_t hash, std::uint64_t head);
  template <class Self>
  static void lookup_batch(Self& self, const std::vector<std::string_view>& terms,
                           std::vector<std::uint32_t>& ids);
  void grow();

  std::string bytes_;
  std::vector<std::size_t> offsets_{0};  // term i = bytes_[offsets_[i], offsets_[i + 1])
  std::vector<std::uint64_t> hashes_;    // per id, so growing never rehashes bytes
  std::vector<Entry> entries_;           // per id
  std::vector<std::uint32_t> slots_;     // id + 1 (0 = empty); a power of two, at most half full
};

// The union of several dictionaries, sorted bytewise, and for each input
// dictionary the position of each of its ids in that sorted list.
struct MergedVocabulary {
  std::vector<std::string> terms;
  std::vector<std::vector<std::uint32_t>> remap;  // remap[dictionary][local id] = index in terms
};
// Each dictionary is sorted on its own (in parallel, up to `threads`), then
// the sorted lists are merged.
MergedVocabulary merge_dictionaries(const std::vector<const TermDictionary*>& dictionaries, int threads = 1);

// Which terms survive pruning, scikit-learn style: min_df is a document count
// when >= 1 and a fraction of documents when < 1; max_df is a fraction when
// <= 1 and a count when > 1; then the max_features terms with the largest
// corpus count (0 = no limit; ties broken by term bytes, the smaller first).
struct PruneSettings {
  double min_df = 2;
  double max_df = 0.95;
  std::size_t max_features = 0;
};
// Returns the indices of the kept terms, ascending. `terms` must be sorted
// bytewise. Throws UsageError naming the settings when nothing is kept.
std::vector<std::uint32_t> select_terms(const std::vector<std::string>& terms,
                                        const std::vector<std::uint32_t>& df,
                                        const std::vector<std::uint64_t>& corpus_count, std::size_t n_docs,
                                        const PruneSettings& settings);

}  // namespace unbake::text

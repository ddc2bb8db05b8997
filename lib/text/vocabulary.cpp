#include <unbake/text/vocabulary.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <numeric>
#include <type_traits>

#include <fmt/format.h>

#include <unbake/core/errors.hpp>
#include "text/vectorizer_workers.hpp"
#include "text/word_key.hpp"

namespace unbake::text {

TermDictionary::TermDictionary() : slots_(1024, 0) {}

std::size_t TermDictionary::probe(std::string_view term, std::uint64_t hash, std::uint64_t head) const {
  const std::size_t mask = slots_.size() - 1;
  const auto length = static_cast<std::uint32_t>(term.size());
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const std::uint32_t s = slots_[i];
    if (s == 0) return i;
    const Entry& e = entries_[s - 1];
    if (e.head == head && e.length == length &&
        (length <= 8 || std::memcmp(bytes_.data() + offsets_[s - 1] + 8, term.data() + 8, length - 8) == 0))
      return i;
  }
}

std::uint32_t TermDictionary::find(std::string_view term) const {
  const std::uint32_t s = slots_[probe(term, word_hash(term), word_key(term))];
  return s == 0 ? kNotFound : s - 1;
}

std::uint32_t TermDictionary::intern(std::string_view term) {
  const std::uint64_t hash = word_hash(term);
  const std::uint64_t head = word_key(term);
  std::uint32_t& s = slots_[probe(term, hash, head)];
  return s != 0 ? s - 1 : insert_at(s, term, hash, head);
}

std::uint32_t TermDictionary::insert_at(std::uint32_t& slot, std::string_view term, std::uint64_t hash,
                                        std::uint64_t head) {
  const auto id = static_cast<std::uint32_t>(hashes_.size());
  bytes_.append(term);
  offsets_.push_back(bytes_.size());
  hashes_.push_back(hash);
  entries_.push_back({head, static_cast<std::uint32_t>(term.size())});
  slot = id + 1;
  if (2 * hashes_.size() > slots_.size()) grow();
  return id;
}

template <class Self>
void TermDictionary::lookup_batch(Self& self, const std::vector<std::string_view>& terms,
                                  std::vector<std::uint32_t>& ids) {
  constexpr std::size_t kAhead = 16;  // slots are fetched this many terms ahead, entries half as far
  const std::size_t n = terms.size();
  std::array<std::uint64_t, kAhead> ring{};  // hashes of terms i .. i + kAhead - 1
  for (std::size_t i = 0; i < n && i < kAhead; ++i) ring[i] = word_hash(terms[i]);
  ids.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t hash = ring[i % kAhead];
    const std::size_t mask = self.slots_.size() - 1;
    if (i + kAhead < n) {
      const std::uint64_t ahead = word_hash(terms[i + kAhead]);
      ring[i % kAhead] = ahead;
      __builtin_prefetch(&self.slots_[ahead & mask]);
    }
    if (i + kAhead / 2 < n) {
      const std::uint32_t s = self.slots_[ring[(i + kAhead / 2) % kAhead] & mask];
      if (s != 0) __builtin_prefetch(&self.entries_[s - 1]);
    }
    const std::uint64_t head = word_key(terms[i]);
    auto& slot = self.slots_[self.probe(terms[i], hash, head)];
    if constexpr (std::is_const_v<Self>) {
      ids[i] = slot != 0 ? slot - 1 : kNotFound;
    } else {
      ids[i] = slot != 0 ? slot - 1 : self.insert_at(slot, terms[i], hash, head);
    }
  }
}

void TermDictionary::intern_all(const std::vector<std::string_view>& terms, std::vector<std::uint32_t>& ids) {
  lookup_batch(*this, terms, ids);
}

void TermDictionary::find_all(const std::vector<std::string_view>& terms,
                              std::vector<std::uint32_t>& ids) const {
  lookup_batch(*this, terms, ids);
}

void TermDictionary::grow() {
  std::vector<std::uint32_t> bigger(slots_.size() * 2, 0);
  const std::size_t mask = bigger.size() - 1;
  for (std::uint32_t id = 0; id < hashes_.size(); ++id) {
    std::size_t i = hashes_[id] & mask;
    while (bigger[i] != 0) i = (i + 1) & mask;
    bigger[i] = id + 1;
  }
  slots_.swap(bigger);
}

namespace {

// A term's first eight bytes read big-endian and zero-padded: comparing these
// orders most pairs of terms bytewise without touching their bytes.
struct SortKey {
  std::uint64_t prefix;
  std::uint32_t id;
};

std::vector<SortKey> sorted_keys(const TermDictionary& dict) {
  std::vector<SortKey> keys(dict.size());
  for (std::uint32_t id = 0; id < dict.size(); ++id) {
    const std::string_view t = dict.term(id);
    std::uint64_t prefix = 0;
    for (std::size_t i = 0; i < 8; ++i)
      prefix = prefix << 8 | (i < t.size() ? static_cast<unsigned char>(t[i]) : 0u);
    keys[id] = {prefix, id};
  }
  std::sort(keys.begin(), keys.end(), [&](const SortKey& a, const SortKey& b) {
    return a.prefix != b.prefix ? a.prefix < b.prefix : dict.term(a.id) < dict.term(b.id);
  });
  return keys;
}

}  // namespace

MergedVocabulary merge_dictionaries(const std::vector<const TermDictionary*>& dictionaries, int threads) {
  const std::size_t k = dictionaries.size();
  MergedVocabulary out;
  out.remap.resize(k);
  // Insertion order depends on which worker met a term first; sorting by
  // bytes removes that dependence.
  std::vector<std::vector<SortKey>> sorted(k);
  std::atomic<std::size_t> next{0};
  run_workers(std::max(1, std::min(threads, static_cast<int>(k))), [&](int) {
    for (std::size_t d = next++; d < k; d = next++) sorted[d] = sorted_keys(*dictionaries[d]);
  });

  std::vector<std::size_t> at(k, 0);
  std::size_t total = 0;
  for (std::size_t d = 0; d < k; ++d) {
    out.remap[d].resize(dictionaries[d]->size());
    total += dictionaries[d]->size();
  }
  out.terms.reserve(total);
  auto less = [&](std::size_t a, std::size_t b) {  // head of list a before head of list b
    const SortKey& x = sorted[a][at[a]];
    const SortKey& y = sorted[b][at[b]];
    return x.prefix != y.prefix ? x.prefix < y.prefix
                                : dictionaries[a]->term(x.id) < dictionaries[b]->term(y.id);
  };
  for (;;) {
    std::size_t best = k;
    for (std::size_t d = 0; d < k; ++d)
      if (at[d] < sorted[d].size() && (best == k || less(d, best))) best = d;
    if (best == k) break;
    const std::string_view term = dictionaries[best]->term(sorted[best][at[best]].id);
    if (out.terms.empty() || out.terms.back() != term) out.terms.emplace_back(term);
    out.remap[best][sorted[best][at[best]].id] = static_cast<std::uint32_t>(out.terms.size() - 1);
    ++at[best];
  }
  return out;
}

std::vector<std::uint32_t> select_terms(const std::vector<std::string>& terms,
                                        const std::vector<std::uint32_t>& df,
                                        const std::vector<std::uint64_t>& corpus_count, std::size_t n_docs,
                                        const PruneSettings& settings) {
  const double n = static_cast<double>(n_docs);
  const double min_count = settings.min_df >= 1 ? settings.min_df : settings.min_df * n;
  const double max_count = settings.max_df > 1 ? settings.max_df : settings.max_df * n;
  std::vector<std::uint32_t> kept;
  for (std::uint32_t t = 0; t < terms.size(); ++t)
    if (df[t] >= min_count && df[t] <= max_count) kept.push_back(t);

  if (kept.empty()) {
    if (terms.empty())
      throw UsageError(fmt::format("no terms in {} documents: nothing to vectorize", n_docs));
    auto [lo, hi] = std::minmax_element(df.begin(), df.end());
    throw UsageError(
        "min_df",
        fmt::format("{} (at least {:g} documents) and max_df {} (at most {:g} documents) leave an "
                    "empty vocabulary: the {} distinct terms occur in {} to {} of {} documents",
                    settings.min_df, min_count, settings.max_df, max_count, terms.size(), *lo, *hi, n_docs),
        {"max_df"});
  }

  if (settings.max_features > 0 && kept.size() > settings.max_features) {
    // Terms are sorted bytewise, so a smaller index is the smaller term.
    std::nth_element(kept.begin(), kept.begin() + static_cast<std::ptrdiff_t>(settings.max_features),
                     kept.end(), [&](std::uint32_t a, std::uint32_t b) {
                       return corpus_count[a] != corpus_count[b] ? corpus_count[a] > corpus_count[b] : a < b;
                     });
    kept.resize(settings.max_features);
    std::sort(kept.begin(), kept.end());
  }
  return kept;
}

}  // namespace unbake::text

#include "text/vocabulary.hpp"

#include <algorithm>
#include <cstring>
#include <numeric>

#include <fmt/format.h>

#include "core/errors.hpp"

namespace unbake::text {
namespace {

inline std::uint64_t fmix(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

// Eight bytes at a time; terms are short, so this is a handful of multiplies.
inline std::uint64_t hash_bytes(std::string_view s) {
  std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ s.size();
  const char* p = s.data();
  std::size_t n = s.size();
  while (n >= 8) {
    std::uint64_t k;
    std::memcpy(&k, p, 8);
    h = (h ^ k) * 0x87c37b91114253d5ULL;
    h ^= h >> 31;
    p += 8;
    n -= 8;
  }
  std::uint64_t k = 0;
  std::memcpy(&k, p, n);
  return fmix(h ^ k);
}

}  // namespace

TermDictionary::TermDictionary() : slots_(1024, 0) {}

std::size_t TermDictionary::probe(std::string_view term, std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  const std::uint64_t tag = hash & 0xffffffff00000000ULL;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const std::uint64_t s = slots_[i];
    if (s == 0) return i;
    if ((s & 0xffffffff00000000ULL) == tag && this->term(static_cast<std::uint32_t>(s) - 1) == term) return i;
  }
}

std::uint32_t TermDictionary::find(std::string_view term) const {
  const std::uint64_t s = slots_[probe(term, hash_bytes(term))];
  return s == 0 ? kNotFound : static_cast<std::uint32_t>(s) - 1;
}

std::uint32_t TermDictionary::intern(std::string_view term) {
  const std::uint64_t hash = hash_bytes(term);
  std::size_t i = probe(term, hash);
  if (slots_[i] != 0) return static_cast<std::uint32_t>(slots_[i]) - 1;
  const auto id = static_cast<std::uint32_t>(hashes_.size());
  bytes_.append(term);
  offsets_.push_back(bytes_.size());
  hashes_.push_back(hash);
  slots_[i] = (hash & 0xffffffff00000000ULL) | (id + 1);
  if (2 * hashes_.size() > slots_.size()) grow();  // keep the load at most one half
  return id;
}

void TermDictionary::grow() {
  std::vector<std::uint64_t> bigger(slots_.size() * 2, 0);
  const std::size_t mask = bigger.size() - 1;
  for (std::uint32_t id = 0; id < hashes_.size(); ++id) {
    std::size_t i = hashes_[id] & mask;
    while (bigger[i] != 0) i = (i + 1) & mask;
    bigger[i] = (hashes_[id] & 0xffffffff00000000ULL) | (id + 1);
  }
  slots_.swap(bigger);
}

MergedVocabulary merge_dictionaries(const std::vector<const TermDictionary*>& dictionaries) {
  MergedVocabulary out;
  TermDictionary all;
  out.remap.resize(dictionaries.size());
  for (std::size_t d = 0; d < dictionaries.size(); ++d) {
    const TermDictionary& dict = *dictionaries[d];
    out.remap[d].resize(dict.size());
    for (std::uint32_t id = 0; id < dict.size(); ++id) out.remap[d][id] = all.intern(dict.term(id));
  }
  // Insertion order depends on which worker met a term first; sorting the
  // union by bytes removes that dependence.
  std::vector<std::uint32_t> order(all.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return all.term(a) < all.term(b); });
  std::vector<std::uint32_t> rank(all.size());
  out.terms.reserve(all.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) {
    rank[order[i]] = i;
    out.terms.emplace_back(all.term(order[i]));
  }
  for (auto& r : out.remap)
    for (auto& id : r) id = rank[id];
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
    throw UsageError(fmt::format(
        "min_df={} (at least {:g} documents) and max_df={} (at most {:g} documents) leave an empty "
        "vocabulary: the {} distinct terms occur in {} to {} of {} documents",
        settings.min_df, min_count, settings.max_df, max_count, terms.size(), *lo, *hi, n_docs));
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

#include <unbake/quality/coherence.hpp>

#include <algorithm>
#include <cmath>
#include <string>

#include <unbake/core/errors.hpp>

namespace unbake::quality {
namespace {

void check_columns(const std::vector<std::vector<long>>& top_terms, long columns, const char* what) {
  for (const auto& terms : top_terms)
    for (long c : terms)
      if (c < 0 || c >= columns)
        throw UsageError(std::string(what) + ": top term column " + std::to_string(c) + " is outside the " +
                         std::to_string(columns) + " columns");
}

// Documents containing both words: a merge of two increasing row lists.
long shared_documents(const std::vector<int>& a, const std::vector<int>& b) {
  long shared = 0;
  auto i = a.begin(), j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++shared;
      ++i;
      ++j;
    }
  }
  return shared;
}

// NPMI from document counts, in logs of counts so that small shares of a large
// corpus keep their precision.
double npmi(long with_a, long with_b, long with_both, long documents) {
  if (with_both == 0) return -1.0;
  if (with_both == documents) return 1.0;
  double log_n = std::log(static_cast<double>(documents));
  double log_ab = std::log(static_cast<double>(with_both));
  double pmi = log_ab + log_n - std::log(static_cast<double>(with_a)) - std::log(static_cast<double>(with_b));
  return pmi / (log_n - log_ab);
}

}  // namespace

std::vector<double> npmi_coherence(const nmf::SparseMatrix& V,
                                   const std::vector<std::vector<long>>& top_terms) {
  check_columns(top_terms, V.cols(), "npmi_coherence");

  // Slot of each listed column in `rows`; -1 for the columns no topic lists.
  std::vector<int> slot(static_cast<std::size_t>(V.cols()), -1);
  int slots = 0;
  for (const auto& terms : top_terms)
    for (long c : terms)
      if (slot[static_cast<std::size_t>(c)] < 0) slot[static_cast<std::size_t>(c)] = slots++;

  // Row order makes every list increasing, ready for merging.
  std::vector<std::vector<int>> rows(static_cast<std::size_t>(slots));
  for (long r = 0; r < V.outerSize(); ++r)
    for (nmf::SparseMatrix::InnerIterator it(V, r); it; ++it) {
      int s = slot[static_cast<std::size_t>(it.col())];
      if (s >= 0 && it.value() != 0) rows[static_cast<std::size_t>(s)].push_back(static_cast<int>(r));
    }

  const long documents = V.rows();
  std::vector<double> coherence;
  coherence.reserve(top_terms.size());
  for (const auto& terms : top_terms) {
    double sum = 0;
    long pairs = 0;
    for (std::size_t i = 0; i < terms.size(); ++i) {
      const auto& a = rows[static_cast<std::size_t>(slot[static_cast<std::size_t>(terms[i])])];
      for (std::size_t j = i + 1; j < terms.size(); ++j) {
        const auto& b = rows[static_cast<std::size_t>(slot[static_cast<std::size_t>(terms[j])])];
        sum +=
            npmi(static_cast<long>(a.size()), static_cast<long>(b.size()), shared_documents(a, b), documents);
        ++pairs;
      }
    }
    coherence.push_back(pairs > 0 ? sum / static_cast<double>(pairs) : 0.0);
  }
  return coherence;
}

double topic_diversity(const std::vector<std::vector<long>>& top_terms, long n) {
  if (n < 1) throw UsageError("topic_diversity: n must be at least 1, got " + std::to_string(n));
  std::vector<long> seen;
  for (const auto& terms : top_terms)
    seen.insert(seen.end(), terms.begin(), terms.begin() + std::min(n, static_cast<long>(terms.size())));
  if (seen.empty()) return 0.0;
  const auto looked_at = static_cast<double>(seen.size());
  std::sort(seen.begin(), seen.end());
  return static_cast<double>(std::unique(seen.begin(), seen.end()) - seen.begin()) / looked_at;
}

std::vector<double> exclusivity(const nmf::Matrix& H, const std::vector<std::vector<long>>& top_terms) {
  if (static_cast<long>(top_terms.size()) != H.rows())
    throw UsageError("exclusivity: " + std::to_string(top_terms.size()) + " top-term lists for " +
                     std::to_string(H.rows()) + " topics");
  check_columns(top_terms, H.cols(), "exclusivity");
  std::vector<double> result;
  result.reserve(top_terms.size());
  for (long t = 0; t < H.rows(); ++t) {
    const auto& terms = top_terms[static_cast<std::size_t>(t)];
    double sum = 0;
    for (long c : terms) {
      double column = H.col(c).sum();
      if (column > 0) sum += H(t, c) / column;
    }
    result.push_back(terms.empty() ? 0.0 : sum / static_cast<double>(terms.size()));
  }
  return result;
}

}  // namespace unbake::quality

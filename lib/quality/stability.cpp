#include <unbake/quality/stability.hpp>

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>
#include <mutex>
#include <numeric>
#include <random>
#include <string>

#include <fmt/format.h>

#include <unbake/core/errors.hpp>
#include <unbake/core/threads.hpp>
#include <unbake/nmf/fit.hpp>
#include <unbake/quality/matching.hpp>

namespace unbake::quality {
namespace {

// splitmix64 finaliser: neighbouring (seed, resample) pairs get unrelated
// generator states.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Uniform in [0, bound) by rejection, so the draw is the same on every
// standard library (std::uniform_int_distribution is not specified exactly).
std::uint64_t uniform_below(std::mt19937_64& rng, std::uint64_t bound) {
  const std::uint64_t limit =
      std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % bound;
  std::uint64_t x;
  do x = rng();
  while (x >= limit);
  return x % bound;
}

// `count` distinct rows of 0..m-1, ascending (partial Fisher–Yates).
std::vector<long> sample_rows(long m, long count, std::uint64_t seed) {
  std::vector<long> rows(static_cast<std::size_t>(m));
  std::iota(rows.begin(), rows.end(), 0L);
  std::mt19937_64 rng(seed);
  for (long i = 0; i < count; ++i) {
    const long j = i + static_cast<long>(uniform_below(rng, static_cast<std::uint64_t>(m - i)));
    std::swap(rows[static_cast<std::size_t>(i)], rows[static_cast<std::size_t>(j)]);
  }
  rows.resize(static_cast<std::size_t>(count));
  std::sort(rows.begin(), rows.end());
  return rows;
}

nmf::SparseMatrix select_rows(const nmf::SparseMatrix& V, const std::vector<long>& rows) {
  long nnz = 0;
  for (long r : rows) nnz += V.outerIndexPtr()[r + 1] - V.outerIndexPtr()[r];
  nmf::SparseMatrix S(static_cast<long>(rows.size()), V.cols());
  S.reserve(nnz);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    S.startVec(static_cast<long>(i));
    for (nmf::SparseMatrix::InnerIterator it(V, rows[i]); it; ++it)
      S.insertBack(static_cast<long>(i), it.col()) = it.value();
  }
  S.finalize();
  return S;
}

// One resample: each reference topic's agreement with its matched topic.
std::vector<double> resample_agreement(const nmf::SparseMatrix& V, const nmf::NmfConfig& config,
                                       const std::vector<std::vector<long>>& reference_top,
                                       const StabilityOptions& options, long sample_size, int r,
                                       const Execution& exec) {
  const std::uint64_t seed = mix(mix(options.seed) ^ static_cast<std::uint64_t>(r));
  nmf::SparseMatrix S = select_rows(V, sample_rows(V.rows(), sample_size, seed));
  nmf::NmfResult fit = nmf::fit(S, config, Execution{1, {}, exec.cancel});
  auto resample_top = top_term_columns(fit.H, options.top_terms);

  const long k = static_cast<long>(reference_top.size());
  nmf::Matrix agreement(k, k);
  for (long a = 0; a < k; ++a)
    for (long b = 0; b < k; ++b)
      agreement(a, b) = average_jaccard(reference_top[static_cast<std::size_t>(a)],
                                        resample_top[static_cast<std::size_t>(b)]);
  nmf::Matrix cost = 1.0 - agreement.array();
  auto match = min_cost_assignment(cost);
  std::vector<double> out(static_cast<std::size_t>(k));
  for (long a = 0; a < k; ++a)
    out[static_cast<std::size_t>(a)] = agreement(a, match[static_cast<std::size_t>(a)]);
  return out;
}

}  // namespace

void StabilityOptions::validate() const {
  if (resamples < 1) throw UsageError("resamples", "must be at least 1, got " + std::to_string(resamples));
  if (!(sample_fraction > 0 && sample_fraction <= 1))
    throw UsageError("sample_fraction", "must be in (0, 1], got " + std::to_string(sample_fraction));
  if (top_terms < 1) throw UsageError("top_terms", "must be at least 1, got " + std::to_string(top_terms));
}

double average_jaccard(const std::vector<long>& a, const std::vector<long>& b) {
  const std::size_t t = std::min(a.size(), b.size());
  if (t == 0) return a.size() == b.size() ? 1.0 : 0.0;
  // Prefix sets grow by one element each per depth; lists are short (t ~ 20),
  // so linear membership tests beat any set structure.
  std::vector<long> seen_a, seen_b;
  long common = 0;
  double sum = 0;
  for (std::size_t d = 0; d < t; ++d) {
    if (std::find(seen_a.begin(), seen_a.end(), a[d]) == seen_a.end()) {
      if (std::find(seen_b.begin(), seen_b.end(), a[d]) != seen_b.end()) ++common;
      seen_a.push_back(a[d]);
    }
    if (std::find(seen_b.begin(), seen_b.end(), b[d]) == seen_b.end()) {
      if (std::find(seen_a.begin(), seen_a.end(), b[d]) != seen_a.end()) ++common;
      seen_b.push_back(b[d]);
    }
    const long united = static_cast<long>(seen_a.size() + seen_b.size()) - common;
    sum += static_cast<double>(common) / static_cast<double>(united);
  }
  return sum / static_cast<double>(t);
}

std::vector<std::vector<long>> top_term_columns(const nmf::Matrix& H, long t) {
  const long n = H.cols();
  t = std::clamp(t, 0L, n);
  std::vector<std::vector<long>> out(static_cast<std::size_t>(H.rows()));
  std::vector<long> cols(static_cast<std::size_t>(n));
  for (long row = 0; row < H.rows(); ++row) {
    std::iota(cols.begin(), cols.end(), 0L);
    std::partial_sort(cols.begin(), cols.begin() + t, cols.end(), [&](long x, long y) {
      const double hx = H(row, x), hy = H(row, y);
      return hx != hy ? hx > hy : x < y;
    });
    out[static_cast<std::size_t>(row)].assign(cols.begin(), cols.begin() + t);
  }
  return out;
}

void check_sample_size(long rows, int k, const StabilityOptions& options) {
  options.validate();
  const long sample_size = std::lround(options.sample_fraction * static_cast<double>(rows));
  if (sample_size < k)
    throw UsageError("sample_fraction", fmt::format("{} leaves resamples of {} documents, too few for k = {}",
                                                    options.sample_fraction, sample_size, k));
}

StabilityResult stability(const nmf::SparseMatrix& V, const nmf::NmfConfig& config,
                          const std::vector<std::vector<long>>& reference_top,
                          const StabilityOptions& options, const Execution& exec,
                          const std::function<void()>& on_resample) {
  options.validate();
  const long k = static_cast<long>(reference_top.size());
  if (k != config.k)
    throw UsageError("stability: " + std::to_string(k) +
                     " reference topics for k = " + std::to_string(config.k));
  check_sample_size(V.rows(), config.k, options);
  const long sample_size = std::lround(options.sample_fraction * static_cast<double>(V.rows()));

  const int resamples = options.resamples;
  const int threads = std::min(resolve_threads(exec.threads), resamples);
  std::vector<std::vector<double>> agreement(static_cast<std::size_t>(resamples));
  std::vector<std::exception_ptr> errors(static_cast<std::size_t>(resamples));
  std::mutex progress_mutex;
  // Resample r always runs with the same seed and one solver thread, and
  // lands in slot r: the outcome is the same for any thread count.
#pragma omp parallel for schedule(static, 1) num_threads(threads)
  for (int r = 0; r < resamples; ++r) {
    try {
      agreement[static_cast<std::size_t>(r)] =
          resample_agreement(V, config, reference_top, options, sample_size, r, exec);
    } catch (...) {
      errors[static_cast<std::size_t>(r)] = std::current_exception();
    }
    if (on_resample) {
      std::lock_guard lock(progress_mutex);
      on_resample();
    }
  }
  for (auto& e : errors)
    if (e) std::rethrow_exception(e);

  StabilityResult out;
  out.per_topic.assign(static_cast<std::size_t>(k), 0.0);
  for (const auto& row : agreement) {
    double sum = 0;
    for (long t = 0; t < k; ++t) {
      out.per_topic[static_cast<std::size_t>(t)] += row[static_cast<std::size_t>(t)];
      sum += row[static_cast<std::size_t>(t)];
    }
    out.per_resample.push_back(k > 0 ? sum / static_cast<double>(k) : 0.0);
  }
  for (double& p : out.per_topic) p /= static_cast<double>(resamples);
  out.stability =
      k > 0 ? std::accumulate(out.per_topic.begin(), out.per_topic.end(), 0.0) / static_cast<double>(k) : 0.0;
  return out;
}

}  // namespace unbake::quality
